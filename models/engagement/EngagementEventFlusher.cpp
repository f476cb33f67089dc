#include "EngagementEventFlusher.h"

#include <QDeadlineTimer>

#include <algorithm>
#include <chrono>

namespace herald {

EngagementEventFlusher::EngagementEventFlusher(Database& database, int intervalMs, Logger log, qsizetype maxPending)
    : m_database(database), m_writer(database), m_intervalMs(intervalMs), m_maxPending(maxPending), m_log(std::move(log))
{
}

EngagementEventFlusher::~EngagementEventFlusher()
{
    stop(0);
}

void EngagementEventFlusher::start()
{
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
}

void EngagementEventFlusher::record(EngagementRecord event)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (qsizetype(m_pending.size()) >= m_maxPending) {
        ++m_refused;
        return;
    }
    m_pending.push_back(std::move(event));
}

qint64 EngagementEventFlusher::pending() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return qint64(m_pending.size());
}

bool EngagementEventFlusher::flush(std::vector<EngagementRecord>& batch)
{
    if (batch.empty())
        return true;
    const Status stored = m_writer.write(QList<EngagementRecord>(batch.begin(), batch.end()));
    if (!stored) {
        if (!m_failing)
            m_log(tr("Could not record %n open(s) and click(s), keeping them to try again: %1", nullptr, int(batch.size()))
                      .arg(stored.error().message));
        m_failing = true;
        return false;
    }
    if (m_failing)
        m_log(tr("Recording opens and clicks again."));
    m_failing = false;
    m_written += qint64(batch.size());
    batch.clear();
    return true;
}

void EngagementEventFlusher::run()
{
    using Clock = std::chrono::steady_clock;
    const auto interval = std::chrono::milliseconds(m_intervalMs);
    std::vector<EngagementRecord> batch;
    Clock::time_point due = Clock::now() + interval;
    for (;;) {
        bool stopping = false;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait_until(lock, due, [this] { return m_stopping; });
            stopping = m_stopping;
            // A failed batch goes first; what came since joins it.
            batch.insert(batch.end(), std::make_move_iterator(m_pending.begin()), std::make_move_iterator(m_pending.end()));
            m_pending.clear();
        }
        if (stopping)
            break;
        // The next batch is due an interval after this one was taken, however long this one takes to write (at
        // once when it took longer): a kill -9 loses an interval and the write in progress at most, where waiting
        // an interval after each write would add the write before too.
        due = std::max(due + interval, Clock::now());
        flush(batch);
    }
    // Stopping: keep trying until the deadline stop() was given; then give back what is left.
    const QDeadlineTimer deadline(m_stopDeadlineMs);
    while (!flush(batch) && !deadline.hasExpired())
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pending.insert(m_pending.begin(), std::make_move_iterator(batch.begin()), std::make_move_iterator(batch.end()));
    }
    m_database.releaseThreadConnection();
}

bool EngagementEventFlusher::stop(int deadlineMs)
{
    if (m_thread.joinable()) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stopping = true;
            m_stopDeadlineMs = deadlineMs;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    return pending() == 0;
}

} // namespace herald
