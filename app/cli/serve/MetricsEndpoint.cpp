#include "MetricsEndpoint.h"

#include "cli/StatsReport.h"

#include <QDateTime>

namespace herald::cli {

HttpReply MetricsEndpoint::answer(const QByteArray& method)
{
    HttpReply reply;
    reply.headers = {{"Cache-Control", "no-store"}};
    if (method != "GET" && method != "HEAD") {
        reply.status = 405;
        reply.headers.append(qMakePair(QByteArray("Allow"), QByteArray("GET, HEAD")));
        reply.logLine = method + " /metrics 405 method";
        return reply;
    }
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_readAt.isValid() || m_readAt.hasExpired(CacheMs)) {
        auto figures = StatsReport::readCurrent(m_database, RangeSeconds, QDateTime::currentSecsSinceEpoch());
        m_problem = figures ? QString() : figures.error().message;
        m_text = figures ? StatsReport::prometheus(figures.value()).toUtf8() : QByteArray();
        m_readAt.start();
    }
    reply.withoutBody = method == "HEAD";
    if (!m_problem.isEmpty()) {
        reply.status = 503;
        reply.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/plain; charset=utf-8")));
        reply.body = m_problem.toUtf8() + '\n';
        reply.logLine = method + " /metrics 503 database";
        return reply;
    }
    reply.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/plain; version=0.0.4; charset=utf-8")));
    reply.body = m_text;
    reply.logLine = method + " /metrics 200 ok";
    return reply;
}

} // namespace herald::cli
