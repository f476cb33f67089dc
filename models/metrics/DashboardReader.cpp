#include "DashboardReader.h"

#include "FailureRate.h"
#include "SendMetricsWriter.h"
#include "storage/BoundQuery.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace herald {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("DashboardReader", text); }

constexpr int MaxPoints = 120;
constexpr qint64 LongRangeSeconds = 6 * 3600;
constexpr int TopReasons = 5;
constexpr int CurrentRateSeconds = 60;

int breakerRank(const QString& breaker)
{
    if (breaker == QLatin1String("open"))
        return 2;
    return breaker == QLatin1String("half-open") ? 1 : 0;
}
} // namespace

DashboardReader::DashboardReader(Database& database) : m_database(database) {}

int DashboardReader::bucketFor(qint64 rangeSeconds)
{
    return rangeSeconds > LongRangeSeconds ? SendMetricsWriter::RollupSeconds : SendMetricsWriter::BucketSeconds;
}

int DashboardReader::stepFor(qint64 rangeSeconds)
{
    const qint64 bucket = bucketFor(rangeSeconds);
    const qint64 buckets = (rangeSeconds + MaxPoints * bucket - 1) / (MaxPoints * bucket);
    return int(std::max<qint64>(1, buckets) * bucket);
}

Result<DashboardFigures> DashboardReader::read(qint64 rangeSeconds, qint64 nowEpochSeconds, int windowSeconds)
{
    DashboardFigures figures;
    const qint64 bucket = bucketFor(rangeSeconds);
    m_suffix = bucket == SendMetricsWriter::BucketSeconds ? QString() : QStringLiteral("_5min");
    m_now = nowEpochSeconds;
    figures.stepSeconds = stepFor(rangeSeconds);
    figures.to = (nowEpochSeconds / bucket + 1) * bucket; // the bucket being filled now counts
    figures.from = figures.to - (rangeSeconds + figures.stepSeconds - 1) / figures.stepSeconds * figures.stepSeconds;
    const int windowPoints = std::max(1, (windowSeconds + figures.stepSeconds / 2) / figures.stepSeconds);
    figures.windowSeconds = windowPoints * figures.stepSeconds;
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    for (auto part : {&DashboardReader::readOutcomes, &DashboardReader::readSeries, &DashboardReader::readReasons,
                      &DashboardReader::readQueue, &DashboardReader::readHealth}) {
        if (auto done = (this->*part)(db.value(), figures); !done)
            return done.error();
    }
    return figures;
}

Status DashboardReader::readOutcomes(const QSqlDatabase& db, DashboardFigures& figures)
{
    QStringList sums;
    for (const QString& column : LatencyHistogram::columns())
        sums << QStringLiteral("sum(%1)").arg(column);
    BoundQuery query(db, QStringLiteral("SELECT provider, sum(sent), sum(failed), sum(retried), sum(unknown), sum(latency_sum_ms), %1"
                                        " FROM send_metrics%2 WHERE bucket_start >= :from AND bucket_start < :to"
                                        " GROUP BY provider ORDER BY provider")
                             .arg(sums.join(QStringLiteral(", ")), m_suffix));
    query.bind(QStringLiteral(":from"), figures.from).bind(QStringLiteral(":to"), figures.to);
    if (auto done = query.exec(tr("Could not read the send metrics")); !done)
        return done;
    while (query.next()) {
        DashboardFigures::Outcomes outcomes;
        outcomes.provider = query.value(0).toString();
        outcomes.sent = query.value(1).toLongLong();
        outcomes.failed = query.value(2).toLongLong();
        outcomes.retried = query.value(3).toLongLong();
        outcomes.unknown = query.value(4).toLongLong();
        std::array<qint64, LatencyHistogram::BucketCount> counts{};
        for (int i = 0; i < LatencyHistogram::BucketCount; ++i)
            counts[size_t(i)] = query.value(6 + i).toLongLong();
        outcomes.latency.addCounts(counts, query.value(5).toLongLong());
        figures.totals.sent += outcomes.sent;
        figures.totals.failed += outcomes.failed;
        figures.totals.retried += outcomes.retried;
        figures.totals.unknown += outcomes.unknown;
        figures.totals.latency.merge(outcomes.latency);
        figures.providers << outcomes;
    }
    figures.failureRate = FailureRate::of(figures.totals.sent, figures.totals.failed);
    return {};
}

Status DashboardReader::readSeries(const QSqlDatabase& db, DashboardFigures& figures)
{
    // One row per point; integer division puts each bucket in its point.
    BoundQuery query(db, QStringLiteral("SELECT (bucket_start - :origin) / :step, sum(sent), sum(failed) FROM send_metrics%1"
                                        " WHERE bucket_start >= :from AND bucket_start < :to GROUP BY 1").arg(m_suffix));
    query.bind(QStringLiteral(":origin"), figures.from)
        .bind(QStringLiteral(":step"), qint64(figures.stepSeconds))
        .bind(QStringLiteral(":from"), figures.from)
        .bind(QStringLiteral(":to"), figures.to);
    if (auto done = query.exec(tr("Could not read the send rate over time")); !done)
        return done;
    const qsizetype points = qsizetype(figures.seconds() / figures.stepSeconds);
    QList<FailureRate::Counts> counts(points);
    while (query.next()) {
        const qint64 index = query.value(0).toLongLong();
        if (index >= 0 && index < points)
            counts[index] = {query.value(1).toLongLong(), query.value(2).toLongLong()};
    }
    const int windowPoints = figures.windowSeconds / figures.stepSeconds;
    const QList<double> rates = FailureRate::rolling(counts, windowPoints);
    for (qsizetype i = 0; i < points; ++i) {
        figures.series << DashboardFigures::Point{figures.from + i * figures.stepSeconds, counts[i].sent, counts[i].failed,
                                                  double(counts[i].sent) / figures.stepSeconds,
                                                  double(counts[i].failed) / figures.stepSeconds, rates[i]};
    }
    figures.recentFailureRate = rates.isEmpty() ? 0.0 : rates.last();
    return {};
}

Status DashboardReader::readReasons(const QSqlDatabase& db, DashboardFigures& figures)
{
    BoundQuery query(db, QStringLiteral("SELECT reason, sum(failures), min(example) FROM failure_reasons%1"
                                        " WHERE bucket_start >= :from AND bucket_start < :to"
                                        " GROUP BY reason ORDER BY sum(failures) DESC, reason LIMIT :top").arg(m_suffix));
    query.bind(QStringLiteral(":from"), figures.from).bind(QStringLiteral(":to"), figures.to).bind(QStringLiteral(":top"), TopReasons);
    if (auto done = query.exec(tr("Could not read the failure reasons")); !done)
        return done;
    while (query.next())
        figures.reasons << DashboardFigures::Reason{query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toString()};
    return {};
}

Status DashboardReader::readQueue(const QSqlDatabase& db, DashboardFigures& figures)
{
    // The latest sample at the end of each step: one index probe per point, however many samples the range holds.
    const qsizetype points = figures.series.size();
    BoundQuery query(db, QStringLiteral(
        "WITH RECURSIVE points(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM points WHERE i + 1 < :points)"
        " SELECT p.i, q.sampled_at, q.pending, q.retrying, q.in_flight FROM points p"
        " JOIN queue_samples q ON q.sampled_at = (SELECT max(sampled_at) FROM queue_samples"
        "  WHERE sampled_at < CAST(:from AS bigint) + (p.i + 1) * CAST(:step AS bigint))"));
    query.bind(QStringLiteral(":points"), int(std::max<qsizetype>(points, 1)))
        .bind(QStringLiteral(":from"), figures.from)
        .bind(QStringLiteral(":step"), qint64(figures.stepSeconds));
    if (auto done = query.exec(tr("Could not read the queue depth over time")); !done)
        return done;
    figures.queueSeries = QList<DashboardFigures::Queue>(points);
    while (query.next()) {
        const qint64 index = query.value(0).toLongLong();
        if (index >= 0 && index < points) {
            figures.queueSeries[index] = {query.value(1).toLongLong(), query.value(2).toLongLong(), query.value(3).toLongLong(),
                                          query.value(4).toLongLong()};
        }
    }
    BoundQuery latest(db, QStringLiteral("SELECT sampled_at, pending, retrying, in_flight FROM queue_samples"
                                         " ORDER BY sampled_at DESC LIMIT 1"));
    if (auto done = latest.exec(tr("Could not read the queue depth")); !done)
        return done;
    if (latest.next())
        figures.queue = {latest.value(0).toLongLong(), latest.value(1).toLongLong(), latest.value(2).toLongLong(), latest.value(3).toLongLong()};
    return {};
}

Status DashboardReader::readHealth(const QSqlDatabase& db, DashboardFigures& figures)
{
    // Every provider set up, and any another process reports (it may have a provider this one lacks).
    BoundQuery providers(db, QStringLiteral("SELECT name, rate_per_s FROM providers WHERE enabled ORDER BY priority, name"));
    if (auto done = providers.exec(tr("Could not read the providers")); !done)
        return done;
    QHash<QString, qsizetype> index;
    auto healthOf = [&](const QString& name) -> DashboardFigures::ProviderHealth& {
        if (!index.contains(name)) {
            index.insert(name, figures.health.size());
            DashboardFigures::ProviderHealth health;
            health.provider = name;
            health.breaker = QStringLiteral("idle");
            figures.health << health;
        }
        return figures.health[index.value(name)];
    };
    while (providers.next())
        healthOf(providers.value(0).toString()).limitPerSecond = providers.value(1).toDouble();

    BoundQuery states(db, QStringLiteral("SELECT provider, breaker, allowed_per_s, limit_per_s, last_error, last_error_at, updated_at"
                                         " FROM provider_status ORDER BY provider"));
    if (auto done = states.exec(tr("Could not read the state of the providers")); !done)
        return done;
    while (states.next()) {
        DashboardFigures::ProviderHealth& health = healthOf(states.value(0).toString());
        const qint64 errorAt = states.value(5).toLongLong();
        if (errorAt > health.lastErrorAt && !states.value(4).toString().isEmpty()) {
            health.lastError = states.value(4).toString();
            health.lastErrorAt = errorAt;
        }
        if (states.value(6).toLongLong() < m_now - StaleSeconds)
            continue; // that process stopped sending; only its last error still tells something
        const QString breaker = states.value(1).toString();
        const double allowed = states.value(2).toDouble();
        if (health.senders == 0 || breakerRank(breaker) > breakerRank(health.breaker))
            health.breaker = breaker;
        health.allowedPerSecond = health.senders == 0 ? allowed : std::min(health.allowedPerSecond, allowed);
        health.limitPerSecond = std::max(health.limitPerSecond, states.value(3).toDouble());
        ++health.senders;
    }

    const qint64 bucket = SendMetricsWriter::BucketSeconds;
    const qint64 until = m_now / bucket * bucket; // whole buckets only
    BoundQuery rates(db, QStringLiteral("SELECT provider, sum(sent + failed + retried + unknown) FROM send_metrics"
                                        " WHERE bucket_start >= :from AND bucket_start < :to AND provider <> '' GROUP BY provider"));
    rates.bind(QStringLiteral(":from"), until - CurrentRateSeconds).bind(QStringLiteral(":to"), until);
    if (auto done = rates.exec(tr("Could not read the current sending rate")); !done)
        return done;
    while (rates.next())
        healthOf(rates.value(0).toString()).currentPerSecond = rates.value(1).toDouble() / CurrentRateSeconds;
    for (DashboardFigures::ProviderHealth& health : figures.health) {
        if (health.senders == 0)
            health.allowedPerSecond = health.limitPerSecond;
    }
    return {};
}

} // namespace herald
