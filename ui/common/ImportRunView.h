#pragma once

#include "importexport/ImportReport.h"
#include "importexport/JobControl.h"

#include <QStackedWidget>

#include <functional>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace herald {

class BackgroundJob;

// The last two steps of every CSV import dialog: a progress page while the import runs in the background
// (Cancel stops after the batch in hand, keeping whole batches) and a report page with the summary and every
// rejected row, which can be saved as CSV.
class ImportRunView : public QStackedWidget
{
    Q_OBJECT
public:
    // The import returns its report; it runs on a worker thread, so it opens its own connection.
    using Import = std::function<ImportReport(const JobControl& control)>;

    // `path` is the file read, named in the progress text and in the suggested name for rejected rows.
    explicit ImportRunView(const QString& path, QWidget* parent = nullptr);

    // Shows the progress page and starts; false when an import is still running.
    bool start(Import import);
    bool isImporting() const;
    // Asks the import to stop after the batch in hand; the report follows.
    void cancel();
    const ImportReport& report() const { return *m_report; }
    void saveRejectedRows(const QString& path);

signals:
    // Rows were stored (also after a cancel with whole batches committed): lists should reload.
    void imported();
    // The report page's Close button.
    void closeRequested();

private:
    QWidget* buildProgressPage();
    QWidget* buildReportPage();
    void showProgress(qint64 done, qint64 total);
    void showReport();

    QString m_path;
    // Shared with the job, which may outlive this widget by the batch in hand.
    std::shared_ptr<ImportReport> m_report = std::make_shared<ImportReport>();
    BackgroundJob* m_job;
    QProgressBar* m_progressBar = nullptr;
    QLabel* m_progressLabel = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QLabel* m_summaryLabel = nullptr;
    QTableWidget* m_rejectedTable = nullptr;
    QPushButton* m_saveRejectedButton = nullptr;
};

} // namespace herald
