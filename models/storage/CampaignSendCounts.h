#pragma once

#include "Database.h"
#include "SqlDialect.h"
#include "domain/Error.h"
#include "domain/Send.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

namespace herald {

// One campaign's messages per status, as the queue stands.
struct SendStatusCounts
{
    QHash<SendStatus, qint64> byStatus; // a status with none is absent (value() gives 0)
    qint64 pendingRetries = 0;          // of the pending, those waiting to retry after a temporary failure

    qint64 of(SendStatus status) const { return byStatus.value(status); }
};

// Reads the per-status counts that triggers on sends keep in campaign_send_counts (schema 17), so that a page
// showing a campaign of a million messages reads a handful of rows instead of counting them. The same figures as
// grouping sends by status, at any moment: the counts change in the transaction that changes the rows.
class CampaignSendCounts
{
    Q_DECLARE_TR_FUNCTIONS(herald::CampaignSendCounts)
public:
    explicit CampaignSendCounts(Database& database);

    Result<SendStatusCounts> forCampaign(qint64 campaignId);
    // Keyed by campaign id; a campaign with no messages is absent. Empty `campaignIds`: every campaign.
    Result<QHash<qint64, SendStatusCounts>> forCampaigns(const QList<qint64>& campaignIds = {});
    // PostgreSQL keeps the counts as deltas (no two writers wait on one counter row); this folds them into one
    // row per campaign, status and retry mark, so that reads stay a handful of rows. Safe beside writers and
    // beside another compaction. A no-op on SQLite, which keeps one row per key.
    Status compact();

private:
    Database& m_database;
    SqlDialect m_dialect;
};

} // namespace herald
