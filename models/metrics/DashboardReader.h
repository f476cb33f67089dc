#pragma once

#include "DashboardFigures.h"
#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QCoreApplication>

namespace herald {

// Reads the dashboard figures of a time range from send_metrics (rates, latency) and sends (failure
// reasons, queue depth), with queries that stay on indexes however many sends there are.
class DashboardReader
{
    Q_DECLARE_TR_FUNCTIONS(herald::DashboardReader)
public:
    explicit DashboardReader(Database& database);

    // The range ending at `nowEpochSeconds` (rounded up to a whole bucket), `rangeSeconds` long, in about
    // a hundred points.
    Result<DashboardFigures> read(qint64 rangeSeconds, qint64 nowEpochSeconds);
    // The step between points for a range: a whole number of buckets, at most about 120 points.
    static int stepFor(qint64 rangeSeconds);

private:
    Status readOutcomes(const QSqlDatabase& db, DashboardFigures& figures);
    Status readSeries(const QSqlDatabase& db, DashboardFigures& figures);
    Status readReasons(const QSqlDatabase& db, DashboardFigures& figures);
    Status readQueue(const QSqlDatabase& db, DashboardFigures& figures);

    Database& m_database;
    SqlDialect m_dialect;
};

} // namespace herald
