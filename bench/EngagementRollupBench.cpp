// Figures for the engagement roll-up (models/engagement/EngagementRollup) on PostgreSQL: writes EVENTS opens and clicks
// as `herald serve` does (EngagementEventWriter, COPY) over the last hour for one campaign of SENDS recipients (a mix of
// people's opens and clicks, Apple's prefetches, scanners fetching every link at once, anonymous tokens), then rolls
// them all up in passes of BATCH events and prints events per second. Prints figures; never a pass/fail test.
#include "BenchPostgres.h"
#include "engagement/EngagementEventWriter.h"
#include "engagement/EngagementRollup.h"
#include "storage/BoundQuery.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <QFile>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

using namespace herald;
using herald::bench::figure;
using herald::bench::print;

namespace {
constexpr qint64 CampaignId = 1;
constexpr int Links = 5;

bool exec(Database& database, const QString& sql, const QList<std::pair<QString, QVariant>>& values = {})
{
    BoundQuery query(database.connection(), sql);
    for (const auto& [name, value] : values)
        query.bind(name, value);
    if (auto done = query.exec(QStringLiteral("bench setup")); !done) {
        print(done.error().message);
        return false;
    }
    return true;
}

qint64 scalar(Database& database, const QString& sql)
{
    BoundQuery query(database.connection(), sql);
    if (!query.exec(QStringLiteral("bench check")).ok() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

bool addCampaign(Database& database, qint64 sends, qint64 sentAtSeconds)
{
    if (!exec(database, QStringLiteral("INSERT INTO campaigns (id, uuid, name, subject, html_body, text_body, from_name, from_email, status, tracking) "
                                       "VALUES (1, 'bench-engagement', 'Bench', 's', 'h', 't', 'n', 'n@example.org', 'completed', 'per_recipient')")))
        return false;
    if (!exec(database, QStringLiteral("INSERT INTO campaign_links (campaign_id, link_no, url) "
                                       "SELECT 1, n, 'https://example.org/' || n FROM generate_series(1, %1) AS n").arg(Links)))
        return false;
    return exec(database, QStringLiteral("INSERT INTO sends (campaign_id, email, status, attempts, queued_at, sent_at) "
                                         "SELECT 1, 'r' || i || '@example.net', 'sent', 1, to_timestamp(:at), to_timestamp(:at) "
                                         "FROM generate_series(1, CAST(:sends AS bigint)) AS i"),
                {{QStringLiteral(":at"), sentAtSeconds}, {QStringLiteral(":sends"), sends}});
}

EngagementRecord record(qint64 sendId, EngagementKind kind, int linkNo, qint64 atMs, bool machine, const QString& reason,
                        const QString& agentClass, const QString& clientNet)
{
    EngagementRecord event;
    event.campaignId = CampaignId;
    event.sendId = sendId;
    event.linkNo = linkNo;
    event.kind = kind;
    event.occurredAtMs = atMs;
    event.method = QStringLiteral("GET");
    event.agentClass = agentClass;
    event.clientNet = clientNet;
    event.machine = machine;
    event.reason = reason;
    return event;
}

// What recipients do, in the proportions of a campaign's first hour: mostly opens (a third of them Apple's prefetch),
// people's clicks some minutes later, a scanner now and then fetching every link within a second, anonymous tokens.
QList<EngagementRecord> activity(QRandomGenerator& random, qint64 sends, qint64 atMs)
{
    using Kind = EngagementKind;
    const qint64 send = 1 + qint64(random.bounded(quint64(sends)));
    const QString net = QStringLiteral("198.51.%1.0/24").arg(random.bounded(256));
    const int pick = random.bounded(100);
    if (pick < 20)
        return {record(send, Kind::Open, 0, atMs, true, QStringLiteral("apple_mpp"), QStringLiteral("apple_mpp_candidate"),
                       QStringLiteral("17.58.0.0/24"))};
    if (pick < 55)
        return {record(send, Kind::Open, 0, atMs, false, QStringLiteral("person"), QStringLiteral("mail_client"), net)};
    if (pick < 80)
        return {record(send, Kind::Click, 1 + random.bounded(Links), atMs, false, QStringLiteral("person"), QStringLiteral("browser"), net)};
    if (pick < 85) {
        QList<EngagementRecord> burst; // every link and the trap within a second, looking like a browser
        for (int link = 0; link <= Links; ++link)
            burst << record(send, Kind::Click, link, atMs + link * 120, link == 0, link == 0 ? QStringLiteral("hidden_link") : QStringLiteral("person"),
                            QStringLiteral("browser"), QStringLiteral("203.0.113.0/24"));
        return burst;
    }
    if (pick < 95)
        return {record(0, Kind::Open, 0, atMs, false, QStringLiteral("person"), QStringLiteral("mail_client"), net)};
    return {record(0, Kind::Click, 1 + random.bounded(Links), atMs, false, QStringLiteral("person"), QStringLiteral("browser"), net)};
}

// CPU seconds the process `pid` has used (user and system), from /proc: the database server runs on this machine.
double cpuSecondsOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = stat.readAll().split(' '); // the name has no spaces: "(postgres)"
    return fields.size() > 15 ? (fields[13].toLongLong() + fields[14].toLongLong()) / double(sysconf(_SC_CLK_TCK)) : 0;
}

double ownCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

bool writeEvents(Database& database, qint64 events, qint64 sends, qint64 fromMs, qint64 toMs)
{
    QRandomGenerator random(20261207);
    EngagementEventWriter writer(database);
    QList<EngagementRecord> batch;
    qint64 written = 0;
    while (written < events) {
        const qint64 atMs = fromMs + (toMs - fromMs) * written / events;
        for (const EngagementRecord& event : activity(random, sends, atMs)) {
            if (written + batch.size() < events)
                batch << event;
        }
        if (batch.size() >= 10'000 || written + batch.size() >= events) {
            if (auto done = writer.write(batch); !done) {
                print(done.error().message);
                return false;
            }
            written += batch.size();
            batch.clear();
        }
    }
    return true;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption pg(QStringLiteral("pg"), QStringLiteral("PostgreSQL database HOST:PORT/NAME (empty, migrated here)"), QStringLiteral("address"));
    const QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("events to write and roll up"), QStringLiteral("n"), QStringLiteral("200000"));
    const QCommandLineOption sendsOption(QStringLiteral("sends"), QStringLiteral("recipients of the campaign"), QStringLiteral("n"), QStringLiteral("50000"));
    const QCommandLineOption batchOption(QStringLiteral("batch"), QStringLiteral("events per pass"), QStringLiteral("n"),
                                         QString::number(EngagementRollup::DefaultBatch));
    parser.addOptions({pg, eventsOption, sendsOption, batchOption});
    parser.process(app);
    const qint64 events = parser.value(eventsOption).toLongLong();
    const qint64 sends = parser.value(sendsOption).toLongLong();
    const int batch = parser.value(batchOption).toInt();

    auto database = bench::openPostgres(parser.value(pg));
    if (!database)
        return 1;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer timer;
    timer.start();
    if (!addCampaign(*database, sends, now / 1000 - 7200) || !writeEvents(*database, events, sends, now - 3'600'000, now - 10'000))
        return 1;
    print(QStringLiteral("wrote %1 events for %2 recipients: %3 s").arg(events).arg(sends).arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    // What autovacuum would have done by now on a running server (ANALYZE cannot be a prepared statement).
    QSqlQuery analyze(database->connection());
    analyze.exec(QStringLiteral("ANALYZE engagement_events"));
    analyze.exec(QStringLiteral("ANALYZE sends"));

    EngagementRollup rollup(*database, QStringLiteral("bench"));
    // On a shared machine the wall time says as much about the neighbours as about the roll-up: the CPU time that
    // Herald and its database server spent says what one pass costs, whatever else runs.
    const qint64 serverPid = scalar(*database, QStringLiteral("SELECT pg_backend_pid()"));
    const double serverCpuBefore = cpuSecondsOf(serverPid);
    const double ownCpuBefore = ownCpuSeconds();
    qint64 rolled = 0;
    qint64 reclassified = 0;
    int passes = 0;
    qint64 slowestPassMs = 0;
    timer.restart();
    for (;;) {
        QElapsedTimer passTimer;
        passTimer.start();
        const auto pass = rollup.runOnce(batch);
        if (!pass) {
            print(pass.error().message);
            return 1;
        }
        slowestPassMs = std::max(slowestPassMs, passTimer.elapsed());
        ++passes;
        rolled += pass->rolled;
        reclassified += pass->reclassified;
        if (!pass->moreWaiting)
            break;
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    const double serverCpu = cpuSecondsOf(serverPid) - serverCpuBefore;
    const double ownCpu = ownCpuSeconds() - ownCpuBefore;
    print(QStringLiteral("rolled up %1 events (%2 clicks found a machine's) in %3 passes of up to %4: %5 s, slowest pass %6 ms")
              .arg(rolled).arg(reclassified).arg(passes).arg(batch).arg(seconds, 0, 'f', 2).arg(slowestPassMs));
    figure(QStringLiteral("rollup_events_per_second"), rolled / seconds);
    figure(QStringLiteral("rollup_mean_pass_ms"), seconds * 1000 / std::max(passes, 1));
    print(QStringLiteral("CPU: herald %1 s, PostgreSQL %2 s").arg(ownCpu, 0, 'f', 2).arg(serverCpu, 0, 'f', 2));
    figure(QStringLiteral("rollup_events_per_cpu_second"), rolled / std::max(ownCpu + serverCpu, 0.001));
    // Every event counted once: the totals are the events, the implied opens aside.
    const qint64 counted = scalar(*database, QStringLiteral("SELECT sum(opens + clicks - implied_opens) FROM campaign_engagement"));
    print(QStringLiteral("counted %1 of %2 events; still waiting: %3").arg(counted).arg(events)
              .arg(scalar(*database, QStringLiteral("SELECT count(*) FROM engagement_events WHERE NOT rolled_up"))));
    return counted == events ? 0 : 1;
}
