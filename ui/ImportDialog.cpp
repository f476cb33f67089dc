#include "ImportDialog.h"

#include "BackgroundJob.h"
#include "ColumnWidths.h"
#include "FormFeedback.h"
#include "MessageBox.h"
#include "importexport/CsvReader.h"
#include "importexport/NonprofitImporter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace herald {

namespace {
constexpr int PreviewRows = 3;
enum MappingColumn { SourceColumn, SampleColumn, FieldColumn };
} // namespace

ImportDialog::ImportDialog(Database& database, QString path, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_path(std::move(path))
    , m_job(new BackgroundJob(this))
    , m_pages(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import Nonprofits from %1").arg(QFileInfo(m_path).fileName()));
    resize(720, 520);

    const Result<CsvPreview> preview = CsvReader::preview(m_path, PreviewRows);
    if (!preview) {
        m_errorText = preview.error().message;
        return;
    }
    if (preview->header.isEmpty()) {
        m_errorText = tr("%1 is empty: there is no header line to read the columns from.").arg(m_path);
        return;
    }
    m_guessed = ColumnMapping::guess(preview->header);
    m_sampleRows = preview->rows;
    m_delimiter = preview->delimiter;
    m_ready = true;

    buildMappingPage();
    buildProgressPage();
    buildReportPage();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);

    connect(m_job, &BackgroundJob::progressed, this, &ImportDialog::showProgress);
    connect(m_job, &BackgroundJob::finished, this, &ImportDialog::showReport);
}

bool ImportDialog::isImporting() const { return m_job->isRunning(); }

void ImportDialog::buildMappingPage()
{
    auto* page = new QWidget(m_pages);
    auto* layout = new QVBoxLayout(page);
    const QString delimiter = m_delimiter == ';' ? tr("semicolons") : tr("commas");
    auto* intro = new QLabel(tr("%n column(s) separated by %1. Choose which field each column fills; columns "
                                "set to “Ignore” are not read.", nullptr, m_guessed.columnCount())
                                 .arg(delimiter),
        page);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_mappingTable = new QTableWidget(m_guessed.columnCount(), 3, page);
    m_mappingTable->setObjectName(QStringLiteral("mappingTable"));
    m_mappingTable->setHorizontalHeaderLabels({ tr("Column in the file"), tr("First values"), tr("Fills") });
    m_mappingTable->verticalHeader()->hide();
    m_mappingTable->horizontalHeader()->setSectionResizeMode(SampleColumn, QHeaderView::Stretch);
    m_mappingTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mappingTable->setSelectionMode(QAbstractItemView::NoSelection);
    const QList<NonprofitField> fields = ColumnMapping::allFields();
    for (int column = 0; column < m_guessed.columnCount(); ++column) {
        m_mappingTable->setItem(column, SourceColumn, new QTableWidgetItem(m_guessed.header().at(column)));
        QStringList samples;
        for (const QStringList& row : std::as_const(m_sampleRows))
            if (column < row.size() && !row.at(column).isEmpty())
                samples << row.at(column);
        m_mappingTable->setItem(column, SampleColumn, new QTableWidgetItem(samples.join(QStringLiteral(" · "))));
        auto* combo = new QComboBox(m_mappingTable);
        combo->setObjectName(QStringLiteral("fieldCombo%1").arg(column));
        combo->addItem(ColumnMapping::label(NonprofitField::Ignore), int(NonprofitField::Ignore));
        for (const NonprofitField field : fields)
            combo->addItem(ColumnMapping::label(field), int(field));
        combo->setCurrentIndex(combo->findData(int(m_guessed.fieldAt(column))));
        combo->setAccessibleName(tr("Field filled by column %1").arg(m_guessed.header().at(column)));
        m_mappingTable->setCellWidget(column, FieldColumn, combo);
    }
    m_mappingTable->resizeColumnToContents(SourceColumn);
    setColumnWidthFittingHeader(m_mappingTable->horizontalHeader(), FieldColumn, 170);
    layout->addWidget(m_mappingTable, 1);

    auto* form = new QFormLayout;
    m_keyCombo = new QComboBox(page);
    m_keyCombo->setObjectName(QStringLiteral("keyCombo"));
    m_keyCombo->addItem(tr("Email address"), int(ImportKey::Email));
    m_keyCombo->addItem(tr("EIN"), int(ImportKey::Ein));
    form->addRow(tr("Update existing nonprofits with the same:"), m_keyCombo);
    layout->addLayout(form);

    m_mappingError = FormFeedback::createErrorLabel(QStringLiteral("mappingErrorLabel"), page);
    layout->addWidget(m_mappingError);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, page);
    QPushButton* importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    importButton->setObjectName(QStringLiteral("importButton"));
    importButton->setDefault(true);
    connect(importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
    layout->addWidget(buttons);
    m_pages->addWidget(page);
}

void ImportDialog::buildProgressPage()
{
    auto* page = new QWidget(m_pages);
    auto* layout = new QVBoxLayout(page);
    layout->addStretch();
    m_progressLabel = new QLabel(tr("Reading %1…").arg(QFileInfo(m_path).fileName()), page);
    layout->addWidget(m_progressLabel);
    m_progressBar = new QProgressBar(page);
    m_progressBar->setObjectName(QStringLiteral("importProgress"));
    m_progressBar->setRange(0, 1000);
    m_progressBar->setValue(0);
    layout->addWidget(m_progressBar);
    auto* note = new QLabel(tr("Rows are stored in batches: Cancel keeps the batches already stored, and no "
                               "half-imported row."),
        page);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addStretch();
    auto* buttons = new QDialogButtonBox(page);
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelImportButton"));
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        m_job->cancel();
        m_cancelButton->setEnabled(false);
        m_progressLabel->setText(tr("Cancelling after the batch in hand…"));
    });
    layout->addWidget(buttons);
    m_pages->addWidget(page);
}

void ImportDialog::buildReportPage()
{
    auto* page = new QWidget(m_pages);
    auto* layout = new QVBoxLayout(page);
    m_summaryLabel = new QLabel(page);
    m_summaryLabel->setObjectName(QStringLiteral("importSummaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summaryLabel);
    m_rejectedTable = new QTableWidget(0, 4, page);
    m_rejectedTable->setObjectName(QStringLiteral("rejectedTable"));
    m_rejectedTable->setHorizontalHeaderLabels({ tr("Line"), tr("Problem"), tr("Field"), tr("Details") });
    m_rejectedTable->verticalHeader()->hide();
    m_rejectedTable->horizontalHeader()->setStretchLastSection(true);
    m_rejectedTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rejectedTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    layout->addWidget(m_rejectedTable, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, page);
    m_saveRejectedButton = buttons->addButton(tr("&Save Rejected Rows…"), QDialogButtonBox::ActionRole);
    m_saveRejectedButton->setObjectName(QStringLiteral("saveRejectedButton"));
    connect(m_saveRejectedButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Rejected Rows"),
            QFileInfo(m_path).completeBaseName() + QStringLiteral("-rejected.csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            saveRejectedRows(path);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    layout->addWidget(buttons);
    m_pages->addWidget(page);
}

ColumnMapping ImportDialog::chosenMapping() const
{
    ColumnMapping mapping(m_guessed.header());
    for (int column = 0; column < m_guessed.columnCount(); ++column) {
        const auto* combo = qobject_cast<QComboBox*>(m_mappingTable->cellWidget(column, FieldColumn));
        mapping.set(column, NonprofitField(combo->currentData().toInt()));
    }
    return mapping;
}

void ImportDialog::startImport()
{
    if (m_job->isRunning())
        return;
    NonprofitImportOptions options;
    options.mapping = chosenMapping();
    options.key = ImportKey(m_keyCombo->currentData().toInt());
    // Say what is missing before reading a million lines.
    if (!options.mapping.has(NonprofitField::Name))
        return FormFeedback::showError(m_mappingError, tr("Choose the column that holds the name."));
    if (options.key == ImportKey::Email && !options.mapping.has(NonprofitField::Email))
        return FormFeedback::showError(m_mappingError, tr("Choose the column that holds the email address."));
    if (options.key == ImportKey::Ein && !options.mapping.has(NonprofitField::Ein))
        return FormFeedback::showError(m_mappingError, tr("Choose the column that holds the EIN, or match by email."));
    FormFeedback::clearError(m_mappingError);

    m_pages->setCurrentIndex(1);
    m_cancelButton->setEnabled(true);
    m_cancelButton->setFocus();
    Database& database = m_database;
    const QString path = m_path;
    ImportReport* report = &m_report; // written by the job, read after finished()
    m_job->start([&database, path, options, report](const JobControl& control) {
        *report = NonprofitImporter(database).run(path, options, control);
    });
}

void ImportDialog::showProgress(qint64 done, qint64 total)
{
    if (total > 0)
        m_progressBar->setValue(int(1000 * done / total));
    const QLocale locale;
    m_progressLabel->setText(tr("Read %1 of %2.")
                                 .arg(locale.formattedDataSize(done), locale.formattedDataSize(qMax(total, done))));
}

void ImportDialog::showReport()
{
    m_summaryLabel->setText(m_report.summary());
    if (!m_report.completed())
        m_summaryLabel->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_rejectedTable->setRowCount(int(m_report.rejected.size()));
    for (int row = 0; row < m_report.rejected.size(); ++row) {
        const RejectedRow& rejected = m_report.rejected.at(row);
        m_rejectedTable->setItem(row, 0, new QTableWidgetItem(QString::number(rejected.line)));
        m_rejectedTable->setItem(row, 1, new QTableWidgetItem(label(rejected.problem)));
        m_rejectedTable->setItem(row, 2, new QTableWidgetItem(rejected.field));
        m_rejectedTable->setItem(row, 3, new QTableWidgetItem(rejected.message));
    }
    m_rejectedTable->resizeColumnsToContents();
    m_rejectedTable->setVisible(!m_report.rejected.isEmpty());
    m_saveRejectedButton->setEnabled(!m_report.rejected.isEmpty());
    m_pages->setCurrentIndex(2);
    if (m_report.batchesCommitted > 0)
        emit imported();
}

void ImportDialog::saveRejectedRows(const QString& path)
{
    if (Status saved = m_report.writeRejectedCsv(path); !saved)
        MessageBox::warning(this, tr("Rejected Rows Not Saved"), saved.error().message);
}

void ImportDialog::reject()
{
    // Escape or the close button while importing means Cancel: stop after the batch in hand, then report.
    if (m_job->isRunning()) {
        m_job->cancel();
        m_cancelButton->setEnabled(false);
        return;
    }
    QDialog::reject();
}

} // namespace herald
