#include "ProgressRunner.h"

#include "BackgroundJob.h"

#include <QPointer>
#include <QProgressDialog>

namespace herald {

ProgressRunner::ProgressRunner(QWidget* window, const QString& dialogName)
    : QObject(window)
    , m_window(window)
    , m_dialogName(dialogName)
    , m_job(new BackgroundJob(this))
{
}

bool ProgressRunner::isRunning() const { return m_job->isRunning(); }

bool ProgressRunner::start(const QString& title, const QString& label, Job job, Done done)
{
    if (m_job->isRunning())
        return false;
    auto* dialog = new QProgressDialog(label, tr("Cancel"), 0, 1000, m_window);
    dialog->setObjectName(m_dialogName);
    dialog->setWindowTitle(title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    dialog->setMinimumDuration(300);
    dialog->setValue(0);
    connect(dialog, &QProgressDialog::canceled, m_job, &BackgroundJob::cancel);
    const QPointer<QProgressDialog> progress = dialog;
    const auto progressed = connect(m_job, &BackgroundJob::progressed, this, [progress](qint64 done, qint64 total) {
        if (progress && total > 0)
            progress->setValue(int(1000 * done / total));
    });
    connect(m_job, &BackgroundJob::finished, this, [this, progress, progressed, done = std::move(done)] {
        disconnect(progressed);
        disconnect(m_job, &BackgroundJob::finished, this, nullptr);
        if (progress) {
            progress->disconnect(m_job); // closing a progress dialog emits canceled()
            progress->close();
        }
        done(m_job->wasCancelled());
    });
    return m_job->start(std::move(job));
}

} // namespace herald
