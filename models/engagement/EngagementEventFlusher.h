#pragma once

#include "EngagementEventWriter.h"
#include "EngagementRecord.h"
#include "EngagementSpool.h"

#include <QCoreApplication>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace herald {

// Takes the events the request threads record into the spool (EngagementSpool, which puts them in a file every few
// milliseconds) and moves them to the database every `interval` on a thread of its own, so a request never waits for
// the database and a kill -9 loses only what the spool had not yet written, however slow the database is
// (scripts/bench-serve.sh measures it). Each interval it seals the spool's open segment and writes the sealed ones
// oldest first, each exactly once (EngagementEventWriter::writeSegment), deleting its file once committed; segments
// a killed process left in the spool go first. A segment that fails is tried again (the reason goes to the log once
// per outage) while new events gather in the spool, up to its cap. stop() (SIGTERM) writes everything before it
// returns; what the database still refuses then stays in the spool for the next start.
class EngagementEventFlusher
{
    Q_DECLARE_TR_FUNCTIONS(herald::EngagementEventFlusher)
public:
    using Logger = std::function<void(const QString&)>;
    static constexpr qint64 KeepSegmentMarksMs = qint64(30) * 24 * 3600 * 1000;

    EngagementEventFlusher(Database& database, EngagementSpool& spool, int intervalMs, Logger log);
    ~EngagementEventFlusher();

    // Starts the spool's writing thread and the database thread.
    void start();
    // Writes what is spooled (trying until `deadlineMs` passes while the database refuses) and stops both threads.
    // False when events were left in the spool.
    bool stop(int deadlineMs = 10'000);

    // From any thread; false when the spool is full (the event is counted in refused()).
    bool record(const EngagementRecord& event) { return m_spool.append(event); }

    qint64 written() const { return m_written.load(); }
    qint64 refused() const { return m_spool.refused(); }
    // Whether the last write failed (the events are kept and tried again).
    bool isFailing() const { return m_failing.load(); }

private:
    void run();
    // Writes the sealed segments, oldest first; true when none is left.
    bool writeSealed();
    void report(const Status& status);

    Database& m_database;
    EngagementSpool& m_spool;
    EngagementEventWriter m_writer;
    const int m_intervalMs;
    Logger m_log;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    int m_stopDeadlineMs = 0;
    std::thread m_thread;
    bool m_frontCommitted = false; // the oldest sealed segment is in the database, its file not yet deleted

    std::atomic<qint64> m_written{0};
    std::atomic<bool> m_failing{false}; // the current outage was logged
};

} // namespace herald
