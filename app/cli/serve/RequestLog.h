#pragma once

#include <QByteArray>

#include <mutex>

namespace herald::cli {

// One line per request on standard output, "2026-12-07T16:00:00Z GET /c/ 302 click recorded", gathered from every
// request thread and written in one go each time flush() is called (a few times a second), so logging costs a
// request a copy, not a write.
class RequestLog
{
public:
    void add(const QByteArray& line);
    void flush();

private:
    QByteArray timestamp();

    std::mutex m_mutex;
    QByteArray m_pending;
    qint64 m_second = -1;
    QByteArray m_stamp;
};

} // namespace herald::cli
