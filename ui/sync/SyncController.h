#pragma once

#include "common/BackgroundJob.h"
#include "sync/SyncEngine.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <memory>

namespace herald {

class Database;
class LocalStore;

// Runs syncs of a profile's offline store in the background (progress, cancel) and, while the server is away,
// asks it again and again with growing pauses (2 s, 4 s, … up to a minute) until it answers. Conflicts are
// read and resolved on the UI thread, which only happens once the server answers.
class SyncController : public QObject
{
    Q_OBJECT
public:
    static constexpr int FirstRetrySeconds = 2;
    static constexpr int LongestRetrySeconds = 60;

    SyncController(Database& server, LocalStore& store, QObject* parent = nullptr);
    ~SyncController() override;

    LocalStore& store() { return m_store; }
    bool isSyncing() const { return m_job.isRunning(); }
    const Result<SyncSummary>& lastResult() const { return m_lastResult; }

    Result<QList<SyncEngine::ConflictSides>> openConflicts();
    Status resolve(qint64 conflictId, Resolution resolution);

public slots:
    void syncNow();
    void cancelSync() { m_job.cancel(); }
    void startReconnecting();
    void stopReconnecting();
    void retryNow();

signals:
    void syncProgress(int done, int total, const QString& stage);
    void syncFinished(const SyncSummary& summary);
    void syncFailed(const QString& error);
    void serverBack();
    // The server did not answer; the next try is in `seconds`.
    void retryScheduled(int seconds, const QString& error);

private:
    void probe();
    void probed();

    Database& m_server;
    LocalStore& m_store;
    BackgroundJob m_job;
    Result<SyncSummary> m_lastResult = SyncSummary{};
    std::shared_ptr<Result<SyncSummary>> m_outcome; // written by the running job
    QTimer m_retryTimer;
    QFutureWatcher<QString> m_probe;
    int m_retrySeconds = FirstRetrySeconds;
    bool m_reconnecting = false;
};

} // namespace herald
