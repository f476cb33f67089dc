#pragma once

#include "EngagementRecord.h"
#include "domain/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QLockFile>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace herald {

// One file of the spool: the events one process appended between two seals.
struct SpoolSegment
{
    QString path;
    QString instance; // the process that wrote it
    qint64 number = 0;
    qint64 bytes = 0;
};

// `herald serve`'s local spool: every accepted open and click is appended to a file in a directory of its own
// (EngagementSpoolFormat lines), written from memory every WriteEveryMs on a thread of its own, so a kill -9 of the
// process loses at most that interval's events whatever the database is doing (what write() gave the kernel survives
// the process; a crash of the machine may lose what the kernel had not yet put on disk). The database writer
// (EngagementEventFlusher) seals the open segment, writes sealed segments oldest first and removes each once it is
// committed; segments a killed process left behind are sealed ones to it. A QLockFile keeps the directory to one
// process. Past `capBytes` on disk and in memory new events are refused and counted, never silently, until the
// database takes some. Thread-safe.
class EngagementSpool
{
    Q_DECLARE_TR_FUNCTIONS(herald::EngagementSpool)
public:
    using Logger = std::function<void(const QString&)>;
    static constexpr int WriteEveryMs = 20;
    static constexpr qint64 DefaultCapBytes = qint64(1024) << 20;
    static constexpr qint64 SegmentBytes = qint64(16) << 20; // a longer segment is sealed where it is

    // Takes `directory` (made if missing) for this process; the error names it when it cannot be written or another
    // process holds it. Segments found there are a killed process's, and come first.
    static Result<std::unique_ptr<EngagementSpool>> open(const QString& directory, qint64 capBytes, Logger log);
    // Stops the writing thread and writes what is buffered (stop()).
    ~EngagementSpool();

    void start();
    Status stop();

    // From any thread; false (and counted) past the cap.
    bool append(const EngagementRecord& event);
    // Writes the buffered events to the open segment (the thread does this every WriteEveryMs).
    Status writeBuffered();
    // Writes what is buffered and closes the open segment, which joins the sealed ones (unless it is empty).
    Status seal();

    bool hasSealed() const;
    std::optional<SpoolSegment> oldestSealed() const;
    // Whether a sealed segment of `instance` is waiting.
    bool hasSealedOf(const QString& instance) const;
    Result<QByteArray> read(const SpoolSegment& segment) const;
    // Deletes the oldest sealed segment's file once its events are in the database.
    Status remove(const SpoolSegment& segment);

    const QString& directory() const { return m_directory; }
    const QString& instance() const { return m_instance; }
    qint64 bytes() const;
    qint64 refused() const { return m_refused.load(); }
    // Whether new events are refused now.
    bool isFull() const;

private:
    EngagementSpool(QString directory, std::unique_ptr<QLockFile> lock, qint64 capBytes, Logger log);
    Status findLeftovers();
    // With m_fileMutex held.
    Status writeBufferedLocked();
    Status sealLocked();
    QString segmentPath(qint64 number) const;
    void run();

    const QString m_directory;
    const std::unique_ptr<QLockFile> m_lock;
    const qint64 m_capBytes;
    const QString m_instance;
    Logger m_log;

    mutable std::mutex m_mutex; // what request threads touch
    QByteArray m_buffer;
    qint64 m_bytes = 0; // sealed + open segment + buffered
    std::deque<SpoolSegment> m_sealed;

    std::mutex m_fileMutex; // the open segment
    QFile m_open;
    qint64 m_openNumber = 1;
    qint64 m_openBytes = 0;
    bool m_writeFailing = false;

    std::mutex m_threadMutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
    std::atomic<qint64> m_refused{0};
};

} // namespace herald
