#pragma once

#include "ClaimedSend.h"
#include "ProviderPool.h"
#include "RetryPolicy.h"
#include "compose/DkimSigner.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <memory>

class QThread;

namespace herald {

class HandingMarker;

struct EngineSettings
{
    QString owner;          // lease owner name: host:pid:random when empty
    // Sending threads: they render, sign and carry the SMTP exchanges, CPU work, so one per core; each
    // provider's connections are spread over them (at least one each).
    int senders = defaultSenders();
    int claimBatch = 500;   // rows leased per claim
    int leaseSeconds = 120; // a row not reported within this returns to the queue (or becomes unknown)
    int handBatch = 16;     // rows a sending thread takes from the claimed work at once, per connection; they are
                            // marked "being handed over" one by one as each gets a connection (at most two a
                            // connection: the bound on unknowns after a crash)
    int flushIntervalMs = 100; // results are written as they come; this is the wait after a failed write
    int recoveryIntervalMs = 5000;
    RetryPolicy retry;

    static int defaultSenders();
};

// Live figures of one engine, sent to the UI a few times a second.
struct EngineSnapshot
{
    bool running = false;
    qint64 sent = 0;
    qint64 failed = 0;
    qint64 retried = 0;
    qint64 unknown = 0;
    qint64 recoveredToPending = 0;
    qint64 recoveredUnknown = 0;
    int queued = 0;   // claimed, waiting for a sender
    double sentPerSecond = 0;
    double failedPerSecond = 0;
    QList<ProviderPool::ProviderState> providers;
    QString lastError; // the last error, until results are written again
    qint64 errors = 0; // errors reported so far: a new error shows as a change of this count
};

// Sends what is queued: a dispatcher thread claims leased batches, recovers expired leases and
// writes results back in batches; sender jobs on a QThreadPool render each message and hand it to
// a provider, with rate limits, failover and retries. Memory stays bounded by the claim batch.
// Several engines (GUI instances, `herald worker`s) can share one PostgreSQL queue.
class SendEngine : public QObject
{
    Q_OBJECT
public:
    SendEngine(Database& database, EngineSettings settings, std::shared_ptr<ProviderPool> providers,
               QByteArray unsubscribeSecret, QObject* parent = nullptr);
    ~SendEngine() override;

    Status start();
    // Stops claiming, lets senders finish the message in hand, writes every result and returns
    // unsent leased rows to the queue. Blocks until done (a second or two).
    void stop();
    bool isRunning() const { return m_running.load(); }
    EngineSnapshot snapshot();
    const EngineSettings& settings() const { return m_settings; }

    // For sender jobs.
    QList<ClaimedSend> takeWork(int max, int waitMs);
    void pushResult(const SendResult& result);
    void pushRelease(const ClaimedSend& row);
    bool isCampaignActive(qint64 campaignId);
    // False once the row's lease may have expired (this process was stalled): it must not be sent.
    bool isLeaseUsable(const ClaimedSend& row) const { return m_clock.elapsed() < row.usableUntilMs; }
    bool isStopping() const { return m_stopping.load(); }
    Database& database() { return m_database; }
    ProviderPool& providers() { return *m_providers; }
    HandingMarker& handingMarker() { return *m_marker; }
    const QByteArray& unsubscribeSecret() const { return m_unsubscribeSecret; }
    // The sender domains' DKIM keys: each sender thread signs every message whose From domain has one, once,
    // before any provider sees it. Set before start().
    void setDkimKeys(QList<DkimKey> keys) { m_dkimKeys = std::move(keys); }
    const QList<DkimKey>& dkimKeys() const { return m_dkimKeys; }
    void reportError(const QString& message);
    void clearError();

signals:
    void progress(const herald::EngineSnapshot& snapshot);
    void errorOccurred(const QString& message);

private:
    // Claims rows whenever the senders have taken the work in hand down to m_lowWater.
    void dispatchLoop();
    // Writes results and releases as they come, on its own thread so that claims never wait for it: each write
    // takes what came while the one before ran (a group commit), so that after a crash only the results of
    // that short while are missing (their rows are of unknown outcome).
    void recordLoop();
    // The slow periodic work, on its own thread so that claims and result writes never wait for it: expired
    // leases, scheduled and finished campaigns, provider status and the queue sample (a count over the queue).
    void housekeepingLoop();
    bool flush();
    void refreshActiveCampaigns();

    Database& m_database;
    EngineSettings m_settings;
    std::shared_ptr<ProviderPool> m_providers;
    QByteArray m_unsubscribeSecret;
    QList<DkimKey> m_dkimKeys;
    QThreadPool m_pool;
    QElapsedTimer m_clock; // monotonic: keeps running while the process is stopped
    QThread* m_dispatcher = nullptr;
    QThread* m_housekeeper = nullptr;
    QThread* m_recorder = nullptr;
    QMutex m_stopMutex;
    QWaitCondition m_stopRequested; // wakes the housekeeper at once when stopping
    std::unique_ptr<HandingMarker> m_marker; // while running
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_stopping{false};

    QMutex m_workMutex;
    QWaitCondition m_workAvailable;
    QWaitCondition m_workLow; // the senders took the work in hand below m_lowWater: time to claim
    size_t m_lowWater = 0;
    std::deque<ClaimedSend> m_work;

    QMutex m_resultMutex;
    QWaitCondition m_resultsPushed; // wakes the recorder
    QList<SendResult> m_results;
    QList<ClaimedSend> m_releases;

    QMutex m_stateMutex;
    QSet<qint64> m_activeCampaigns;
    EngineSnapshot m_snapshot;
};

} // namespace herald

Q_DECLARE_METATYPE(herald::EngineSnapshot)
