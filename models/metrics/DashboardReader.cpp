#include "DashboardReader.h"

#include "FailureRate.h"
#include "SendMetricsWriter.h"
#include "storage/BoundQuery.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include <algorithm>

namespace herald {

namespace {
constexpr int MaxPoints = 120;
constexpr int RollingWindowSeconds = 300;
constexpr int TopReasons = 5;
} // namespace

DashboardReader::DashboardReader(Database& database) : m_database(database), m_dialect(database.backend()) {}

int DashboardReader::stepFor(qint64 rangeSeconds)
{
    const qint64 bucket = SendMetricsWriter::BucketSeconds;
    const qint64 buckets = (rangeSeconds + MaxPoints * bucket - 1) / (MaxPoints * bucket);
    return int(std::max<qint64>(1, buckets) * bucket);
}

Result<DashboardFigures> DashboardReader::read(qint64 rangeSeconds, qint64 nowEpochSeconds)
{
    DashboardFigures figures;
    const qint64 bucket = SendMetricsWriter::BucketSeconds;
    figures.stepSeconds = stepFor(rangeSeconds);
    figures.to = (nowEpochSeconds / bucket + 1) * bucket; // the bucket being filled now counts
    figures.from = figures.to - (rangeSeconds + figures.stepSeconds - 1) / figures.stepSeconds * figures.stepSeconds;
    figures.windowSeconds = std::max(RollingWindowSeconds, figures.stepSeconds);
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    for (auto part : {&DashboardReader::readOutcomes, &DashboardReader::readSeries, &DashboardReader::readReasons,
                      &DashboardReader::readQueue}) {
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
                                        " FROM send_metrics WHERE bucket_start >= :from AND bucket_start < :to"
                                        " GROUP BY provider ORDER BY provider")
                             .arg(sums.join(QStringLiteral(", "))));
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
    BoundQuery query(db, QStringLiteral("SELECT (bucket_start - :origin) / :step, sum(sent), sum(failed) FROM send_metrics"
                                        " WHERE bucket_start >= :from AND bucket_start < :to GROUP BY 1"));
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
        figures.series << DashboardFigures::Point{figures.from + i * figures.stepSeconds, double(counts[i].sent) / figures.stepSeconds,
                                                  double(counts[i].failed) / figures.stepSeconds, rates[i]};
    }
    figures.recentFailureRate = rates.isEmpty() ? 0.0 : rates.last();
    return {};
}

Status DashboardReader::readReasons(const QSqlDatabase& db, DashboardFigures& figures)
{
    // A reply's code and enhanced code name the reason ("550 5.1.1"); the rest of it names the address.
    BoundQuery query(db, QStringLiteral(
        "SELECT reason, count(*), min(error) FROM (SELECT CASE WHEN smtp_code IS NOT NULL"
        "  AND substr(error, 1, 3) = CAST(smtp_code AS text) THEN substr(error, 1, 9) ELSE substr(COALESCE(error, ''), 1, 60) END"
        "  AS reason, error FROM sends WHERE status = 'failed' AND failed_at >= :from AND failed_at < :to) f"
        " GROUP BY reason ORDER BY count(*) DESC, reason LIMIT :top"));
    query.bind(QStringLiteral(":from"), m_dialect.timestamp(QDateTime::fromSecsSinceEpoch(figures.from, Qt::UTC)))
        .bind(QStringLiteral(":to"), m_dialect.timestamp(QDateTime::fromSecsSinceEpoch(figures.to, Qt::UTC)))
        .bind(QStringLiteral(":top"), TopReasons);
    if (auto done = query.exec(tr("Could not read the failure reasons")); !done)
        return done;
    while (query.next())
        figures.reasons << DashboardFigures::Reason{query.value(0).toString().trimmed(), query.value(1).toLongLong(), query.value(2).toString()};
    return {};
}

Status DashboardReader::readQueue(const QSqlDatabase& db, DashboardFigures& figures)
{
    // Each count matches a partial index (sends_due_idx, sends_retrying_idx, sends_lease_idx).
    BoundQuery query(db, QStringLiteral("SELECT (SELECT count(*) FROM sends WHERE status = 'pending'),"
                                        " (SELECT count(*) FROM sends WHERE status = 'pending' AND attempts > 0),"
                                        " (SELECT count(*) FROM sends WHERE status = 'sending')"));
    if (auto done = query.execSingle(tr("Could not count the queue"), QString()); !done)
        return done;
    figures.queue = {query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toLongLong()};
    return {};
}

} // namespace herald
