#pragma once

#include "SendQueue.h"
#include "domain/Campaign.h"
#include "domain/Error.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDateTime>

#include <functional>

namespace herald {

// Takes a draft campaign out of drafts: checks it (campaign, template, sender identity, audience), copies the
// template's current version and the sender identity into it, and either queues its audience and makes it
// sending, or makes it scheduled for SendQueue::startDueCampaigns() to start later. All in one transaction:
// a failure or a cancel leaves the draft as it was.
class CampaignLauncher
{
    Q_DECLARE_TR_FUNCTIONS(herald::CampaignLauncher)
public:
    using CancelCheck = std::function<bool()>;

    explicit CampaignLauncher(Database& database) : m_database(database) {}

    // The campaign as it would be queued (or test-sent): template snapshot and sender fields filled in, or the first problem,
    // naming the field ("template_id", "sender_identity_id", "subject"…) and what to do.
    Result<Campaign> prepare(qint64 campaignId);
    // Queues now; the counts of rows queued and suppressed. `cancelled` is asked between steps.
    Result<SendQueue::EnqueueCounts> sendNow(qint64 campaignId, const CancelCheck& cancelled = {});
    // Schedules for `at` (must be in the future).
    Status schedule(qint64 campaignId, const QDateTime& at, const CancelCheck& cancelled = {});

private:
    Result<Campaign> prepareAndStore(qint64 campaignId, const QDateTime& scheduledAt);

    Database& m_database;
};

} // namespace herald
