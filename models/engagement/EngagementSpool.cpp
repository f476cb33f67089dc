#include "EngagementSpool.h"

#include "EngagementSpoolFormat.h"

#include <QDir>
#include <QRandomGenerator>

#include <algorithm>

namespace herald {

namespace {
const QString Suffix = QStringLiteral(".spool");

// "<instance>-<number>.spool": the instance and number, or false for another file.
bool parseName(const QString& name, QString* instance, qint64* number)
{
    if (!name.endsWith(Suffix))
        return false;
    const QString stem = name.chopped(Suffix.size());
    const qsizetype dash = stem.lastIndexOf(QLatin1Char('-'));
    bool ok = false;
    *number = dash > 0 ? stem.mid(dash + 1).toLongLong(&ok) : 0;
    *instance = stem.left(dash);
    return ok && *number > 0;
}
} // namespace

Result<std::unique_ptr<EngagementSpool>> EngagementSpool::open(const QString& directory, qint64 capBytes, Logger log)
{
    const QString path = QDir(directory).absolutePath();
    if (!QDir().mkpath(path))
        return Error::make(Error::Kind::Io, tr("Could not make the spool directory %1.").arg(path));
    auto lock = std::make_unique<QLockFile>(QDir(path).filePath(QStringLiteral("spool.lock")));
    lock->setStaleLockTime(0); // held as long as the process lives, however long that is
    if (!lock->tryLock(0)) {
        if (lock->error() == QLockFile::LockFailedError)
            return Error::make(Error::Kind::Io,
                               tr("Another herald serve uses the spool directory %1 (give each its own with --spool-dir).").arg(path));
        return Error::make(Error::Kind::Io, tr("Cannot write in the spool directory %1.").arg(path));
    }
    std::unique_ptr<EngagementSpool> spool(new EngagementSpool(path, std::move(lock), capBytes, std::move(log)));
    if (const Status found = spool->findLeftovers(); !found)
        return found.error();
    return spool;
}

EngagementSpool::EngagementSpool(QString directory, std::unique_ptr<QLockFile> lock, qint64 capBytes, Logger log)
    : m_directory(std::move(directory)), m_lock(std::move(lock)), m_capBytes(capBytes),
      m_instance(QString::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, QLatin1Char('0'))),
      m_log(std::move(log))
{
}

EngagementSpool::~EngagementSpool()
{
    (void)stop();
}

Status EngagementSpool::findLeftovers()
{
    const QFileInfoList files = QDir(m_directory).entryInfoList({QLatin1Char('*') + Suffix}, QDir::Files);
    for (const QFileInfo& file : files) {
        SpoolSegment segment;
        if (!parseName(file.fileName(), &segment.instance, &segment.number))
            continue;
        if (!file.isReadable())
            return Error::make(Error::Kind::Io, tr("Cannot read %1 in the spool directory.").arg(file.filePath()));
        segment.path = file.filePath();
        segment.bytes = file.size();
        m_sealed.push_back(segment);
        m_bytes += segment.bytes;
    }
    // By instance, then number: the database writer relies on one instance's segments coming in order.
    std::sort(m_sealed.begin(), m_sealed.end(), [](const SpoolSegment& a, const SpoolSegment& b) {
        return a.instance != b.instance ? a.instance < b.instance : a.number < b.number;
    });
    return {};
}

void EngagementSpool::start()
{
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
}

Status EngagementSpool::stop()
{
    if (m_thread.joinable()) {
        {
            std::lock_guard<std::mutex> lock(m_threadMutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    return writeBuffered();
}

void EngagementSpool::run()
{
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(m_threadMutex);
            if (m_wake.wait_for(lock, std::chrono::milliseconds(WriteEveryMs), [this] { return m_stopping; }))
                return;
        }
        (void)writeBuffered(); // a failure is logged, and tried again next time
    }
}

bool EngagementSpool::append(const EngagementRecord& event)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_bytes >= m_capBytes) {
        ++m_refused;
        return false;
    }
    const qsizetype before = m_buffer.size();
    EngagementSpoolFormat::append(m_buffer, event);
    m_bytes += m_buffer.size() - before;
    return true;
}

Status EngagementSpool::writeBuffered()
{
    std::lock_guard<std::mutex> files(m_fileMutex);
    return writeBufferedLocked();
}

QString EngagementSpool::segmentPath(qint64 number) const
{
    return QDir(m_directory).filePath(QStringLiteral("%1-%2%3").arg(m_instance).arg(number, 10, 10, QLatin1Char('0')).arg(Suffix));
}

Status EngagementSpool::writeBufferedLocked()
{
    QByteArray buffered;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        buffered.swap(m_buffer);
    }
    if (buffered.isEmpty())
        return {};
    if (!m_open.isOpen()) {
        m_open.setFileName(segmentPath(m_openNumber));
        m_open.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered);
    }
    const qint64 written = m_open.isOpen() ? m_open.write(buffered) : -1;
    if (written != buffered.size()) {
        const Error error = Error::make(Error::Kind::Io, tr("Could not write to %1, keeping the events in memory: %2")
                                                             .arg(m_open.fileName(), m_open.errorString()));
        if (!m_writeFailing)
            m_log(error.message);
        m_writeFailing = true;
        // Whatever part went out ends that segment (its cut-off last line is skipped when it is read); the next one
        // starts with that line again.
        if (written > 0) {
            m_openBytes += written;
            const qsizetype lineStart = buffered.lastIndexOf('\n', written - 1) + 1;
            std::lock_guard<std::mutex> lock(m_mutex);
            m_bytes += written - lineStart; // that line is counted twice until the segment is removed
            buffered.remove(0, lineStart);
        }
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            buffered.append(m_buffer);
            m_buffer.swap(buffered);
        }
        (void)sealLocked();
        return error;
    }
    if (m_writeFailing)
        m_log(tr("Writing to the spool %1 again.").arg(m_directory));
    m_writeFailing = false;
    m_openBytes += written;
    if (m_openBytes >= SegmentBytes)
        return sealLocked();
    return {};
}

Status EngagementSpool::seal()
{
    std::lock_guard<std::mutex> files(m_fileMutex);
    const Status written = writeBufferedLocked();
    if (!written)
        return written;
    return sealLocked();
}

Status EngagementSpool::sealLocked()
{
    if (m_openBytes == 0 && !m_open.isOpen())
        return {};
    m_open.close();
    SpoolSegment segment{m_open.fileName(), m_instance, m_openNumber, m_openBytes};
    ++m_openNumber;
    m_openBytes = 0;
    std::lock_guard<std::mutex> lock(m_mutex);
    m_sealed.push_back(segment);
    return {};
}

bool EngagementSpool::hasSealed() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return !m_sealed.empty();
}

std::optional<SpoolSegment> EngagementSpool::oldestSealed() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_sealed.empty())
        return std::nullopt;
    return m_sealed.front();
}

bool EngagementSpool::hasSealedOf(const QString& instance) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return std::any_of(m_sealed.begin(), m_sealed.end(), [&](const SpoolSegment& segment) { return segment.instance == instance; });
}

Result<QByteArray> EngagementSpool::read(const SpoolSegment& segment) const
{
    QFile file(segment.path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Kind::Io, tr("Could not read %1: %2").arg(segment.path, file.errorString()));
    return file.readAll();
}

Status EngagementSpool::remove(const SpoolSegment& segment)
{
    QFile file(segment.path);
    if (file.exists() && !file.remove())
        return Error::make(Error::Kind::Io, tr("Could not delete %1, which is in the database: %2").arg(segment.path, file.errorString()));
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_sealed.empty() && m_sealed.front().path == segment.path) {
        m_sealed.pop_front();
        m_bytes -= segment.bytes;
    }
    return {};
}

qint64 EngagementSpool::bytes() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_bytes;
}

bool EngagementSpool::isFull() const
{
    return bytes() >= m_capBytes;
}

} // namespace herald
