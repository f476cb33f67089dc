#pragma once

#include "DashboardFigures.h"
#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"

namespace herald {

// Reads the dashboard figures of a time range from the small tables the engines keep (send_metrics and
// failure_reasons, or their 5-minute roll-ups for long ranges; queue_samples; provider_status), never from
// sends, so a read takes milliseconds however many sends there are.
class DashboardReader
{
public:
    static constexpr int DefaultWindowSeconds = 300;
    static constexpr qint64 StaleSeconds = 15; // a provider state older than this is a process that stopped

    explicit DashboardReader(Database& database);

    // The range ending at `nowEpochSeconds` (rounded up to a whole bucket), `rangeSeconds` long, in at most
    // about 120 points; failure rates roll over `windowSeconds` (at least one step).
    Result<DashboardFigures> read(qint64 rangeSeconds, qint64 nowEpochSeconds, int windowSeconds = DefaultWindowSeconds);
    // The bucket a range is read in: 10 s (send_metrics) up to six hours, 5 min (send_metrics_5min) beyond.
    static int bucketFor(qint64 rangeSeconds);
    // The step between points for a range: a whole number of buckets, at most about 120 points.
    static int stepFor(qint64 rangeSeconds);

private:
    Status readOutcomes(const QSqlDatabase& db, DashboardFigures& figures);
    Status readSeries(const QSqlDatabase& db, DashboardFigures& figures);
    Status readReasons(const QSqlDatabase& db, DashboardFigures& figures);
    Status readQueue(const QSqlDatabase& db, DashboardFigures& figures);
    Status readHealth(const QSqlDatabase& db, DashboardFigures& figures);

    Database& m_database;
    QString m_suffix; // of the tables read: "" or "_5min"
    qint64 m_now = 0;
};

} // namespace herald
