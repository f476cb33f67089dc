#include "SyncController.h"

#include "config/Config.h"
#include "storage/Database.h"
#include "sync/LocalStore.h"

#include <QtConcurrent>

namespace herald {

SyncController::SyncController(Database& server, LocalStore& store, QObject* parent)
    : QObject(parent)
    , m_server(server)
    , m_store(store)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SyncController::probe);
    connect(&m_probe, &QFutureWatcher<QString>::finished, this, &SyncController::probed);
    connect(&m_job, &BackgroundJob::progressed, this, [this](qint64 done, qint64 total) {
        emit syncProgress(int(done), int(total), QString());
    });
    connect(&m_job, &BackgroundJob::finished, this, [this] {
        if (m_outcome)
            m_lastResult = *m_outcome;
        if (m_lastResult)
            emit syncFinished(m_lastResult.value());
        else
            emit syncFailed(m_lastResult.error().message);
    });
}

SyncController::~SyncController()
{
    m_job.cancel();
    m_retryTimer.stop();
    m_probe.waitForFinished();
}

void SyncController::syncNow()
{
    auto outcome = std::make_shared<Result<SyncSummary>>(SyncSummary{});
    const int nonprofitLimit = Config::instance().get(Config::OfflineNonprofitLimit).toInt();
    const bool started = m_job.start([this, outcome, nonprofitLimit](const JobControl& control) {
        SyncEngine engine(m_server, m_store);
        engine.setNonprofitLimit(nonprofitLimit);
        int rows = 0;
        Result<SyncSummary> result = engine.run([&](const SyncProgress& progress) {
            ++rows; // the stages' sizes are known one at a time: what is left of this one is the estimate
            control.report(rows, rows + qMax(0, progress.total - progress.done));
            return !control.cancelled();
        });
        // Pool threads outlive the job: their connections must not.
        m_server.releaseThreadConnection();
        m_store.database().releaseThreadConnection();
        *outcome = result; // read on the UI thread once the job has finished
    });
    if (started)
        m_outcome = outcome;
}

Result<QList<SyncEngine::ConflictSides>> SyncController::openConflicts()
{
    auto conflicts = m_store.openConflicts();
    if (!conflicts)
        return conflicts.error();
    SyncEngine engine(m_server, m_store);
    QList<SyncEngine::ConflictSides> all;
    for (const SyncConflict& conflict : conflicts.value()) {
        auto sides = engine.sides(conflict.id);
        if (!sides)
            return sides.error();
        all << sides.value();
    }
    return all;
}

Status SyncController::resolve(qint64 conflictId, Resolution resolution)
{
    SyncEngine engine(m_server, m_store);
    return engine.resolve(conflictId, resolution);
}

void SyncController::startReconnecting()
{
    m_reconnecting = true;
    m_retrySeconds = FirstRetrySeconds;
    m_retryTimer.start(m_retrySeconds * 1000);
}

void SyncController::stopReconnecting()
{
    m_reconnecting = false;
    m_retryTimer.stop();
}

void SyncController::retryNow()
{
    m_reconnecting = true;
    m_retryTimer.stop();
    probe();
}

void SyncController::probe()
{
    if (m_probe.isRunning())
        return;
    // Off the UI thread: an unreachable host can take the whole connect timeout to say so.
    m_probe.setFuture(QtConcurrent::run([this] {
        const Status pinged = m_server.ping();
        m_server.releaseThreadConnection();
        return pinged ? QString() : pinged.error().message;
    }));
}

void SyncController::probed()
{
    const QString error = m_probe.result();
    if (error.isEmpty()) {
        m_reconnecting = false;
        // The UI thread's own connection may be a dead one from before.
        (void)m_server.ping();
        emit serverBack();
        return;
    }
    if (!m_reconnecting)
        return;
    m_retrySeconds = qMin(m_retrySeconds * 2, LongestRetrySeconds);
    m_retryTimer.start(m_retrySeconds * 1000);
    emit retryScheduled(m_retrySeconds, error);
}

} // namespace herald
