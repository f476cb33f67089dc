#include "SendEngine.h"

#include "CampaignLauncher.h"
#include "HandingMarker.h"
#include "SendQueue.h"
#include "SenderJob.h"
#include "SharedRateBudget.h"
#include "metrics/ProviderStatusWriter.h"
#include "metrics/QueueSampler.h"
#include "metrics/SendMetricsWriter.h"
#include "storage/BoundQuery.h"
#include "storage/CampaignSendCounts.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSysInfo>
#include <QThread>
#include <QUuid>

namespace herald {

namespace {
constexpr qint64 StatusIntervalMs = 2000;
constexpr int DispatchIdleMs = 50; // longest wait between two looks at the queue
constexpr qint64 RecordSpacingMs = 20; // shortest time between two writes of results

QString defaultOwner()
{
    return QStringLiteral("%1:%2:%3")
        .arg(QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid())
        .arg(QUuid::createUuid().toString(QUuid::Id128).left(6));
}
} // namespace

SendEngine::SendEngine(Database& database, EngineSettings settings, std::shared_ptr<ProviderPool> providers,
                       QByteArray unsubscribeSecret, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_settings(std::move(settings))
    , m_providers(std::move(providers))
    , m_unsubscribeSecret(std::move(unsubscribeSecret))
{
    qRegisterMetaType<herald::EngineSnapshot>();
    if (m_settings.owner.isEmpty())
        m_settings.owner = defaultOwner();
    m_pool.setMaxThreadCount(m_settings.senders);
    m_clock.start();
    m_pool.setExpiryTimeout(-1);
}

SendEngine::~SendEngine() { stop(); }

int EngineSettings::defaultSenders() { return std::clamp(QThread::idealThreadCount(), 1, 16); }

Status SendEngine::start()
{
    if (m_running.load())
        return {};
    if (m_providers->size() == 0)
        return Error::make(Error::Kind::Validation, tr("No sending provider is set up and enabled. Add one in Settings → Providers."));
    if (m_database.backend() == Backend::Postgres) // other processes may send through this provider too
        m_providers->shareBudget(std::make_shared<SharedRateBudget>(m_database));
    m_stopping = false;
    m_running = true;
    refreshActiveCampaigns();
    m_marker = std::make_unique<HandingMarker>(m_database, m_settings.owner);
    // Claim again while a claim's worth is still in hand: the senders go on with it while the claim runs (tens
    // of milliseconds on a busy database). Each sender may take a hand batch per connection at once.
    int connections = m_settings.senders;
    for (int i = 0; i < m_providers->size(); ++i)
        connections = std::max(connections, m_providers->provider(i).connections);
    m_lowWater = size_t(std::max(m_settings.claimBatch, 2 * m_settings.handBatch * connections));
    for (int i = 0; i < m_settings.senders; ++i)
        m_pool.start(new SenderJob(*this, i)); // the pool owns and deletes the job
    m_recorder = QThread::create([this] { recordLoop(); });
    m_recorder->start();
    m_dispatcher = QThread::create([this] { dispatchLoop(); }); // waits for the recorder when stopping
    m_dispatcher->start();
    m_housekeeper = QThread::create([this] { housekeepingLoop(); });
    m_housekeeper->start();
    return {};
}

void SendEngine::stop()
{
    if (!m_running.load())
        return;
    {
        QMutexLocker lock(&m_stopMutex);
        m_stopping = true;
        m_stopRequested.wakeAll();
    }
    {
        QMutexLocker lock(&m_resultMutex);
        m_resultsPushed.wakeAll();
    }
    m_workAvailable.wakeAll();
    m_workLow.wakeAll();
    m_pool.waitForDone();
    for (QThread** thread : {&m_housekeeper, &m_dispatcher, &m_recorder}) {
        (*thread)->wait();
        delete *thread;
        *thread = nullptr;
    }
    m_marker.reset();
    m_running = false;
    QMutexLocker lock(&m_stateMutex);
    m_snapshot.running = false;
    emit progress(m_snapshot);
}

QList<ClaimedSend> SendEngine::takeWork(int max, int waitMs)
{
    QMutexLocker lock(&m_workMutex);
    if (m_work.empty() && !m_stopping.load())
        m_workAvailable.wait(&m_workMutex, QDeadlineTimer(waitMs));
    QList<ClaimedSend> batch;
    while (!m_work.empty() && batch.size() < max && !m_stopping.load()) {
        batch << std::move(m_work.front());
        m_work.pop_front();
    }
    if (!batch.isEmpty() && m_work.size() < m_lowWater)
        m_workLow.wakeOne();
    return batch;
}

void SendEngine::pushResult(const SendResult& result)
{
    QMutexLocker lock(&m_resultMutex);
    m_results << result;
    m_resultsPushed.wakeOne();
}

void SendEngine::pushRelease(const ClaimedSend& row)
{
    QMutexLocker lock(&m_resultMutex);
    m_releases << row;
    m_resultsPushed.wakeOne();
}

bool SendEngine::isCampaignActive(qint64 campaignId)
{
    QMutexLocker lock(&m_stateMutex);
    return m_activeCampaigns.contains(campaignId);
}

void SendEngine::reportError(const QString& message)
{
    {
        QMutexLocker lock(&m_stateMutex);
        m_snapshot.lastError = message;
        ++m_snapshot.errors;
    }
    emit errorOccurred(message);
}

void SendEngine::clearError()
{
    QMutexLocker lock(&m_stateMutex);
    m_snapshot.lastError.clear(); // results are written again: an earlier database error is over
}

EngineSnapshot SendEngine::snapshot()
{
    QMutexLocker lock(&m_stateMutex);
    return m_snapshot;
}

void SendEngine::refreshActiveCampaigns()
{
    auto db = m_database.checkedConnection();
    if (!db)
        return;
    BoundQuery query(db.value(), QStringLiteral("SELECT id FROM campaigns WHERE status = 'sending'"), BoundQuery::Lifetime::KeptPrepared);
    if (!query.exec(QString()))
        return;
    QSet<qint64> active;
    while (query.next())
        active.insert(query.value(0).toLongLong());
    QMutexLocker lock(&m_stateMutex);
    m_activeCampaigns = active;
}

bool SendEngine::flush()
{
    QList<SendResult> results;
    QList<ClaimedSend> releases;
    {
        QMutexLocker lock(&m_resultMutex);
        results.swap(m_results);
        releases.swap(m_releases);
    }
    if (results.isEmpty() && releases.isEmpty())
        return true;
    SendQueue queue(m_database, m_settings.owner);
    bool ok = true;
    if (!results.isEmpty()) {
        // Counted for the dashboards in the same transaction: a failure (the database restarting) leaves both to
        // the next flush, so the figures never miss results the sends table has.
        SendMetricsWriter metrics(m_database);
        const qint64 epoch = QDateTime::currentSecsSinceEpoch();
        const auto count = [&](const QSqlDatabase& db) { return metrics.addIn(db, results, epoch); };
        if (auto written = queue.record(results, count); !written) {
            reportError(written.error().message);
            ok = false;
        } else {
            clearError();
            QMutexLocker lock(&m_stateMutex);
            qint64* const counters[] = {&m_snapshot.sent, &m_snapshot.failed, &m_snapshot.retried, &m_snapshot.unknown}; // Tally order
            for (const SendResult& result : std::as_const(results))
                ++*counters[int(result.tally())];
        }
    }
    if (ok && !releases.isEmpty()) {
        if (auto released = queue.release(releases); !released) {
            reportError(released.error().message);
            ok = false;
        }
    }
    if (!ok) {
        // Keep them for the next flush: nothing is dropped while the database is away.
        QMutexLocker lock(&m_resultMutex);
        m_results = results + m_results;
        m_releases = releases + m_releases;
    }
    return ok;
}

void SendEngine::dispatchLoop()
{
    SendQueue queue(m_database, m_settings.owner);
    QElapsedTimer clock;
    clock.start();
    qint64 lastCampaignCheck = 0;
    qint64 lastProgress = 0;
    qint64 sentAtLastProgress = 0;
    qint64 failedAtLastProgress = 0;

    while (!m_stopping.load()) {
        const qint64 now = clock.elapsed();
        if (now - lastCampaignCheck >= 250) {
            refreshActiveCampaigns();
            lastCampaignCheck = now;
        }

        size_t queued = 0;
        {
            QMutexLocker lock(&m_workMutex);
            // Rows of campaigns paused or cancelled since they were claimed go back at once.
            for (auto it = m_work.begin(); it != m_work.end();) {
                if (!isCampaignActive(it->campaignId)) {
                    pushRelease(*it);
                    it = m_work.erase(it);
                } else {
                    ++it;
                }
            }
            queued = m_work.size();
        }
        bool claimedSome = false;
        if (queued < m_lowWater) {
            auto claimed = queue.claim(m_settings.claimBatch, m_settings.leaseSeconds);
            if (!claimed) {
                reportError(claimed.error().message);
            } else if (!claimed->isEmpty()) {
                claimedSome = true;
                // A campaign that started since the last look (a due scheduled one, started by this engine's own
                // housekeeping) is sending: the claim proves it. Look again before its rows count as paused and
                // go back (with an attempt counted for nothing, before schema 12).
                if (std::any_of(claimed->begin(), claimed->end(), [this](const ClaimedSend& row) { return !isCampaignActive(row.campaignId); }))
                    refreshActiveCampaigns();
                // Use only two thirds of the lease: the rest is the margin for the result to be written.
                const qint64 usableUntil = m_clock.elapsed() + qint64(m_settings.leaseSeconds) * 2000 / 3;
                QMutexLocker lock(&m_workMutex);
                for (ClaimedSend& row : claimed.value()) {
                    row.usableUntilMs = usableUntil;
                    m_work.push_back(std::move(row));
                }
                queued = m_work.size();
                m_workAvailable.wakeAll();
            }
        }
        if (now - lastProgress >= 250) {
            EngineSnapshot copy;
            {
                QMutexLocker lock(&m_stateMutex);
                const double seconds = std::max<qint64>(1, now - lastProgress) / 1000.0;
                m_snapshot.running = true;
                m_snapshot.queued = int(queued);
                m_snapshot.sentPerSecond = (m_snapshot.sent - sentAtLastProgress) / seconds;
                m_snapshot.failedPerSecond = (m_snapshot.failed - failedAtLastProgress) / seconds;
                sentAtLastProgress = m_snapshot.sent;
                failedAtLastProgress = m_snapshot.failed;
                m_snapshot.providers = m_providers->states();
                copy = m_snapshot;
            }
            lastProgress = now;
            emit progress(copy);
        }
        // Claim again at once while short of work; otherwise when the senders have taken it down to the low
        // water mark, or after a while (nothing was due; campaigns and progress are looked at again).
        QMutexLocker lock(&m_workMutex);
        if (!m_stopping.load() && (!claimedSome || m_work.size() >= m_lowWater))
            m_workLow.wait(&m_workMutex, QDeadlineTimer(DispatchIdleMs));
    }

    // Stopping: senders have been told; wait for them so that every result is in, then write it all
    // and return whatever was claimed but never handed over.
    m_pool.waitForDone();
    {
        QMutexLocker lock(&m_workMutex);
        for (const ClaimedSend& row : m_work)
            pushRelease(row);
        m_work.clear();
    }
    m_recorder->wait(); // its last write ended: the rest is written here
    for (int attempt = 0; attempt < 5 && !flush(); ++attempt)
        QThread::msleep(200);
    (void)queue.completeFinishedCampaigns();
    m_database.releaseThreadConnection();
}

void SendEngine::recordLoop()
{
    QElapsedTimer sinceWrite;
    while (!m_stopping.load()) {
        sinceWrite.start();
        if (!flush()) { // the database is away: try again in a while, not at every result
            QMutexLocker lock(&m_stopMutex);
            if (!m_stopping.load())
                m_stopRequested.wait(&m_stopMutex, QDeadlineTimer(m_settings.flushIntervalMs));
            continue;
        }
        {
            // Writes at most every RecordSpacingMs: each is a commit with the dashboards' counts, so one carries
            // what came meanwhile (a thousand results a statement at full speed, not two), and what a crash
            // leaves unrecorded is that short while's.
            QMutexLocker lock(&m_stopMutex);
            const qint64 rest = RecordSpacingMs - sinceWrite.elapsed();
            if (rest > 0 && !m_stopping.load())
                m_stopRequested.wait(&m_stopMutex, QDeadlineTimer(rest));
        }
        QMutexLocker lock(&m_resultMutex);
        if (!m_stopping.load() && m_results.isEmpty() && m_releases.isEmpty())
            m_resultsPushed.wait(&m_resultMutex, QDeadlineTimer(m_settings.flushIntervalMs));
    }
    m_database.releaseThreadConnection();
}

void SendEngine::housekeepingLoop()
{
    SendQueue queue(m_database, m_settings.owner);
    ProviderStatusWriter statusWriter(m_database, m_settings.owner);
    QElapsedTimer clock;
    clock.start();
    qint64 lastRecovery = -m_settings.recoveryIntervalMs;
    qint64 lastStatus = -StatusIntervalMs;
    while (!m_stopping.load()) {
        const qint64 now = clock.elapsed();
        if (now - lastRecovery >= m_settings.recoveryIntervalMs) {
            if (auto recovered = queue.recoverExpiredLeases()) {
                QMutexLocker lock(&m_stateMutex);
                m_snapshot.recoveredToPending += recovered->returnedToPending;
                m_snapshot.recoveredUnknown += recovered->markedUnknown;
            } else {
                reportError(recovered.error().message);
            }
            // Scheduled campaigns whose time has come join the queue here, in whichever instance gets there first,
            // checked as the Send button checks them.
            if (auto started = CampaignLauncher(m_database).startDueCampaigns(m_settings.owner); !started)
                reportError(started.error().message);
            (void)queue.completeFinishedCampaigns();
            // The per-status counts the pages read grow a few rows a batch; fold them (any instance may).
            if (auto compacted = CampaignSendCounts(m_database).compact(); !compacted)
                reportError(compacted.error().message);
            lastRecovery = now;
        }
        if (now - lastStatus >= StatusIntervalMs) {
            // For the dashboards of every instance: this engine's providers, and the queue (once per slot for all).
            const qint64 epoch = QDateTime::currentSecsSinceEpoch();
            if (auto written = statusWriter.write(m_providers->states(), epoch); !written)
                reportError(written.error().message);
            if (auto sampled = QueueSampler(m_database).sampleIfDue(epoch); !sampled)
                reportError(sampled.error().message);
            lastStatus = now;
        }
        const qint64 nextDue = std::min(lastRecovery + m_settings.recoveryIntervalMs, lastStatus + StatusIntervalMs);
        QMutexLocker lock(&m_stopMutex);
        if (!m_stopping.load())
            m_stopRequested.wait(&m_stopMutex, QDeadlineTimer(std::max<qint64>(10, nextDue - clock.elapsed())));
    }
    m_database.releaseThreadConnection();
}

} // namespace herald
