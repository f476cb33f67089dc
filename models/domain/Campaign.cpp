#include "Campaign.h"

#include "EnumText.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace herald {

QString toString(CampaignStatus status)
{
    switch (status) {
    case CampaignStatus::Draft:
        return QStringLiteral("draft");
    case CampaignStatus::Scheduled:
        return QStringLiteral("scheduled");
    case CampaignStatus::Sending:
        return QStringLiteral("sending");
    case CampaignStatus::Paused:
        return QStringLiteral("paused");
    case CampaignStatus::Completed:
        return QStringLiteral("completed");
    case CampaignStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString Campaign::audienceFor(qint64 segmentId)
{
    const QJsonObject object = segmentId > 0 ? QJsonObject{{QStringLiteral("segment"), segmentId}}
                                             : QJsonObject{{QStringLiteral("all"), true}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

bool fromString(const QString& text, CampaignStatus* status)
{
    return parseEnum(text, {CampaignStatus::Draft, CampaignStatus::Scheduled, CampaignStatus::Sending,
                           CampaignStatus::Paused, CampaignStatus::Completed, CampaignStatus::Cancelled}, status);
}

QString toString(UnknownPolicy policy)
{
    switch (policy) {
    case UnknownPolicy::Ask:
        return QStringLiteral("ask");
    case UnknownPolicy::Resend:
        return QStringLiteral("resend");
    case UnknownPolicy::MarkSent:
        return QStringLiteral("mark_sent");
    }
    return {};
}

bool fromString(const QString& text, UnknownPolicy* policy)
{
    return parseEnum(text, {UnknownPolicy::Ask, UnknownPolicy::Resend, UnknownPolicy::MarkSent}, policy);
}

QString toString(Tracking tracking)
{
    switch (tracking) {
    case Tracking::Off:
        return QStringLiteral("off");
    case Tracking::Anonymous:
        return QStringLiteral("anonymous");
    case Tracking::PerRecipient:
        return QStringLiteral("per_recipient");
    }
    return {};
}

bool fromString(const QString& text, Tracking* tracking)
{
    return parseEnum(text, {Tracking::Off, Tracking::Anonymous, Tracking::PerRecipient}, tracking);
}

QString toString(ImageMode mode)
{
    switch (mode) {
    case ImageMode::Embedded:
        return QStringLiteral("embedded");
    case ImageMode::Linked:
        return QStringLiteral("linked");
    }
    return {};
}

bool fromString(const QString& text, ImageMode* mode)
{
    return parseEnum(text, {ImageMode::Embedded, ImageMode::Linked}, mode);
}

QString perRecipientTrackingConsent() { return QStringLiteral("consent"); }

} // namespace herald
