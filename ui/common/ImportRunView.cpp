#include "ImportRunView.h"

#include "BackgroundJob.h"
#include "MessageBox.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace herald {

ImportRunView::ImportRunView(const QString& path, QWidget* parent)
    : QStackedWidget(parent)
    , m_path(path)
    , m_job(new BackgroundJob(this))
{
    addWidget(buildProgressPage());
    addWidget(buildReportPage());
    connect(m_job, &BackgroundJob::progressed, this, &ImportRunView::showProgress);
    connect(m_job, &BackgroundJob::finished, this, &ImportRunView::showReport);
}

QWidget* ImportRunView::buildProgressPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->addStretch();
    m_progressLabel = new QLabel(page);
    layout->addWidget(m_progressLabel);
    m_progressBar = new QProgressBar(page);
    m_progressBar->setObjectName(QStringLiteral("importProgress"));
    m_progressBar->setRange(0, 1000);
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
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportRunView::cancel);
    layout->addWidget(buttons);
    return page;
}

QWidget* ImportRunView::buildReportPage()
{
    auto* page = new QWidget(this);
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
    connect(buttons, &QDialogButtonBox::rejected, this, &ImportRunView::closeRequested);
    layout->addWidget(buttons);
    return page;
}

bool ImportRunView::start(Import import)
{
    if (m_job->isRunning())
        return false;
    m_progressLabel->setText(tr("Reading %1…").arg(QFileInfo(m_path).fileName()));
    m_progressBar->setValue(0);
    setCurrentIndex(0);
    m_cancelButton->setEnabled(true);
    m_cancelButton->setFocus();
    // The job writes its report there; it is read after finished(), on this thread.
    return m_job->start(
        [import = std::move(import), report = m_report](const JobControl& control) { *report = import(control); });
}

bool ImportRunView::isImporting() const { return m_job->isRunning(); }

void ImportRunView::cancel()
{
    if (!m_job->isRunning())
        return;
    m_job->cancel();
    m_cancelButton->setEnabled(false);
    m_progressLabel->setText(tr("Cancelling after the batch in hand…"));
}

void ImportRunView::showProgress(qint64 done, qint64 total)
{
    if (total > 0)
        m_progressBar->setValue(int(1000 * done / total));
    const QLocale locale;
    m_progressLabel->setText(tr("Read %1 of %2.")
                                 .arg(locale.formattedDataSize(done), locale.formattedDataSize(qMax(total, done))));
}

void ImportRunView::showReport()
{
    m_summaryLabel->setText(m_report->summary());
    m_summaryLabel->setStyleSheet(m_report->completed() ? QString() : QStringLiteral("QLabel { color: #b3261e; }"));
    m_rejectedTable->setRowCount(int(m_report->rejected.size()));
    for (int row = 0; row < m_report->rejected.size(); ++row) {
        const RejectedRow& rejected = m_report->rejected.at(row);
        m_rejectedTable->setItem(row, 0, new QTableWidgetItem(QString::number(rejected.line)));
        m_rejectedTable->setItem(row, 1, new QTableWidgetItem(label(rejected.problem)));
        m_rejectedTable->setItem(row, 2, new QTableWidgetItem(rejected.field));
        m_rejectedTable->setItem(row, 3, new QTableWidgetItem(rejected.shownMessage()));
    }
    m_rejectedTable->resizeColumnsToContents();
    m_rejectedTable->setVisible(!m_report->rejected.isEmpty());
    m_saveRejectedButton->setEnabled(!m_report->rejected.isEmpty());
    setCurrentIndex(1);
    if (m_report->batchesCommitted > 0)
        emit imported();
}

void ImportRunView::saveRejectedRows(const QString& path)
{
    if (Status saved = m_report->writeRejectedCsv(path); !saved)
        MessageBox::warning(this, tr("Rejected Rows Not Saved"), saved.error().message);
}

} // namespace herald
