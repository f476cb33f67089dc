#include "CampaignProgressReader.h"

#include "storage/BoundQuery.h"
#include "storage/CampaignSendCounts.h"

#include <QCoreApplication>
#include <QHash>

namespace herald {

CampaignProgressReader::CampaignProgressReader(Database& database) : m_database(database), m_dialect(database.backend()) {}

Result<QList<CampaignProgress>> CampaignProgressReader::read()
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // The campaigns first (a campaign with no rows yet still shows), then their counts as the queue keeps them
    // (CampaignSendCounts): a pending row with an error is waiting for its retry (one returned unsent on pause has none).
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

    auto counts = CampaignSendCounts(m_database).forCampaigns(indexById.keys());
    if (!counts)
        return counts.error();
    for (auto it = counts->cbegin(); it != counts->cend(); ++it) {
        CampaignProgress& progress = list[indexById.value(it.key())];
        const SendStatusCounts& c = it.value();
        progress.sent = c.of(SendStatus::Sent);
        progress.failed = c.of(SendStatus::Failed);
        progress.unknown = c.of(SendStatus::Unknown);
        progress.suppressed = c.of(SendStatus::Suppressed);
        progress.retrying = c.pendingRetries;
        progress.pending = c.of(SendStatus::Pending) - c.pendingRetries + c.of(SendStatus::Sending);
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
