#pragma once

#include "EngagementRecord.h"
#include "EngagementEventWriter.h"

#include <QCoreApplication>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace herald {

// Collects the events the request threads record and writes them to the database every `interval` on a thread of
// its own, so a request never waits for the database. What a kill -9 can lose is one interval's events and those of
// the write in progress (scripts/bench-serve.sh measures it); stop() (SIGTERM) writes everything collected before it
// returns. A batch that fails is kept and tried again (the reason goes to the log once per outage); past `maxPending`
// events the newest are refused and counted, never silently.
class EngagementEventFlusher
{
    Q_DECLARE_TR_FUNCTIONS(herald::EngagementEventFlusher)
public:
    using Logger = std::function<void(const QString&)>;

    EngagementEventFlusher(Database& database, int intervalMs, Logger log, qsizetype maxPending = 2'000'000);
    ~EngagementEventFlusher();

    void start();
    // Writes what is pending (trying until `deadlineMs` passes while the database refuses) and stops the thread.
    // False when events were left unwritten.
    bool stop(int deadlineMs = 10'000);

    // From any thread.
    void record(EngagementRecord event);

    qint64 written() const { return m_written.load(); }
    qint64 refused() const { return m_refused.load(); }
    qint64 pending() const;
    // Whether the last write failed (the events are kept and tried again).
    bool isFailing() const { return m_failing.load(); }

private:
    void run();
    // Writes `batch`; true when stored (or empty).
    bool flush(std::vector<EngagementRecord>& batch);

    Database& m_database;
    EngagementEventWriter m_writer;
    const int m_intervalMs;
    const qsizetype m_maxPending;
    Logger m_log;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<EngagementRecord> m_pending;
    bool m_stopping = false;
    int m_stopDeadlineMs = 0;
    std::thread m_thread;

    std::atomic<qint64> m_written{0};
    std::atomic<qint64> m_refused{0};
    std::atomic<bool> m_failing{false}; // the current outage was logged
};

} // namespace herald
