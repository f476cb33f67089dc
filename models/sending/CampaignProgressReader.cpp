#include "CampaignProgressReader.h"

#include "storage/BoundQuery.h"

#include <QCoreApplication>
#include <QHash>

namespace herald {

CampaignProgressReader::CampaignProgressReader(Database& database) : m_database(database), m_dialect(database.backend()) {}

Result<QList<CampaignProgress>> CampaignProgressReader::read()
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // A pending row with an error is waiting for its retry (a row returned unsent on pause has none).
    // The campaigns first (a campaign with no rows yet still shows), then their rows grouped once.
    BoundQuery campaigns(db.value(), QStringLiteral(
        "SELECT * FROM (SELECT id, name, status FROM campaigns WHERE status IN ('sending', 'paused') ORDER BY id) AS active "
        "UNION ALL SELECT * FROM (SELECT id, name, status FROM campaigns WHERE status IN ('completed', 'cancelled') "
        "ORDER BY updated_at DESC, id DESC LIMIT :recent) AS finished"));
    campaigns.bind(QStringLiteral(":recent"), RecentlyFinished);
    if (auto done = campaigns.exec(tr("Could not read the campaigns being sent")); !done)
        return done.error();
    QList<CampaignProgress> list;
    QHash<qint64, int> indexById;
    while (campaigns.next()) {
        CampaignProgress progress;
        progress.campaignId = campaigns.value(0).toLongLong();
        progress.name = campaigns.value(1).toString();
        fromString(campaigns.value(2).toString(), &progress.status);
        indexById.insert(progress.campaignId, int(list.size()));
        list << progress;
    }
    campaigns.finish();
    if (list.isEmpty())
        return list;

    BoundQuery counts(db.value(), QStringLiteral(
        "SELECT s.campaign_id, s.status, CASE WHEN s.error IS NULL THEN 0 ELSE 1 END, count(*) FROM sends s "
        "JOIN campaigns c ON c.id = s.campaign_id WHERE c.status IN ('sending', 'paused') OR c.id IN ("
        "SELECT id FROM (SELECT id FROM campaigns WHERE status IN ('completed', 'cancelled') "
        "ORDER BY updated_at DESC, id DESC LIMIT :recent) AS finished) "
        "GROUP BY s.campaign_id, s.status, CASE WHEN s.error IS NULL THEN 0 ELSE 1 END"));
    counts.bind(QStringLiteral(":recent"), RecentlyFinished);
    if (auto done = counts.exec(tr("Could not count the messages of the campaigns being sent")); !done)
        return done.error();
    while (counts.next()) {
        const auto found = indexById.constFind(counts.value(0).toLongLong());
        if (found == indexById.constEnd())
            continue; // its status changed between the two statements
        CampaignProgress& progress = list[found.value()];
        const QString status = counts.value(1).toString();
        const bool failedBefore = counts.value(2).toInt() == 1;
        const qint64 n = counts.value(3).toLongLong();
        if (status == QLatin1String("sent"))
            progress.sent += n;
        else if (status == QLatin1String("failed"))
            progress.failed += n;
        else if (status == QLatin1String("unknown"))
            progress.unknown += n;
        else if (status == QLatin1String("suppressed"))
            progress.suppressed += n;
        else if (status == QLatin1String("pending") && failedBefore)
            progress.retrying += n;
        else if (status == QLatin1String("pending") || status == QLatin1String("sending"))
            progress.pending += n;
    }
    return list;
}

Result<QList<FailureReason>> CampaignProgressReader::failureReasons(qint64 campaignId)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral(
        "SELECT COALESCE(smtp_code, 0), min(COALESCE(error, '')), count(*) FROM sends "
        "WHERE campaign_id = :campaign AND status = 'failed' GROUP BY COALESCE(smtp_code, 0) ORDER BY 3 DESC"));
    query.bind(QStringLiteral(":campaign"), campaignId);
    if (auto done = query.exec(tr("Could not read why messages of campaign #%1 failed").arg(campaignId)); !done)
        return done.error();
    QList<FailureReason> reasons;
    while (query.next())
        reasons << FailureReason{query.value(0).toInt(), query.value(1).toString(), query.value(2).toLongLong()};
    return reasons;
}

} // namespace herald
