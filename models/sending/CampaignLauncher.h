#pragma once

#include "SendQueue.h"
#include "domain/Campaign.h"
#include "domain/Error.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include <functional>

namespace herald {

// Takes a draft campaign out of drafts: checks it (campaign, template, sender identity, audience), copies the
// template's current version and the sender identity into it, and either queues its audience and makes it
// sending, or makes it scheduled for startDueCampaigns() to start later. All in one transaction: a failure or a
// cancel leaves the draft as it was. A scheduled start sends the snapshot taken when it was scheduled, checked
// again when it is due as the Send button checks its snapshot (checkSnapshot()).
class CampaignLauncher
{
    Q_DECLARE_TR_FUNCTIONS(herald::CampaignLauncher)
public:
    using CancelCheck = std::function<bool()>;

    explicit CampaignLauncher(Database& database) : m_database(database) {}

    // The campaign as it would be queued (or test-sent): template snapshot and sender fields filled in, or the first problem,
    // naming the field ("template_id", "sender_identity_id", "subject"…) and what to do.
    Result<Campaign> prepare(qint64 campaignId);
    // The checks every snapshot passes before it is queued, now or when due: valid one-line headers, a sender
    // email, a postal address and an unsubscribe link, subject and bodies without errors, a usable audience.
    Status checkSnapshot(const Campaign& campaign);
    // Queues now; the counts of rows queued and suppressed. `cancelled` is asked between steps.
    Result<SendQueue::EnqueueCounts> sendNow(qint64 campaignId, const CancelCheck& cancelled = {});
    // Schedules for `at` (must be in the future).
    Status schedule(qint64 campaignId, const QDateTime& at, const CancelCheck& cancelled = {});
    // Starts the scheduled campaigns whose time has come (called by every send engine): each snapshot is checked
    // again (checkSnapshot()), then its audience queued, all in one transaction (claims never see a sending
    // campaign without its rows). Returns how many started. One that fails the checks is not queued:
    // it is a draft again, the check's message is recorded in the audit log as its refusal (the Campaigns page
    // shows it, see lastRefusals()) by `actor`, and the returned error names it.
    Result<int> startDueCampaigns(const QString& actor);
    // For each draft campaign refused by startDueCampaigns() and not changed since: why, keyed by campaign id.
    Result<QHash<qint64, QString>> lastRefusals(const QList<Campaign>& campaigns);

    // The audit log's action for a scheduled start that was refused.
    static QString refusedAction() { return QStringLiteral("refused"); }

private:
    Result<Campaign> prepareAndStore(qint64 campaignId, const QDateTime& scheduledAt);
    // Whether a second person's approval lets it leave drafts (schema 24; always on SQLite): the sentence if not.
    Status approvedToLeaveDrafts(const Campaign& campaign, bool scheduling);
    Status approvedToStart(const Campaign& campaign);
    // Queues one campaign that takeDueScheduled() made sending; a problem of checkSnapshot() is its refusal.
    Status startDue(qint64 campaignId, QString* refusal);
    // The audit line of a campaign queued ("send"), scheduled ("schedule") or started when due ("start").
    Status recordQueued(const Campaign& campaign, const QString& action, const QString& detail);

    Database& m_database;
};

} // namespace herald
