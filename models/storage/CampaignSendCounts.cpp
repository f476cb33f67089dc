#include "CampaignSendCounts.h"

#include "BoundQuery.h"
#include "JsonRows.h"

#include <QJsonArray>

namespace herald {

CampaignSendCounts::CampaignSendCounts(Database& database) : m_database(database), m_dialect(database.backend()) {}

Result<SendStatusCounts> CampaignSendCounts::forCampaign(qint64 campaignId)
{
    auto all = forCampaigns({campaignId});
    if (!all)
        return all.error();
    return all->value(campaignId);
}

Result<QHash<qint64, SendStatusCounts>> CampaignSendCounts::forCampaigns(const QList<qint64>& campaignIds)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const QString where = campaignIds.isEmpty()
        ? QString()
        : QStringLiteral("WHERE %1 ").arg(JsonRows::keyIn(m_dialect, QStringLiteral("campaign_id"), QStringLiteral(":ids")));
    BoundQuery query(db.value(), QStringLiteral("SELECT campaign_id, status, failed_before, sum(n) FROM campaign_send_counts "
                                                "%1GROUP BY campaign_id, status, failed_before HAVING sum(n) <> 0").arg(where));
    if (!campaignIds.isEmpty()) {
        QJsonArray ids;
        for (const qint64 id : campaignIds)
            ids.append(id);
        query.bind(QStringLiteral(":ids"), JsonRows::text(ids));
    }
    if (auto done = query.exec(tr("Could not count the messages of the campaigns")); !done)
        return done.error();
    QHash<qint64, SendStatusCounts> counts;
    while (query.next()) {
        SendStatus status;
        if (!fromString(query.value(1).toString(), &status))
            continue;
        SendStatusCounts& campaign = counts[query.value(0).toLongLong()];
        const qint64 n = query.value(3).toLongLong();
        campaign.byStatus[status] += n;
        if (status == SendStatus::Pending && query.value(2).toBool())
            campaign.pendingRetries += n;
    }
    return counts;
}

Status CampaignSendCounts::compact()
{
    if (!m_dialect.isPostgres())
        return {};
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // One statement: the rows it deletes are exactly those it sums, whatever writers add meanwhile; a second
    // compaction at once waits, then skips the rows the first deleted.
    BoundQuery query(db.value(), QStringLiteral(
        "WITH folded AS (DELETE FROM campaign_send_counts RETURNING campaign_id, status, failed_before, n) "
        "INSERT INTO campaign_send_counts (campaign_id, status, failed_before, n) "
        "SELECT campaign_id, status, failed_before, sum(n) FROM folded GROUP BY 1, 2, 3 HAVING sum(n) <> 0"));
    return query.exec(tr("Could not fold the campaigns' message counts"));
}

} // namespace herald
