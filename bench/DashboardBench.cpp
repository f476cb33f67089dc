// Figures for the dashboard queries (models/metrics/DashboardReader) on a send history of realistic size:
// `fill SENDS` writes SENDS rows into sends (set-based, a mix of sent, failed, pending, retrying and in-flight
// rows over the last week) and a week of send_metrics for three providers; `queries` times DashboardReader
// for each range of `herald stats`. Prints figures; never a pass/fail test.
#include "BenchPostgres.h"
#include "metrics/DashboardReader.h"
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
void print(const QString& line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

bool run(Database& database, const QString& what, const QString& sql, const QList<std::pair<QString, QVariant>>& values = {})
{
    QElapsedTimer timer;
    timer.start();
    BoundQuery query(database.connection(), sql);
    for (const auto& [name, value] : values)
        query.bind(name, value);
    if (auto done = query.exec(what); !done) {
        print(done.error().message);
        return false;
    }
    print(QStringLiteral("%1: %2 s").arg(what).arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    return true;
}

int fill(Database& database, qint64 sends)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 week = 7 * 24 * 3600;
    if (!run(database, QStringLiteral("campaigns"),
             QStringLiteral("INSERT INTO campaigns (id, uuid, name, subject, html_body, text_body, from_name, from_email, status) "
                            "SELECT c, 'bench-' || c, 'Bench ' || c, 's', 'h', 't', 'n', 'n@example.org', 'sending' "
                            "FROM generate_series(1, 20) AS c ON CONFLICT DO NOTHING")))
        return 1;
    // A week of history: mostly sent, 3 % failed with a few reasons, the rest waiting, retrying or in flight.
    if (!run(database, QStringLiteral("sends"),
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
    if (!run(database, QStringLiteral("send_metrics"),
             QStringLiteral("INSERT INTO send_metrics SELECT CAST(:now AS bigint) / 10 * 10 - b * 10, 'relay-' || p, 900, 30, 10, 1, "
                            "45000, %1 FROM generate_series(0, CAST(:buckets AS integer)) AS b, generate_series(0, 2) AS p "
                            "ON CONFLICT DO NOTHING")
                 .arg(histogram.join(QStringLiteral(", "))),
             {{QStringLiteral(":now"), now}, {QStringLiteral(":buckets"), week / 10}}))
        return 1;
    return 0; // scripts/bench-dashboard.sh runs VACUUM ANALYZE (it cannot be a prepared statement)
}

int queries(Database& database, int runs)
{
    BoundQuery rows(database.connection(), QStringLiteral("SELECT count(*) FROM sends"));
    if (rows.execSingle(QStringLiteral("count"), QString()).ok())
        print(QStringLiteral("sends rows: %1").arg(rows.value(0).toLongLong()));
    DashboardReader reader(database);
    const std::pair<const char*, qint64> ranges[] = {{"15m", 900}, {"1h", 3600}, {"24h", 86400}, {"7d", 604800}};
    for (const auto& [name, seconds] : ranges) {
        QList<double> times;
        for (int i = 0; i <= runs; ++i) {
            QElapsedTimer timer;
            timer.start();
            auto figures = reader.read(seconds, QDateTime::currentSecsSinceEpoch());
            times << timer.nsecsElapsed() / 1e6;
            if (!figures) {
                print(figures.error().message);
                return 1;
            }
        }
        const double first = times.takeFirst();
        std::sort(times.begin(), times.end());
        print(QStringLiteral("figure dashboard_%1_ms first %2 median %3").arg(QLatin1String(name)).arg(first, 0, 'f', 1)
                  .arg(times.isEmpty() ? first : times.at(times.size() / 2), 0, 'f', 1));
    }
    return 0;
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times the dashboard queries on a large send history."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("fill SENDS | queries"));
    parser.addOptions({{QStringLiteral("pg"), QStringLiteral("PostgreSQL database (user postgres)."), QStringLiteral("host:port/name")},
                       {QStringLiteral("runs"), QStringLiteral("Timed runs after the first."), QStringLiteral("n"), QStringLiteral("5")}});
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    auto database = bench::openPostgres(parser.value(QStringLiteral("pg")));
    if (!database)
        return 1;
    if (positional.value(0) == QLatin1String("fill"))
        return fill(*database, positional.value(1, QStringLiteral("10000000")).toLongLong());
    if (positional.value(0) == QLatin1String("queries"))
        return queries(*database, parser.value(QStringLiteral("runs")).toInt());
    parser.showHelp(2);
}
