#include "SharedRateBudget.h"

#include "storage/BoundQuery.h"

#include <QCoreApplication>
#include <QDateTime>

namespace herald {

namespace {
// The database's clock in epoch seconds (fractional): every process agrees on which second it is.
constexpr qint64 CleanupIntervalSeconds = 10;
const char* const EpochNow = "extract(epoch FROM clock_timestamp())";
} // namespace

SharedRateBudget::SharedRateBudget(Database& database) : m_database(database) {}

Result<SharedRateBudget::Grant> SharedRateBudget::draw(const QString& provider, int wanted, double limitPerSecond)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // `granted` is computed from the old `used` in the same update that raises it: concurrent draws queue on
    // the row lock and each sees what the one before it left. The second's budget (`cap`: the provider's
    // limit or a lower shared slow-down rate, at least one message a second) is released along the second
    // (`ramp`), so the end of one second and the start of the next make no double burst; what nobody drew
    // more than two slices ago is forfeit (`lowest`), so an idle stretch does not save up a burst either.
    // `used` is thus what this second has released: taken or forfeit.
    BoundQuery query(db.value(), QStringLiteral(
        "WITH args AS (SELECT CAST(:provider AS text) AS provider, CAST(:wanted AS integer) AS wanted,"
        "  CAST(:limit AS double precision) AS lim, %1 AS t),"
        " cap AS (SELECT CAST(GREATEST(1, round(LEAST(a.lim, COALESCE((SELECT s.rate_per_s FROM rate_slowdown s"
        "   WHERE s.provider = a.provider AND s.until_epoch > a.t), a.lim)))) AS integer) AS n FROM args a),"
        " ramp AS (SELECT LEAST(cap.n, CAST(ceil(cap.n * (a.t - floor(a.t))) AS integer) + a.wanted) AS n FROM args a, cap),"
        " lowest AS (SELECT GREATEST(0, ramp.n - 2 * a.wanted) AS n FROM args a, ramp)"
        " INSERT INTO rate_budget AS b (provider, second, used, granted)"
        " SELECT a.provider, CAST(floor(a.t) AS bigint), lowest.n + LEAST(a.wanted, ramp.n - lowest.n),"
        "  LEAST(a.wanted, ramp.n - lowest.n) FROM args a, ramp, lowest"
        " ON CONFLICT (provider, second) DO UPDATE"
        " SET used = LEAST(GREATEST(b.used, (SELECT n FROM lowest)) + (SELECT wanted FROM args),"
        "   GREATEST(b.used, (SELECT n FROM lowest), (SELECT n FROM ramp))),"
        "  granted = LEAST(GREATEST(b.used, (SELECT n FROM lowest)) + (SELECT wanted FROM args),"
        "   GREATEST(b.used, (SELECT n FROM lowest), (SELECT n FROM ramp))) - GREATEST(b.used, (SELECT n FROM lowest))"
        " RETURNING b.granted, CAST(1000 - mod(CAST(floor((SELECT t FROM args) * 1000) AS bigint), 1000) AS integer),"
        "  b.used >= (SELECT n FROM cap)").arg(QLatin1String(EpochNow)), BoundQuery::Lifetime::KeptPrepared);
    query.bind(QStringLiteral(":provider"), provider).bind(QStringLiteral(":wanted"), wanted).bind(QStringLiteral(":limit"), limitPerSecond);
    if (auto done = query.execSingle(tr("Could not draw from the shared send budget of provider '%1'").arg(provider), QString()); !done)
        return done.error();
    Grant grant{query.value(0).toInt(), std::max(1, query.value(1).toInt()), query.value(2).toBool()};
    query.finish();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    qint64 last = m_lastCleanup.load();
    if (now - last >= CleanupIntervalSeconds && m_lastCleanup.compare_exchange_strong(last, now)) { // one thread does it
        if (auto removed = removeOldSeconds(db.value(), provider); !removed)
            return removed.error();
    }
    return grant;
}

Status SharedRateBudget::removeOldSeconds(const QSqlDatabase& db, const QString& provider)
{
    BoundQuery query(db, QStringLiteral("DELETE FROM rate_budget WHERE provider = :provider AND second < %1 - 60")
                             .arg(QLatin1String(EpochNow)));
    query.bind(QStringLiteral(":provider"), provider);
    return query.exec(tr("Could not clean up the shared send budget of provider '%1'").arg(provider));
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
