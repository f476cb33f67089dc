#include "CampaignLinkRepository.h"

#include "storage/BoundQuery.h"

namespace herald {

Status CampaignLinkRepository::store(const QSqlDatabase& db, qint64 campaignId, const QList<TrackedLink>& links)
{
    BoundQuery clear(db, QStringLiteral("DELETE FROM campaign_links WHERE campaign_id = :campaign"));
    clear.bind(QStringLiteral(":campaign"), campaignId);
    if (auto cleared = clear.exec(tr("Could not replace the links of campaign #%1").arg(campaignId)); !cleared)
        return cleared;
    for (const TrackedLink& link : links) {
        BoundQuery insert(db, QStringLiteral("INSERT INTO campaign_links (campaign_id, link_no, url, personalised) "
                                             "VALUES (:campaign, :number, :url, :personalised)"));
        insert.bind(QStringLiteral(":campaign"), campaignId)
            .bind(QStringLiteral(":number"), link.number)
            .bind(QStringLiteral(":url"), link.url)
            .bind(QStringLiteral(":personalised"), link.personalised);
        if (auto stored = insert.exec(tr("Could not store link %1 of campaign #%2").arg(link.number).arg(campaignId)); !stored)
            return stored;
    }
    return {};
}

Result<QList<TrackedLink>> CampaignLinkRepository::load(Database& database, qint64 campaignId)
{
    auto db = database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT link_no, url, personalised FROM campaign_links "
                                                "WHERE campaign_id = :campaign ORDER BY link_no"));
    query.bind(QStringLiteral(":campaign"), campaignId);
    return query.readAll(tr("Could not read the links of campaign #%1").arg(campaignId), [](const QSqlQuery& row) {
        TrackedLink link;
        link.number = row.value(0).toInt();
        link.url = row.value(1).toString();
        link.personalised = row.value(2).toBool();
        return link;
    });
}

} // namespace herald
