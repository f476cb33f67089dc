#include "ImportDialog.h"

#include "common/ColumnWidths.h"
#include "common/FormFeedback.h"
#include "common/ImportRunView.h"
#include "importexport/CsvReader.h"
#include "importexport/NonprofitImporter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
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
    m_run = new ImportRunView(m_path, m_pages);
    m_pages->addWidget(m_run);
    connect(m_run, &ImportRunView::imported, this, &ImportDialog::imported);
    connect(m_run, &ImportRunView::closeRequested, this, &QDialog::accept);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
}

bool ImportDialog::isImporting() const { return m_run && m_run->isImporting(); }

const ImportReport& ImportDialog::report() const
{
    static const ImportReport none;
    return m_run ? m_run->report() : none;
}

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
    if (isImporting())
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

    m_pages->setCurrentWidget(m_run);
    Database& database = m_database;
    const QString path = m_path;
    m_run->start([&database, path, options](const JobControl& control) {
        return NonprofitImporter(database).run(path, options, control);
    });
}

void ImportDialog::saveRejectedRows(const QString& path)
{
    if (m_run)
        m_run->saveRejectedRows(path);
}

void ImportDialog::reject()
{
    // Escape or the close button while importing means Cancel: stop after the batch in hand, then report.
    if (isImporting()) {
        m_run->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace herald
