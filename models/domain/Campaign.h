#pragma once

#include <QDateTime>
#include <QString>

namespace herald {

enum class CampaignStatus { Draft, Scheduled, Sending, Paused, Completed, Cancelled };

QString toString(CampaignStatus status);
bool fromString(const QString& text, CampaignStatus* status);

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
};

} // namespace herald
