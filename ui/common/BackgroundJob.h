#pragma once

#include "importexport/JobControl.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

namespace herald {

// Runs one long job (an import, an export) on a worker thread with a JobControl: its progress arrives here as
// queued signals, cancel() asks it to stop between batches, finished() fires on the UI thread when it returns.
// The job keeps its own result (captured by the callable); this class only carries progress and the stop flag.
class BackgroundJob : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundJob(QObject* parent = nullptr);
    ~BackgroundJob() override;

    // Starts `job`; false when one is still running.
    bool start(std::function<void(const JobControl&)> job);
    void cancel() { m_cancelled->store(true); }
    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled->load(); }

signals:
    void progressed(qint64 done, qint64 total);
    void finished();

private:
    QFutureWatcher<void> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    bool m_running = false;
};

} // namespace herald
