#pragma once

#include "compose/LinkRewriter.h"
#include "domain/Error.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace herald {

// campaign_links: the tracked links of a queued campaign, numbered as LinkRewriter numbers them. The click redirect
// takes its targets from here only, never from the request.
class CampaignLinkRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::CampaignLinkRepository)
public:
    // Replaces the campaign's links, on `db` (inside the caller's transaction: the queueing one).
    static Status store(const QSqlDatabase& db, qint64 campaignId, const QList<TrackedLink>& links);
    static Result<QList<TrackedLink>> load(Database& database, qint64 campaignId);
};

} // namespace herald
