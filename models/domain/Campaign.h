#pragma once

#include <QDateTime>
#include <QString>

namespace herald {

enum class CampaignStatus { Draft, Scheduled, Sending, Paused, Completed, Cancelled };

QString toString(CampaignStatus status);
bool fromString(const QString& text, CampaignStatus* status);

// What to do with messages whose outcome a crash made unknown (campaigns.unknown_policy).
enum class UnknownPolicy { Ask, Resend, MarkSent };

QString toString(UnknownPolicy policy);
bool fromString(const QString& text, UnknownPolicy* policy);

// How a campaign's opens and clicks are tracked (campaigns.tracking): not at all; per campaign and link only
// (tokens name no recipient); or per recipient for the nonprofits whose consent allows it (anonymous for the rest).
enum class Tracking { Off, Anonymous, PerRecipient };

QString toString(Tracking tracking);
bool fromString(const QString& text, Tracking* tracking);
// The nonprofits.consent value under which a nonprofit's opens and clicks may be tracked per recipient.
QString perRecipientTrackingConsent();

// How a campaign's messages carry the media library images their HTML shows (campaigns.image_mode): inside
// every message as inline parts (cid:), or as links to `herald serve` at the public address.
enum class ImageMode { Embedded, Linked };

QString toString(ImageMode mode);
bool fromString(const QString& text, ImageMode* mode);

// A mailing: a template snapshot, an audience and a sender identity. Syncable: UUID and version.
struct Campaign
{
    qint64 id = 0;
    QString uuid;
    QString name;
    qint64 templateId = 0;
    int templateVersion = 0; // the template version the snapshot was taken from
    QString subject;         // snapshot taken when the campaign is queued
    QString htmlBody;
    QString textBody;
    QString audience; // JSON: {"segment": id} or {"all": true}
    QString fromName;
    QString fromEmail;
    QString replyTo;
    QString postalAddress;
    QString unsubscribeBaseUrl;
    CampaignStatus status = CampaignStatus::Draft;
    QDateTime scheduledAt;
    QString createdBy;
    QDateTime createdAt;
    QDateTime updatedAt;
    int version = 0;
    qint64 senderIdentityId = 0; // 0: none chosen
    qint64 segmentId = 0;        // the saved segment the audience names; 0: all active nonprofits
    bool archived = false;       // hidden from the campaign list unless asked for
    UnknownPolicy unknownPolicy = UnknownPolicy::Ask;
    Tracking tracking = Tracking::Anonymous;
    QString publicBaseUrl; // `herald serve`'s public address, taken when queued (tracking and web view links)
    ImageMode imageMode = ImageMode::Embedded;

    // The audience JSON for a saved segment, or for all active nonprofits when segmentId is 0.
    static QString audienceFor(qint64 segmentId);
};

} // namespace herald
