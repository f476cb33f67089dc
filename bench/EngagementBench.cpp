// Figures for the engagement reports (models/engagement/EngagementReport) at the issue's size: `fill` writes a
// million nonprofits, one campaign to all of them (1M sends, plus nine small campaigns), 5M raw open and click events
// and their roll-ups; `queries` times a campaign's report (goal: under 100 ms), its parts, the recipient list's
// pages and searches, and the Dashboard's recent campaigns, each as the median and maximum of --runs runs.
// Prints figures; never a pass/fail test.
#include "BenchPostgres.h"
#include "engagement/EngagementReport.h"
#include "storage/BoundQuery.h"
#include "storage/SendRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>

using namespace herald;
using bench::print;

namespace {
constexpr qint64 BigCampaign = 1;
// 2026-03-02 09:00 UTC: sending starts; events follow over the next ten days.
constexpr qint64 StartMs = 1772442000000;

int fill(Database& database, qint64 recipients, qint64 events)
{
    // Each statement reads the sizes from `p`, so that every placeholder is bound once.
    const QString sizes = QStringLiteral("WITH p AS (SELECT CAST(:recipients AS bigint) AS recipients, CAST(:events AS bigint) "
                                         "AS events, CAST(:start AS bigint) AS start) ");
    const auto step = [&](const char* what, const char* sql) {
        return bench::timedStatement(database, QLatin1String(what), sizes + QLatin1String(sql),
                   {{QStringLiteral(":recipients"), recipients}, {QStringLiteral(":events"), events}, {QStringLiteral(":start"), StartMs}});
    };
    const auto plain = [&](const char* what, const char* sql) {
        return bench::timedStatement(database, QLatin1String(what), QLatin1String(sql));
    };
    // Names of a few words, so that a search finds many rows ("harbor") or a few ("harbor library 1234").
    if (!step("nonprofits",
              "INSERT INTO nonprofits (name, email, city, region) SELECT "
              " (ARRAY['Harbor','River','Hill','Valley','Lake','Prairie','Forest','Coast','Mountain','Meadow'])[1 + i % 10] || ' ' ||"
              " (ARRAY['Food Bank','Library','Trust','Society','Alliance','Foundation','Shelter','Clinic','Museum','Choir'])[1 + (i / 10) % 10]"
              " || ' ' || i, 'org' || i || '@example.org', 'City ' || i % 997, 'VT' "
              "FROM p, generate_series(1, p.recipients) AS i"))
        return 1;
    if (!plain("campaigns",
               "INSERT INTO campaigns (id, uuid, name, status, tracking) SELECT c, 'bench-' || c, 'Bench ' || c, 'completed', "
               " CASE WHEN c % 2 = 1 THEN 'per_recipient' ELSE 'anonymous' END FROM generate_series(1, 10) AS c"))
        return 1;
    if (!plain("campaign_links",
               "INSERT INTO campaign_links (campaign_id, link_no, url) SELECT 1, l, 'https://example.org/page-' || l || '?org={{ein}}' "
               "FROM generate_series(1, 5) AS l"))
        return 1;
    // The big campaign to everyone over two hours (97 % sent), nine earlier ones to a thousand each.
    if (!step("sends",
              "INSERT INTO sends (campaign_id, nonprofit_id, email, status, attempts, queued_at, sent_at) "
              "SELECT 1, n.id, n.email, CASE WHEN n.id % 100 < 97 THEN 'sent' WHEN n.id % 100 < 99 THEN 'failed' ELSE 'suppressed' END, 1, "
              " to_timestamp(p.start / 1000.0), CASE WHEN n.id % 100 < 97 THEN to_timestamp((p.start + n.id * 7200000 / p.recipients) "
              " / 1000.0) END FROM p, nonprofits n "
              "UNION ALL SELECT c, n.id, n.email, 'sent', 1, to_timestamp(p.start / 1000.0 - c * 86400), "
              " to_timestamp(p.start / 1000.0 - c * 86400) FROM p, generate_series(2, 10) AS c JOIN nonprofits n ON n.id <= 1000"))
        return 1;
    // Events of the big campaign: 80 % opens, 20 % clicks on five links, a third by machines, one in ten with an
    // anonymous token; over ten days, most in the first.
    if (!step("engagement_events",
              "INSERT INTO engagement_events (campaign_id, send_id, link_no, kind, occurred_at, agent_class, client_net, "
              " verdict, reason, rolled_up) SELECT 1, CASE WHEN i % 10 = 0 THEN NULL ELSE s.first_id + (i * 7919) % p.recipients END, "
              " CASE WHEN i % 5 = 0 THEN 1 + (i / 5) % 5 END, CASE WHEN i % 5 = 0 THEN 'click' ELSE 'open' END, "
              " p.start + CAST(power((i * 104729) % 1000003 / 1000003.0, 3) * 864000000 AS bigint), "
              " CASE WHEN i % 3 = 0 THEN 'proxy' ELSE 'browser' END, '192.0.' || i % 256 || '.0/24', "
              " CASE WHEN i % 3 = 0 THEN 'machine' ELSE 'human' END, CASE WHEN i % 3 = 0 THEN 'apple_mpp' ELSE 'person' END, true "
              "FROM p, (SELECT min(id) AS first_id FROM sends WHERE campaign_id = 1) AS s, generate_series(1, p.events) AS i"))
        return 1;
    // The roll-ups, for now with one aggregate each over the raw events; the real roll-up code writes them as events
    // arrive (the bench is to switch to it when it lands).
    if (!plain("send_engagement",
               "INSERT INTO send_engagement SELECT send_id, min(campaign_id), "
               " min(occurred_at) FILTER (WHERE kind = 'open' AND verdict = 'human'), min(occurred_at) FILTER (WHERE kind = 'open' AND verdict = 'machine'), "
               " min(occurred_at) FILTER (WHERE kind = 'click' AND verdict = 'human'), min(occurred_at) FILTER (WHERE kind = 'click' AND verdict = 'machine'), "
               " count(*) FILTER (WHERE kind = 'open' AND verdict = 'human'), count(*) FILTER (WHERE kind = 'click' AND verdict = 'human'), "
               " count(*) FILTER (WHERE verdict = 'machine') FROM engagement_events WHERE send_id IS NOT NULL GROUP BY send_id"))
        return 1;
    if (!plain("send_link_engagement",
               "INSERT INTO send_link_engagement SELECT send_id, link_no, min(campaign_id), count(*) FILTER (WHERE verdict = 'human'), "
               " count(*) FILTER (WHERE verdict = 'machine') FROM engagement_events WHERE kind = 'click' AND send_id IS NOT NULL "
               "GROUP BY send_id, link_no"))
        return 1;
    if (!plain("link_engagement",
               "INSERT INTO link_engagement SELECT campaign_id, link_no, verdict, count(*), count(DISTINCT send_id) "
               "FROM engagement_events WHERE kind = 'click' GROUP BY campaign_id, link_no, verdict"))
        return 1;
    if (!plain("engagement_hourly",
               "INSERT INTO engagement_hourly SELECT campaign_id, occurred_at / 3600000 * 3600, verdict, count(*) FILTER (WHERE kind = 'open'), "
               " count(*) FILTER (WHERE kind = 'click') FROM engagement_events GROUP BY 1, 2, 3"))
        return 1;
    if (!plain("campaign_engagement",
               "INSERT INTO campaign_engagement SELECT e.campaign_id, e.verdict, count(*) FILTER (WHERE e.kind = 'open'), "
               " count(*) FILTER (WHERE e.kind = 'click'), "
               " (SELECT count(*) FROM send_engagement r WHERE r.campaign_id = e.campaign_id AND CASE e.verdict WHEN 'human' "
               "  THEN r.first_human_open IS NOT NULL OR r.first_human_click IS NOT NULL ELSE r.first_machine_open IS NOT NULL END), "
               " (SELECT count(*) FROM send_engagement r WHERE r.campaign_id = e.campaign_id AND CASE e.verdict WHEN 'human' "
               "  THEN r.first_human_click IS NOT NULL ELSE r.first_machine_click IS NOT NULL END), "
               " (SELECT count(*) FROM send_engagement r WHERE r.campaign_id = e.campaign_id AND e.verdict = 'human' "
               "  AND r.first_human_open IS NULL AND r.first_human_click IS NOT NULL) "
               "FROM engagement_events e GROUP BY e.campaign_id, e.verdict"))
        return 1;
    // The small campaigns: a few opens each, for the Dashboard's list.
    if (!plain("small campaigns' roll-ups",
               "INSERT INTO campaign_engagement SELECT c, 'human', 400, 50, 300, 40, 5 FROM generate_series(2, 10) AS c"))
        return 1;
    return 0; // scripts/bench-report.sh runs VACUUM ANALYZE (it cannot be a prepared statement)
}

struct Timing
{
    double median = -1;
    double max = -1;
    double min = -1; // the run least slowed by whatever else the machine does
};

// `query` run `runs` times after one unmeasured warm-up run (ms).
template<typename Query>
Timing timed(int runs, Query query)
{
    if (!query())
        return {};
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!query())
            return {};
        times << timer.nsecsElapsed() / 1e6;
    }
    std::sort(times.begin(), times.end());
    return {times.at(times.size() / 2), times.last(), times.first()};
}

void printFigure(const QString& name, const Timing& ms, const QString& note = {})
{
    print(QStringLiteral("figure %1 median %2 max %3 min %4%5")
              .arg(name)
              .arg(ms.median, 0, 'f', 1)
              .arg(ms.max, 0, 'f', 1)
              .arg(ms.min, 0, 'f', 1)
              .arg(note.isEmpty() ? QString() : QStringLiteral("   ") + note));
}

template<typename T>
bool ok(const Result<T>& result)
{
    if (!result)
        print(result.error().message);
    return result.ok();
}

int queries(Database& database, int runs)
{
    EngagementReport report(database);
    auto whole = report.campaign(BigCampaign);
    if (!ok(whole))
        return 1;
    print(QStringLiteral("campaign %1: %2 delivered, human %3 opens (%4 unique), %5 clicks (%6 unique); %7 links, %8 hours")
              .arg(BigCampaign)
              .arg(whole->delivered)
              .arg(whole->human.opens)
              .arg(whole->human.uniqueOpens)
              .arg(whole->human.clicks)
              .arg(whole->human.uniqueClicks)
              .arg(whole->links.size())
              .arg(whole->hourly.size()));
    const auto againstGoal = [](const Timing& ms) {
        const auto met = [](double value) { return value < 100 ? QStringLiteral("met") : QStringLiteral("NOT met"); };
        return QStringLiteral("goal < 100 ms: median %1, max %2").arg(met(ms.median), met(ms.max));
    };
    const Timing counted = timed(runs, [&] { return ok(report.campaign(BigCampaign)); });
    printFigure(QStringLiteral("report_campaign_ms"), counted, againstGoal(counted) + QStringLiteral(" (counts delivered)"));
    const qint64 delivered = whole->delivered;
    const Timing known = timed(runs, [&] { return ok(report.campaign(BigCampaign, delivered)); });
    printFigure(QStringLiteral("report_campaign_known_delivered_ms"), known,
                againstGoal(known) + QStringLiteral(" (the delivered count a page holds already)"));
    print(QStringLiteral("-- its parts:"));
    printFigure(QStringLiteral("delivered_count_ms"),
                timed(runs, [&] { return ok(SendRepository(database).countsByStatus(BigCampaign)); }));
    printFigure(QStringLiteral("first_sent_at_ms"),
                timed(runs, [&] { return ok(SendRepository(database).firstSentAt(BigCampaign)); }));

    print(QStringLiteral("-- who opened and clicked (pages of 100):"));
    printFigure(QStringLiteral("recipients_first_page_ms"), timed(runs, [&] { return ok(report.recipients(BigCampaign, {}, {}, 100)); }));
    const EngagementRecipientCursor middle{whole->delivered / 2};
    printFigure(QStringLiteral("recipients_middle_page_ms"),
                timed(runs, [&] { return ok(report.recipients(BigCampaign, {}, middle, 100)); }));
    EngagementRecipientFilter people;
    people.humansOnly = true;
    printFigure(QStringLiteral("recipients_humans_page_ms"),
                timed(runs, [&] { return ok(report.recipients(BigCampaign, people, {}, 100)); }));
    for (const char* text : {"harbor", "harbor library 1234", "org98765@"}) {
        EngagementRecipientFilter search;
        search.searchText = QLatin1String(text);
        auto found = report.recipients(BigCampaign, search, {}, 100);
        if (!ok(found))
            return 1;
        printFigure(QStringLiteral("recipients_search_ms"),
                    timed(runs, [&] { return ok(report.recipients(BigCampaign, search, {}, 100)); }),
                    QStringLiteral("'%1': %2 rows on the first page").arg(QLatin1String(text)).arg(found->rows.size()));
    }
    auto count = report.recipientCount(BigCampaign, {});
    if (!ok(count))
        return 1;
    printFigure(QStringLiteral("recipient_count_ms"), timed(std::min(runs, 5), [&] { return ok(report.recipientCount(BigCampaign, {})); }),
                QStringLiteral("%1 recipients").arg(count.value()));

    print(QStringLiteral("-- the Dashboard:"));
    printFigure(QStringLiteral("recent_campaigns_ms"), timed(runs, [&] { return ok(report.recentCampaigns(10)); }));

    print(QStringLiteral("-- before: the same totals from the raw events (what the roll-ups replace), once:"));
    QElapsedTimer scan;
    scan.start();
    BoundQuery raw(database.connection(), QStringLiteral(
        "SELECT verdict, count(*) FILTER (WHERE kind = 'open'), count(*) FILTER (WHERE kind = 'click'), "
        "count(DISTINCT send_id) FILTER (WHERE kind = 'open') FROM engagement_events WHERE campaign_id = :campaign GROUP BY verdict"));
    raw.bind(QStringLiteral(":campaign"), BigCampaign);
    if (!raw.exec(QStringLiteral("raw scan")).ok())
        return 1;
    print(QStringLiteral("figure raw_events_scan_ms %1").arg(scan.nsecsElapsed() / 1e6, 0, 'f', 1));
    return 0;
}
} // namespace

int main(int argc, char** argv)
{
    return bench::fillOrQueries(
        argc, argv, QStringLiteral("Times the engagement reports on a million recipients."),
        QStringLiteral("RECIPIENTS EVENTS"), QStringLiteral("20"),
        [](Database& database, const QStringList& arguments) {
            return fill(database, arguments.value(0, QStringLiteral("1000000")).toLongLong(),
                        arguments.value(1, QStringLiteral("5000000")).toLongLong());
        },
        &queries);
}
