#include "EngagementReport.h"

#include "storage/BoundQuery.h"
#include "storage/CampaignRepository.h"
#include "storage/NonprofitCondition.h"
#include "storage/SendRepository.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace herald {

namespace {
constexpr qint64 HourSeconds = 3600;

QDateTime fromEpochMs(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

void readFigures(const BoundQuery& query, int first, VerdictFigures& figures)
{
    figures.opens = query.value(first).toLongLong();
    figures.clicks = query.value(first + 1).toLongLong();
    figures.uniqueOpens = query.value(first + 2).toLongLong();
    figures.uniqueClicks = query.value(first + 3).toLongLong();
    figures.impliedOpens = query.value(first + 4).toLongLong();
}

// Messages delivered, as the queue counts them (the count `herald campaign show` prints).
Result<qint64> deliveredCount(Database& database, qint64 campaignId)
{
    auto counts = SendRepository(database).countsByStatus(campaignId);
    if (!counts)
        return counts.error();
    return counts->value(SendStatus::Sent);
}

// The recipients a filter lets through: the FROM and WHERE after `campaign_id = :campaign`, and what to bind.
struct RecipientSource
{
    NonprofitCondition search;
    QString sql;
    QString countSql; // the same rows, for counting

    RecipientSource(Backend backend, const EngagementRecipientFilter& filter)
        : search(backend)
    {
        search.containing(filter.searchText);
        sql = QStringLiteral("FROM send_engagement e JOIN sends s ON s.id = e.send_id "
                             "LEFT JOIN nonprofits n ON n.id = s.nonprofit_id WHERE e.campaign_id = :campaign");
        // Every row has its send (ON DELETE CASCADE): without a search, counting needs neither join.
        countSql = QStringLiteral("FROM send_engagement e WHERE e.campaign_id = :campaign");
        if (filter.humansOnly) {
            const QString human = QStringLiteral(" AND (e.first_human_open IS NOT NULL OR e.first_human_click IS NOT NULL)");
            sql += human;
            countSql += human;
        }
        if (!filter.searchText.trimmed().isEmpty()) {
            sql += QStringLiteral(" AND ") + search.sql();
            countSql = sql;
        }
    }
};
} // namespace

EngagementReport::EngagementReport(Database& database)
    : m_database(database)
    , m_dialect(database.backend())
{
}

Result<CampaignEngagement> EngagementReport::campaign(qint64 campaignId)
{
    auto delivered = deliveredCount(m_database, campaignId);
    if (!delivered)
        return delivered.error();
    return campaign(campaignId, delivered.value());
}

Result<CampaignEngagement> EngagementReport::campaign(qint64 campaignId, qint64 delivered)
{
    auto campaign = CampaignRepository(m_database).find(campaignId);
    if (!campaign)
        return campaign.error();
    CampaignEngagement report;
    report.campaignId = campaignId;
    report.name = campaign->name;
    report.status = campaign->status;
    report.tracking = campaign->tracking;
    report.uniquesKnown = report.tracking == Tracking::PerRecipient;
    report.delivered = delivered;
    auto firstSent = SendRepository(m_database).firstSentAt(campaignId);
    if (!firstSent)
        return firstSent.error();
    report.firstSentAt = firstSent.value();

    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    for (const auto read : {&EngagementReport::readTotals, &EngagementReport::readHourly, &EngagementReport::readLinks}) {
        if (auto done = (this->*read)(db.value(), report); !done)
            return done.error();
    }
    return report;
}

Status EngagementReport::readTotals(const QSqlDatabase& db, CampaignEngagement& report)
{
    BoundQuery query(db, QStringLiteral("SELECT verdict, opens, clicks, unique_opens, unique_clicks, implied_opens "
                                        "FROM campaign_engagement WHERE campaign_id = :campaign"));
    query.bind(QStringLiteral(":campaign"), report.campaignId);
    if (auto done = query.exec(tr("Could not read the opens and clicks of campaign #%1").arg(report.campaignId)); !done)
        return done;
    while (query.next()) {
        Verdict verdict;
        if (fromString(query.value(0).toString(), &verdict))
            readFigures(query, 1, verdict == Verdict::Human ? report.human : report.machine);
    }
    // Tracking off: nothing was counted, so there is no rate to give, not a rate of 0.
    if (report.tracking != Tracking::Off) {
        report.human.computeRates(report.delivered, report.uniquesKnown);
        report.machine.computeRates(report.delivered, report.uniquesKnown);
    }
    return {};
}

Status EngagementReport::readHourly(const QSqlDatabase& db, CampaignEngagement& report)
{
    if (!report.firstSentAt.isValid())
        return {};
    const qint64 from = report.firstSentAt.toSecsSinceEpoch() / HourSeconds * HourSeconds;
    const qint64 to = from + CampaignEngagement::SeriesHours * HourSeconds;
    for (qint64 hour = from; hour < to; hour += HourSeconds)
        report.hourly << HourlyEngagement{QDateTime::fromSecsSinceEpoch(hour, Qt::UTC)};
    BoundQuery query(db, QStringLiteral("SELECT hour_start, verdict, opens, clicks FROM engagement_hourly "
                                        "WHERE campaign_id = :campaign AND hour_start >= :from AND hour_start < :to"));
    query.bind(QStringLiteral(":campaign"), report.campaignId)
        .bind(QStringLiteral(":from"), from)
        .bind(QStringLiteral(":to"), to);
    if (auto done = query.exec(tr("Could not read the opens and clicks of campaign #%1 by hour").arg(report.campaignId));
        !done)
        return done;
    while (query.next()) {
        const qint64 index = (query.value(0).toLongLong() - from) / HourSeconds;
        if (index < 0 || index >= report.hourly.size())
            continue; // an hour_start that is not on the hour
        HourlyEngagement& hour = report.hourly[index];
        const bool human = query.value(1).toString() == toString(Verdict::Human);
        (human ? hour.humanOpens : hour.machineOpens) += query.value(2).toLongLong();
        (human ? hour.humanClicks : hour.machineClicks) += query.value(3).toLongLong();
    }
    return {};
}

Status EngagementReport::readLinks(const QSqlDatabase& db, CampaignEngagement& report)
{
    BoundQuery query(db, QStringLiteral(
        "SELECT l.link_no, l.url, "
        "COALESCE(sum(CASE WHEN e.verdict = 'human' THEN e.clicks END), 0), "
        "COALESCE(sum(CASE WHEN e.verdict = 'machine' THEN e.clicks END), 0), "
        "COALESCE(sum(CASE WHEN e.verdict = 'human' THEN e.unique_clickers END), 0) "
        "FROM campaign_links l LEFT JOIN link_engagement e ON e.campaign_id = l.campaign_id AND e.link_no = l.link_no "
        "WHERE l.campaign_id = :campaign GROUP BY l.link_no, l.url ORDER BY l.link_no"));
    query.bind(QStringLiteral(":campaign"), report.campaignId);
    auto links = query.readAll(tr("Could not read the clicks per link of campaign #%1").arg(report.campaignId),
                               [](const QSqlQuery& row) {
                                   return LinkEngagement{row.value(0).toInt(), row.value(1).toString(),
                                                         row.value(2).toLongLong(), row.value(3).toLongLong(),
                                                         row.value(4).toLongLong()};
                               });
    if (!links)
        return links.error();
    report.links = links.value();
    return {};
}

Result<QList<RecentCampaignEngagement>> EngagementReport::recentCampaigns(int count)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral(
        "SELECT t.id, t.name, t.tracking, t.first_sent, h.opens, h.clicks, h.unique_opens, h.unique_clicks, "
        "h.implied_opens FROM (SELECT c.id, c.name, c.tracking, %1 AS first_sent FROM campaigns c "
        "WHERE c.tracking <> 'off' AND NOT c.archived AND c.status IN ('sending', 'paused', 'completed', 'cancelled')) t "
        "LEFT JOIN campaign_engagement h ON h.campaign_id = t.id AND h.verdict = 'human' "
        "WHERE t.first_sent IS NOT NULL ORDER BY t.first_sent DESC, t.id DESC LIMIT :count")
                                     .arg(SendRepository::firstSentAtExpression(QStringLiteral("c.id"))));
    query.bind(QStringLiteral(":count"), count);
    if (auto done = query.exec(tr("Could not read the opens and clicks of recent campaigns")); !done)
        return done.error();
    QList<RecentCampaignEngagement> campaigns;
    while (query.next()) {
        RecentCampaignEngagement row;
        row.campaignId = query.value(0).toLongLong();
        row.name = query.value(1).toString();
        fromString(query.value(2).toString(), &row.tracking);
        row.firstSentAt = SqlDialect::readTimestamp(query.value(3));
        row.uniquesKnown = row.tracking == Tracking::PerRecipient;
        readFigures(query, 4, row.human);
        campaigns << row;
    }
    query.finish();
    for (RecentCampaignEngagement& row : campaigns) {
        auto delivered = deliveredCount(m_database, row.campaignId);
        if (!delivered)
            return delivered.error();
        row.delivered = delivered.value();
        row.human.computeRates(row.delivered, row.uniquesKnown);
    }
    return campaigns;
}

Result<EngagementRecipientPage> EngagementReport::recipients(qint64 campaignId, const EngagementRecipientFilter& filter,
                                                             const EngagementRecipientCursor& after, int limit)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const RecipientSource source(m_dialect.backend(), filter);
    BoundQuery query(db.value(), QStringLiteral(
        "SELECT e.send_id, s.nonprofit_id, n.name, s.email, e.first_human_open, e.first_human_click, e.human_opens, "
        "e.human_clicks, "
        "(SELECT %1 FROM send_link_engagement l WHERE l.send_id = e.send_id AND l.link_no > 0 AND l.human_clicks > 0) "
        "%2 AND e.send_id > :after AND s.id > :same_after ORDER BY e.send_id LIMIT :limit")
                                     .arg(m_dialect.joinedAggregate(QStringLiteral("CAST(l.link_no AS text)")),
                                          source.sql));
    // s.id > … says again what e.send_id > … says: PostgreSQL then starts a merge join with sends there, not at the
    // first send (820 ms instead of 7 for a page half way through a million).
    query.bind(QStringLiteral(":campaign"), campaignId)
        .bind(QStringLiteral(":after"), after.sendId)
        .bind(QStringLiteral(":same_after"), after.sendId)
        .bind(QStringLiteral(":limit"), limit);
    source.search.bindTo(query);
    auto rows = query.readAll(tr("Could not read who opened and clicked campaign #%1").arg(campaignId),
                              [](const QSqlQuery& row) {
        EngagementRecipient recipient;
        recipient.sendId = row.value(0).toLongLong();
        recipient.nonprofitId = row.value(1).toLongLong();
        recipient.name = row.value(2).toString();
        recipient.email = row.value(3).toString();
        recipient.firstHumanOpen = fromEpochMs(row.value(4));
        recipient.firstHumanClick = fromEpochMs(row.value(5));
        recipient.humanOpens = row.value(6).toLongLong();
        recipient.humanClicks = row.value(7).toLongLong();
        recipient.machineOnly = !recipient.firstHumanOpen.isValid() && !recipient.firstHumanClick.isValid();
        const QString links = row.value(8).toString();
        for (const QString& number : links.split(QLatin1Char(','), Qt::SkipEmptyParts))
            recipient.linksClicked << number.toInt();
        std::sort(recipient.linksClicked.begin(), recipient.linksClicked.end());
        return recipient;
    });
    if (!rows)
        return rows.error();
    return EngagementRecipientPage::read(std::move(rows.value()), after, limit, [](const EngagementRecipient& row) {
        return EngagementRecipientCursor{row.sendId};
    });
}

Result<qint64> EngagementReport::recipientCount(qint64 campaignId, const EngagementRecipientFilter& filter)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const RecipientSource source(m_dialect.backend(), filter);
    BoundQuery query(db.value(), QStringLiteral("SELECT count(*) %1").arg(source.countSql));
    query.bind(QStringLiteral(":campaign"), campaignId);
    source.search.bindTo(query);
    const QString what = tr("Could not count who opened and clicked campaign #%1").arg(campaignId);
    if (auto done = query.execSingle(what, what); !done)
        return done.error();
    return query.value(0).toLongLong();
}

} // namespace herald
