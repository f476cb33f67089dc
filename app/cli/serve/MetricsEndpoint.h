#pragma once

#include "HttpMessages.h"
#include "storage/Database.h"

#include <QElapsedTimer>

#include <mutex>

namespace herald::cli {

// GET /metrics of `herald serve` (and `herald worker --metrics`): the team's sending figures over the last 15 minutes in
// Prometheus text format, exactly as `herald stats --prometheus --range 15m` prints them (the families the shipped
// alert rules and Grafana dashboard use, resources/monitoring). Read from the database at most every 5 seconds however
// often it is scraped; 503 with the reason while the database does not answer. Thread-safe.
class MetricsEndpoint
{
public:
    static constexpr int RangeSeconds = 15 * 60;
    static constexpr int CacheMs = 5000;

    explicit MetricsEndpoint(Database& database) : m_database(database) {}

    static bool handles(const QByteArray& path) { return path == "/metrics"; }
    HttpReply answer(const QByteArray& method);

private:
    Database& m_database;
    std::mutex m_mutex;
    QElapsedTimer m_readAt;
    QByteArray m_text;
    QString m_problem;
};

} // namespace herald::cli
