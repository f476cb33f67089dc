#include "ExportRunner.h"

#include "BackgroundJob.h"

#include <QDir>
#include <QPointer>
#include <QProgressDialog>

#include <memory>

namespace herald {

ExportRunner::ExportRunner(QWidget* window)
    : QObject(window)
    , m_window(window)
    , m_job(new BackgroundJob(this))
{
}

bool ExportRunner::isRunning() const { return m_job->isRunning(); }

bool ExportRunner::start(const QString& title, const QString& path, Export run, Done done)
{
    if (m_job->isRunning())
        return false;
    auto written = std::make_shared<Result<qint64>>(qint64(0));
    auto* dialog = new QProgressDialog(
        tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)), tr("Cancel"), 0, 1000, m_window);
    dialog->setObjectName(QStringLiteral("exportProgress"));
    dialog->setWindowTitle(title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    dialog->setMinimumDuration(300);
    dialog->setValue(0);
    connect(dialog, &QProgressDialog::canceled, m_job, &BackgroundJob::cancel);
    const QPointer<QProgressDialog> progress = dialog;
    const auto progressed = connect(m_job, &BackgroundJob::progressed, this, [progress](qint64 rows, qint64 total) {
        if (progress && total > 0)
            progress->setValue(int(1000 * rows / total));
    });
    connect(m_job, &BackgroundJob::finished, this, [this, progress, written, progressed, done = std::move(done)] {
        disconnect(progressed);
        disconnect(m_job, &BackgroundJob::finished, this, nullptr);
        if (progress) {
            progress->disconnect(m_job); // closing a progress dialog emits canceled()
            progress->close();
        }
        if (!m_job->wasCancelled())
            done(*written);
    });
    return m_job->start([run = std::move(run), written](const JobControl& control) { *written = run(control); });
}

} // namespace herald
