// Figures for the dashboard queries (models/metrics/DashboardReader) on a send history of realistic size:
// `fill SENDS` writes SENDS rows into sends (set-based, a mix of sent, failed, pending, retrying and in-flight
// rows over the last week) and a week of what the engines write for the dashboards (send_metrics and its
// 5-minute roll-up for three providers, failure reasons, a queue sample every 10 s, provider states);
// `queries` times DashboardReader for each range of `herald stats`, next to the queries that scanned sends
// before (failure reasons over the range, queue depth), and the engine's queue sample.
// Prints figures; never a pass/fail test.
#include "BenchPostgres.h"
#include "metrics/DashboardReader.h"
#include "metrics/QueueSampler.h"
#include "storage/BoundQuery.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>

using namespace herald;

namespace {
using bench::print;

int fill(Database& database, qint64 sends)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 week = 7 * 24 * 3600;
    if (!bench::timedStatement(database, QStringLiteral("campaigns"),
             QStringLiteral("INSERT INTO campaigns (id, uuid, name, subject, html_body, text_body, from_name, from_email, status) "
                            "SELECT c, 'bench-' || c, 'Bench ' || c, 's', 'h', 't', 'n', 'n@example.org', 'sending' "
                            "FROM generate_series(1, 20) AS c ON CONFLICT DO NOTHING")))
        return 1;
    // A week of history: mostly sent, 3 % failed with a few reasons, the rest waiting, retrying or in flight.
    if (!bench::timedStatement(database, QStringLiteral("sends"),
             QStringLiteral(
                 "INSERT INTO sends (campaign_id, email, status, attempts, next_attempt_at, provider, smtp_code, error, "
                 " queued_at, sent_at, failed_at, latency_ms, lease_until) "
                 "SELECT 1 + i % 20, 'r' || i || '@example.net', s.status, CASE i % 100 WHEN 98 THEN 2 WHEN 99 THEN 0 ELSE 1 END, "
                 " t, 'relay-' || i % 3, CASE s.status WHEN 'failed' THEN 550 WHEN 'sent' THEN 250 END, "
                 " CASE WHEN s.status = 'failed' THEN (ARRAY['550 5.1.1 <r' || i || '@example.net>: User unknown', "
                 "  '552 5.2.2 Mailbox full', '554 5.7.1 Message rejected'])[1 + i % 3] END, t, "
                 " CASE WHEN s.status = 'sent' THEN t END, CASE WHEN s.status = 'failed' THEN t END, 20 + i % 300, "
                 " CASE WHEN s.status = 'sending' THEN t + interval '2 minutes' END "
                 "FROM generate_series(1, CAST(:sends AS bigint)) AS i, "
                 " LATERAL (SELECT to_timestamp(CAST(:now AS bigint) - (i * 7919) % CAST(:week AS bigint)) AS t) AS at, "
                 " LATERAL (SELECT CASE WHEN i % 100 < 3 THEN 'failed' WHEN i % 1000 = 999 THEN 'sending' "
                 "  WHEN i % 100 >= 98 THEN 'pending' ELSE 'sent' END AS status) AS s"),
             {{QStringLiteral(":sends"), sends}, {QStringLiteral(":now"), now}, {QStringLiteral(":week"), week}}))
        return 1;
    QStringList histogram;
    for (int i = 0; i < 11; ++i)
        histogram << QStringLiteral("CASE WHEN mod(b, 11) = %1 THEN 50 ELSE 5 END").arg(i);
    if (!bench::timedStatement(database, QStringLiteral("send_metrics"),
             QStringLiteral("INSERT INTO send_metrics SELECT CAST(:now AS bigint) / 10 * 10 - b * 10, 'relay-' || p, 900, 30, 10, 1, "
                            "45000, %1 FROM generate_series(0, CAST(:buckets AS integer)) AS b, generate_series(0, 2) AS p "
                            "ON CONFLICT DO NOTHING")
                 .arg(histogram.join(QStringLiteral(", "))),
             {{QStringLiteral(":now"), now}, {QStringLiteral(":buckets"), week / 10}}))
        return 1;
    if (!bench::timedStatement(database, QStringLiteral("send_metrics_5min"),
             QStringLiteral("INSERT INTO send_metrics_5min SELECT bucket_start / 300 * 300, provider, sum(sent), sum(failed), sum(retried), "
                            "sum(unknown), sum(latency_sum_ms), sum(le_10), sum(le_25), sum(le_50), sum(le_100), sum(le_250), sum(le_500), "
                            "sum(le_1000), sum(le_2500), sum(le_5000), sum(le_10000), sum(le_inf) FROM send_metrics GROUP BY 1, 2 "
                            "ON CONFLICT DO NOTHING")))
        return 1;
    // Three reasons in every bucket (the failed rows of the history above, as the engine counts them), a few more now and then.
    const QString reasons = QStringLiteral(
        "INSERT INTO failure_reasons%1 SELECT CAST(:now AS bigint) / %2 * %2 - b * %2, r.reason, 3 + mod(b, 5), r.example "
        "FROM generate_series(0, CAST(:buckets AS integer)) AS b, (VALUES ('550 5.1.1', '550 5.1.1 <r1@example.net>: User unknown'), "
        " ('552 5.2.2', '552 5.2.2 Mailbox full'), ('554 5.7.1', '554 5.7.1 Message rejected'), "
        " ('421 Timeout waiting for the server', '421 Timeout waiting for the server')) AS r(reason, example) "
        "WHERE r.reason <> '421 Timeout waiting for the server' OR mod(b, 7) = 0 ON CONFLICT DO NOTHING");
    for (const auto& [suffix, seconds] : {std::pair<QString, qint64>{QString(), 10}, {QStringLiteral("_5min"), 300}}) {
        if (!bench::timedStatement(database, QStringLiteral("failure_reasons") + suffix, reasons.arg(suffix).arg(seconds),
                 {{QStringLiteral(":now"), now}, {QStringLiteral(":buckets"), week / seconds}}))
            return 1;
    }
    if (!bench::timedStatement(database, QStringLiteral("queue_samples"),
             QStringLiteral("INSERT INTO queue_samples SELECT CAST(:now AS bigint) / 10 * 10 - b * 10, 200000 + mod(b, 997) * 40, "
                            "mod(b, 500) * 20, 500 + mod(b, 50) FROM generate_series(1, CAST(:buckets AS integer)) AS b ON CONFLICT DO NOTHING"),
             {{QStringLiteral(":now"), now}, {QStringLiteral(":buckets"), week / 10}}))
        return 1;
    if (!bench::timedStatement(database, QStringLiteral("provider_status"),
             QStringLiteral("INSERT INTO provider_status SELECT 'worker-' || w, 'relay-' || p, CASE WHEN p = 2 THEN 'open' ELSE 'closed' END, "
                            "20, 20, '421 4.7.0 Try again later', CAST(:now AS bigint) - 60, CAST(:now AS bigint) "
                            "FROM generate_series(1, 5) AS w, generate_series(0, 2) AS p ON CONFLICT DO NOTHING"),
             {{QStringLiteral(":now"), now}}))
        return 1;
    return 0; // scripts/bench-dashboard.sh runs VACUUM ANALYZE (it cannot be a prepared statement)
}

// The first run and the median of the next `runs` of `query` (ms).
template<typename Query>
std::pair<double, double> timed(int runs, Query query)
{
    QList<double> times;
    for (int i = 0; i <= runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!query())
            return {-1, -1};
        times << timer.nsecsElapsed() / 1e6;
    }
    const double first = times.takeFirst();
    std::sort(times.begin(), times.end());
    return {first, times.isEmpty() ? first : times.at(times.size() / 2)};
}

void printFigure(const QString& name, const std::pair<double, double>& ms)
{
    print(QStringLiteral("figure %1 first %2 median %3").arg(name).arg(ms.first, 0, 'f', 1).arg(ms.second, 0, 'f', 1));
}

// What the dashboard read from sends before the counters and samples (migration 007): failure reasons over the
// range through the partial index on failed_at, and the queue counted on its partial indexes.
bool scanSends(Database& database, qint64 rangeSeconds)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    BoundQuery reasons(database.connection(), QStringLiteral(
        "SELECT reason, count(*), min(error) FROM (SELECT CASE WHEN smtp_code IS NOT NULL"
        "  AND substr(error, 1, 3) = CAST(smtp_code AS text) THEN substr(error, 1, 9) ELSE substr(COALESCE(error, ''), 1, 60) END"
        "  AS reason, error FROM sends WHERE status = 'failed' AND failed_at >= to_timestamp(:from) AND failed_at < to_timestamp(:to)) f"
        " GROUP BY reason ORDER BY count(*) DESC, reason LIMIT 5"));
    reasons.bind(QStringLiteral(":from"), double(now - rangeSeconds)).bind(QStringLiteral(":to"), double(now));
    BoundQuery queue(database.connection(), QStringLiteral("SELECT (SELECT count(*) FROM sends WHERE status = 'pending'),"
                                                           " (SELECT count(*) FROM sends WHERE status = 'pending' AND attempts > 0),"
                                                           " (SELECT count(*) FROM sends WHERE status = 'sending')"));
    return reasons.exec(QStringLiteral("reasons")).ok() && queue.exec(QStringLiteral("queue")).ok();
}

int queries(Database& database, int runs)
{
    BoundQuery rows(database.connection(), QStringLiteral("SELECT count(*) FROM sends"));
    if (rows.execSingle(QStringLiteral("count"), QString()).ok())
        print(QStringLiteral("sends rows: %1").arg(rows.value(0).toLongLong()));
    DashboardReader reader(database);
    const std::pair<const char*, qint64> ranges[] = {{"15m", 900}, {"1h", 3600}, {"24h", 86400}, {"7d", 604800}};
    for (const auto& [name, seconds] : ranges) {
        const auto ms = timed(runs, [&reader, seconds = seconds] {
            auto figures = reader.read(seconds, QDateTime::currentSecsSinceEpoch());
            if (!figures)
                print(figures.error().message);
            return figures.ok();
        });
        if (ms.first < 0)
            return 1;
        printFigure(QStringLiteral("dashboard_%1_ms").arg(QLatin1String(name)), ms);
    }
    print(QStringLiteral("-- before (reasons and queue read from sends; the parts of a read that scanned it):"));
    for (const auto& [name, seconds] : ranges)
        printFigure(QStringLiteral("sends_scan_%1_ms").arg(QLatin1String(name)), timed(std::min(runs, 2), [&database, seconds = seconds] {
                        return scanSends(database, seconds);
                    }));
    // What an engine pays every 10 s for the queue chart (the slot is new each time: a sample is taken).
    qint64 slot = QDateTime::currentSecsSinceEpoch() / 10 * 10 + 3600;
    printFigure(QStringLiteral("queue_sample_ms"), timed(runs, [&database, &slot] {
                    slot += 10;
                    return QueueSampler(database).sampleIfDue(slot).ok();
                }));
    return 0;
}
} // namespace

int main(int argc, char** argv)
{
    return bench::fillOrQueries(
        argc, argv, QStringLiteral("Times the dashboard queries on a large send history."), QStringLiteral("SENDS"),
        QStringLiteral("5"),
        [](Database& database, const QStringList& arguments) {
            return fill(database, arguments.value(0, QStringLiteral("10000000")).toLongLong());
        },
        &queries);
}
