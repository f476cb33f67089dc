#pragma once

#include "engagement/EngagementRollup.h"

#include <QCoreApplication>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace herald::cli {

// What each `herald serve` does besides answering requests, on a thread of its own: rolls settled events up about
// every second (EngagementRollup: one process at a time holds the lease, so several serve processes share the work
// safely) and prunes raw events past the retention period once an hour (EngagementRetention). Problems go to the log
// once per outage; the work is tried again on the next turn.
class EngagementUpkeep
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::EngagementUpkeep)
public:
    using Logger = std::function<void(const QString&)>;

    EngagementUpkeep(Database& database, QString holder, Logger log);
    ~EngagementUpkeep();

    void start();
    // Finishes the current pass, gives up the lease (another process takes over at once) and stops.
    void stop();

private:
    void run();
    void rollUp();
    void prune();
    void report(const Status& status, bool* failing);

    Database& m_database;
    EngagementRollup m_rollup;
    Logger m_log;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
    bool m_rollupFailing = false;
    bool m_pruneFailing = false;
};

} // namespace herald::cli
