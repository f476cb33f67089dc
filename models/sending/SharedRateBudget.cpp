#include "SharedRateBudget.h"

#include "storage/BoundQuery.h"

#include <QCoreApplication>
#include <QDateTime>

namespace herald {

namespace {
// The database's clock in epoch seconds (fractional): every process agrees on the time.
const char* const EpochNow = "extract(epoch FROM clock_timestamp())";
} // namespace

SharedRateBudget::SharedRateBudget(Database& database) : m_database(database) {}

Result<SharedRateBudget::Grant> SharedRateBudget::draw(const QString& provider, int wanted, double limitPerSecond, int burst)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT granted, wait_ms, decided_at FROM rate_schedule_draw(:provider, :wanted, :limit, :burst)"),
                     BoundQuery::Lifetime::KeptPrepared);
    query.bind(QStringLiteral(":provider"), provider)
        .bind(QStringLiteral(":wanted"), wanted)
        .bind(QStringLiteral(":limit"), limitPerSecond)
        .bind(QStringLiteral(":burst"), burst);
    if (auto done = query.execSingle(tr("Could not draw from the shared send schedule of provider '%1'").arg(provider), QString()); !done)
        return done.error();
    return Grant{query.value(0).toInt(), query.value(1).toInt(), query.value(2).toDouble()};
}

Status SharedRateBudget::slowDown(const QString& provider, double ratePerSecond, int seconds)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral(
        "INSERT INTO rate_slowdown AS s (provider, rate_per_s, until_epoch)"
        " SELECT a.provider, a.rate, CAST(a.t AS bigint) + a.seconds FROM (SELECT CAST(:provider AS text) AS provider,"
        "  CAST(:rate AS double precision) AS rate, CAST(:seconds AS bigint) AS seconds, %1 AS t) a"
        " ON CONFLICT (provider) DO UPDATE SET"
        "  rate_per_s = CASE WHEN s.until_epoch > excluded.until_epoch - :seconds2 THEN LEAST(s.rate_per_s, excluded.rate_per_s)"
        "   ELSE excluded.rate_per_s END,"
        "  until_epoch = GREATEST(s.until_epoch, excluded.until_epoch)").arg(QLatin1String(EpochNow)));
    query.bind(QStringLiteral(":provider"), provider)
        .bind(QStringLiteral(":rate"), ratePerSecond)
        .bind(QStringLiteral(":seconds"), seconds)
        .bind(QStringLiteral(":seconds2"), seconds);
    return query.exec(tr("Could not share the slow-down of provider '%1'").arg(provider));
}

} // namespace herald
