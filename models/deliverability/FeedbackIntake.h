#pragma once

#include "FeedbackReport.h"
#include "MailboxSettings.h"
#include "compose/UnsubscribeToken.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>

#include <functional>

namespace herald {

// What one pass over the feedback mailbox did.
struct IntakeSummary
{
    int read = 0;
    int hardBounces = 0;
    int softBounces = 0;
    int complaints = 0;
    int unsubscribes = 0;
    int unmatched = 0;     // a bounce or complaint about no message Herald sent: left unread for a person
    int unrecognised = 0;  // not a report at all: left unread for a person
    QList<qint64> pausedCampaigns;
};

// The bounce and complaint intake: reads the messages of the feedback mailbox not yet flagged processed,
// classifies each (FeedbackReport), matches it to the send by the original Message-ID (Herald's are
// "send-<id>.c<campaign>@…" and stored in sends.message_id), else by the address's latest message, and then
// records it: hard bounces and complaints suppress the address that was mailed, mailto: unsubscribes the
// address that wrote, soft bounces are only counted. Each message is flagged $HeraldProcessed after its report
// is stored (reading one twice records it once), \Seen when it was understood; none is deleted. A campaign still
// sending pauses itself once its complaint rate passes the threshold after the minimum number of messages.
class FeedbackIntake
{
    Q_DECLARE_TR_FUNCTIONS(herald::FeedbackIntake)
public:
    FeedbackIntake(Database& database, MailboxSettings settings, QByteArray unsubscribeSecret);

    // One pass over the mailbox; `cancelled` is asked between messages.
    Result<IntakeSummary> runOnce(const std::function<bool()>& cancelled = {});
    // Records one message's report (what runOnce does for each): its kind, or Unrecognised when it was
    // nothing Herald could use (`matched` false when it was a report about no send Herald knows).
    Result<FeedbackReport::Kind> apply(const QByteArray& raw, IntakeSummary* summary, bool* matched);
    // Pauses those of `campaigns` whose complaint rate passed the threshold; the ids paused.
    Result<QList<qint64>> pauseOverComplaintThreshold(const QSet<qint64>& campaigns);

private:
    Database& m_database;
    MailboxSettings m_settings;
    UnsubscribeToken m_tokens;
    QSet<qint64> m_complainedCampaigns;
};

} // namespace herald
