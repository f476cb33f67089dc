#include "RequestLog.h"

#include <QDateTime>

#include <cstdio>

namespace herald::cli {

QByteArray RequestLog::timestamp()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now != m_second) {
        m_second = now;
        m_stamp = QDateTime::fromSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODate).toLatin1();
    }
    return m_stamp;
}

void RequestLog::add(const QByteArray& line)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_pending += timestamp();
    m_pending += ' ';
    m_pending += line;
    m_pending += '\n';
}

void RequestLog::flush()
{
    QByteArray lines;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        lines.swap(m_pending);
    }
    if (lines.isEmpty())
        return;
    std::fwrite(lines.constData(), 1, size_t(lines.size()), stdout);
    std::fflush(stdout);
}

} // namespace herald::cli
