#pragma once

#include "domain/Campaign.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDateTime>

namespace herald::cli {

// What `herald campaign create|pause|resume|cancel` change, with the repository checks the campaign editor and
// the Sending page's buttons get. Each returns the command's exit code.
class CampaignActions
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::CampaignActions)
public:
    struct NewCampaign
    {
        QString name;
        qint64 templateId = 0;
        qint64 senderIdentityId = 0;
        qint64 segmentId = 0; // 0: all active nonprofits
        QDateTime at;         // valid: schedule it (as the editor's Schedule button does)
        bool anyway = false;  // schedule even when the sender domain's DNS is not ready
        Tracking tracking = Tracking::Anonymous;
        ImageMode imageMode = ImageMode::Embedded;
    };

    // --tracking's words: off, anonymous, per-recipient (the stored names, with a hyphen for the underscore).
    static QString trackingText(Tracking tracking);
    static bool parseTracking(const QString& text, Tracking* tracking);
    // --images's words: embedded, linked (the stored names).
    static bool parseImageMode(const QString& text, ImageMode* mode);

    // Stores a draft and prints its id; with `at`, schedules it too.
    static int create(Database& database, const NewCampaign& request);
    static int pause(Database& database, qint64 campaignId);
    static int resume(Database& database, qint64 campaignId);
    // Cancels a sending or paused campaign: what is not sent yet is not sent.
    static int cancel(Database& database, qint64 campaignId);
    // A second person's approval of a large campaign (PostgreSQL; refused to its author and to non-senders).
    static int approve(Database& database, qint64 campaignId);
};

} // namespace herald::cli
