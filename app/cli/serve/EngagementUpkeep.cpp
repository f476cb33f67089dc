#include "EngagementUpkeep.h"

#include "engagement/EngagementRetention.h"

#include <QDeadlineTimer>

namespace herald::cli {

namespace {
constexpr int RollupEveryMs = 1000;
constexpr qint64 PruneEveryMs = 3600 * 1000;
} // namespace

EngagementUpkeep::EngagementUpkeep(Database& database, QString holder, Logger log)
    : m_database(database), m_rollup(database, std::move(holder)), m_log(std::move(log))
{
}

EngagementUpkeep::~EngagementUpkeep()
{
    stop();
}

void EngagementUpkeep::start()
{
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
}

void EngagementUpkeep::stop()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void EngagementUpkeep::report(const Status& status, bool* failing)
{
    if (!status && !*failing)
        m_log(status.error().message);
    *failing = !status;
}

void EngagementUpkeep::rollUp()
{
    for (;;) {
        auto pass = m_rollup.runOnce();
        report(pass ? Status() : Status(pass.error()), &m_rollupFailing);
        if (!pass || !pass->moreWaiting)
            return;
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_stopping)
            return;
    }
}

void EngagementUpkeep::prune()
{
    auto pruned = EngagementRetention(m_database).prune();
    report(pruned ? Status() : Status(pruned.error()), &m_pruneFailing);
}

void EngagementUpkeep::run()
{
    QDeadlineTimer nextPrune(0);
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait_for(lock, std::chrono::milliseconds(RollupEveryMs), [this] { return m_stopping; });
            if (m_stopping)
                break;
        }
        rollUp();
        if (nextPrune.hasExpired()) {
            prune();
            nextPrune.setRemainingTime(PruneEveryMs);
        }
    }
    report(m_rollup.release(), &m_rollupFailing);
    m_database.releaseThreadConnection();
}

} // namespace herald::cli
