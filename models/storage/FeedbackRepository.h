#pragma once

#include "Database.h"
#include "SqlDialect.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace herald {

// One report the intake read (a bounce, a complaint, an unsubscribe), as stored in feedback_reports.
struct FeedbackEntry
{
    QString reportKey;   // the report's Message-ID, or a hash of its bytes: unique
    QString kind;        // hard_bounce, soft_bounce, complaint, unsubscribe
    qint64 campaignId = 0; // 0 when it matched no campaign
    qint64 sendId = 0;     // 0 when it matched no send
    QString statusCode;
};

// The send a report is about.
struct SendReference
{
    qint64 sendId = 0;
    qint64 campaignId = 0;
    QString email;
};

// What came back for one campaign: bounces, complaints and unsubscribes next to the messages sent, each
// counted once per message (a mailbox that complains twice is one complaint).
struct CampaignFeedback
{
    qint64 campaignId = 0;
    QString campaignName;
    qint64 sent = 0;
    qint64 hardBounces = 0;
    qint64 softBounces = 0;
    qint64 complaints = 0;
    qint64 unsubscribes = 0;

    double bounceRate() const { return sent > 0 ? double(hardBounces) / double(sent) : 0.0; }
    double complaintRate() const { return sent > 0 ? double(complaints) / double(sent) : 0.0; }
};

// SQL for the reports the bounce and complaint intake reads, the sends they are about, and the per-campaign
// figures (for the Sending page's campaign panel and the dashboard).
class FeedbackRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::FeedbackRepository)
public:
    explicit FeedbackRepository(Database& database);

    // The send whose Message-ID this was (sends.message_id, set when it was sent).
    Result<std::optional<SendReference>> sendByMessageId(const QString& messageId);
    // The most recent message sent to this address, for a report that names no Message-ID Herald knows.
    Result<std::optional<SendReference>> latestSendTo(const QString& email);
    // Stores the report; false when a report with its key was stored before (it was read already).
    Result<bool> record(const FeedbackEntry& entry);
    Result<CampaignFeedback> campaignFeedback(qint64 campaignId);
    // Every campaign that has sent messages, most recent first, up to `limit`.
    Result<QList<CampaignFeedback>> recentCampaigns(int limit);

private:
    Database& m_database;
    SqlDialect m_dialect;
};

} // namespace herald
