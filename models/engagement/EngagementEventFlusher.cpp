#include "EngagementEventFlusher.h"

#include <QDateTime>
#include <QDeadlineTimer>

#include <algorithm>
#include <chrono>

namespace herald {

EngagementEventFlusher::EngagementEventFlusher(Database& database, EngagementSpool& spool, int intervalMs, Logger log)
    : m_database(database), m_spool(spool), m_writer(database), m_intervalMs(intervalMs), m_log(std::move(log))
{
}

EngagementEventFlusher::~EngagementEventFlusher()
{
    stop(0);
}

void EngagementEventFlusher::start()
{
    m_spool.start();
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
}

void EngagementEventFlusher::report(const Status& status)
{
    if (!status) {
        if (!m_failing)
            m_log(tr("Could not record opens and clicks, keeping them in the spool %1 to try again: %2")
                      .arg(m_spool.directory(), status.error().message));
        m_failing = true;
        return;
    }
    if (m_failing)
        m_log(tr("Recording opens and clicks again."));
    m_failing = false;
}

bool EngagementEventFlusher::writeSealed()
{
    while (const auto segment = m_spool.oldestSealed()) {
        if (!m_frontCommitted) {
            auto bytes = m_spool.read(*segment);
            if (!bytes) {
                report(bytes.error());
                return false;
            }
            const auto lines = EngagementSpoolFormat::wellFormed(bytes.value());
            if (lines.skipped > 0)
                m_log(tr("Skipped %n line(s) of %1 that are not events (a kill cuts off the last one).", nullptr, int(lines.skipped))
                          .arg(segment->path));
            auto stored = m_writer.writeSegment(lines, segment->instance, segment->number);
            report(stored ? Status() : Status(stored.error()));
            if (!stored)
                return false;
            if (stored.value())
                m_written += lines.count;
            m_frontCommitted = true;
        }
        if (const Status removed = m_spool.remove(*segment); !removed) {
            report(removed);
            return false;
        }
        m_frontCommitted = false;
        // A killed process's segments are all written: its last mark can go (a failure leaves it to the pruning).
        if (segment->instance != m_spool.instance() && !m_spool.hasSealedOf(segment->instance))
            (void)m_writer.forgetSegments(segment->instance);
    }
    return true;
}

void EngagementEventFlusher::run()
{
    using Clock = std::chrono::steady_clock;
    const auto interval = std::chrono::milliseconds(m_intervalMs);
    Clock::time_point due = Clock::now() + interval;
    (void)m_writer.pruneSegments(QDateTime::currentMSecsSinceEpoch(), KeepSegmentMarksMs);
    writeSealed(); // what a killed process left
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            if (m_wake.wait_until(lock, due, [this] { return m_stopping; }))
                break;
        }
        // The next segment is due an interval after this one, however long writing took (at once when longer).
        due = std::max(due + interval, Clock::now());
        // While older segments wait (the database refuses them), new events gather in the open one.
        if (!m_spool.hasSealed())
            if (const Status sealed = m_spool.seal(); !sealed)
                m_log(sealed.error().message);
        writeSealed();
    }
    // Stopping: keep trying until the deadline stop() was given; what is left stays in the spool.
    const QDeadlineTimer deadline(m_stopDeadlineMs);
    (void)m_spool.seal();
    while (!writeSealed() && !deadline.hasExpired())
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    if (!m_spool.hasSealed())
        (void)m_writer.forgetSegments(m_spool.instance());
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
    (void)m_spool.stop();
    return !m_spool.hasSealed() && m_spool.bytes() == 0;
}

} // namespace herald
