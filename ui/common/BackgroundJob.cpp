#include "BackgroundJob.h"

#include <QtConcurrent>

namespace herald {

BackgroundJob::BackgroundJob(QObject* parent)
    : QObject(parent)
    , m_cancelled(std::make_shared<std::atomic<bool>>(false))
{
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, [this] {
        m_running = false;
        emit finished();
    });
}

BackgroundJob::~BackgroundJob()
{
    // The job uses the database and this object's signals: stop it and wait rather than leave it running.
    cancel();
    m_watcher.waitForFinished();
}

bool BackgroundJob::start(std::function<void(const JobControl&)> job)
{
    if (m_running)
        return false;
    m_running = true;
    m_cancelled->store(false);
    const std::shared_ptr<std::atomic<bool>> cancelled = m_cancelled;
    // `this` outlives the job (the destructor waits for it); a queued call to a deleted object is dropped.
    m_watcher.setFuture(QtConcurrent::run([this, job = std::move(job), cancelled] {
        JobControl control;
        control.isCancelled = [cancelled] { return cancelled->load(); };
        control.progress = [this](qint64 done, qint64 total) {
            QMetaObject::invokeMethod(this, [this, done, total] { emit progressed(done, total); }, Qt::QueuedConnection);
        };
        job(control);
    }));
    return true;
}

} // namespace herald
