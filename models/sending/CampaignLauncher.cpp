#include "CampaignLauncher.h"

#include "compose/TemplateValidator.h"
#include "domain/CampaignValidator.h"
#include "storage/CampaignRepository.h"
#include "storage/SegmentRepository.h"
#include "storage/SenderIdentityRepository.h"
#include "storage/TemplateRepository.h"
#include "storage/Transaction.h"

#include <QCoreApplication>

namespace herald {

namespace {
Error cancelledError(const Campaign& campaign)
{
    return Error::make(Error::Kind::Cancelled,
                       CampaignLauncher::tr("Queueing campaign '%1' was cancelled; it is still a draft.").arg(campaign.name));
}
} // namespace

Result<Campaign> CampaignLauncher::prepare(qint64 campaignId)
{
    auto found = CampaignRepository(m_database).find(campaignId);
    if (!found)
        return found.error();
    Campaign campaign = found.value();
    if (campaign.templateId <= 0)
        return Error::validation(QStringLiteral("template_id"),
                                 tr("Campaign '%1' has no template; choose one.").arg(campaign.name));
    auto messageTemplate = TemplateRepository(m_database).find(campaign.templateId);
    if (!messageTemplate)
        return messageTemplate.error();
    for (const TemplateIssue& issue : TemplateValidator::validate(messageTemplate.value())) {
        if (issue.severity == TemplateIssue::Severity::Error)
            return Error::validation(QStringLiteral("template_id"),
                                     tr("Template '%1' of campaign '%2' has an error: %3")
                                         .arg(messageTemplate->name, campaign.name, issue.toString()));
    }
    if (campaign.senderIdentityId <= 0)
        return Error::validation(QStringLiteral("sender_identity_id"),
                                 tr("Campaign '%1' has no sender identity; choose who it is from.").arg(campaign.name));
    auto identity = SenderIdentityRepository(m_database).find(campaign.senderIdentityId);
    if (!identity)
        return identity.error();
    if (auto valid = identity->validate(); !valid)
        return Error::validation(QStringLiteral("sender_identity_id"),
                                 tr("Sender identity '%1': %2").arg(identity->name, valid.error().message));
    // Bulk mail must carry the sender's postal address and a working unsubscribe link (CAN-SPAM, RFC 8058).
    if (identity->postalAddress.isEmpty())
        return Error::validation(QStringLiteral("postal_address"),
                                 tr("Sender identity '%1' has no postal address; every campaign must show one.")
                                     .arg(identity->name));
    if (identity->unsubscribeBaseUrl.isEmpty())
        return Error::validation(QStringLiteral("unsubscribe_base_url"),
                                 tr("Sender identity '%1' has no unsubscribe link address; recipients must be able "
                                    "to unsubscribe.")
                                     .arg(identity->name));
    if (auto audience = SegmentRepository(m_database).resolve(campaign.audience); !audience)
        return Error::validation(QStringLiteral("audience"),
                                 tr("The audience of campaign '%1' cannot be used: %2")
                                     .arg(campaign.name, audience.error().message));

    // The snapshot: what is sent is what the template and the identity say now.
    campaign.templateVersion = messageTemplate->version;
    campaign.subject = messageTemplate->subject;
    campaign.htmlBody = messageTemplate->htmlBody;
    campaign.textBody = messageTemplate->textBody;
    campaign.fromName = identity->fromName;
    campaign.fromEmail = identity->fromEmail;
    campaign.replyTo = identity->replyTo;
    campaign.postalAddress = identity->postalAddress;
    campaign.unsubscribeBaseUrl = identity->unsubscribeBaseUrl;
    if (auto valid = CampaignValidator::validate(campaign); !valid)
        return valid.error();
    return campaign;
}

Result<Campaign> CampaignLauncher::prepareAndStore(qint64 campaignId, const QDateTime& scheduledAt)
{
    auto prepared = prepare(campaignId);
    if (!prepared)
        return prepared.error();
    Campaign campaign = std::move(prepared).value();
    if (campaign.status != CampaignStatus::Draft)
        return Error::make(Error::Kind::Conflict, tr("Campaign '%1' is %2; only a draft can be queued.")
                                                      .arg(campaign.name, toString(campaign.status)));
    campaign.scheduledAt = scheduledAt;
    if (auto stored = CampaignRepository(m_database).update(campaign); !stored)
        return stored.error();
    return campaign;
}

Result<SendQueue::EnqueueCounts> CampaignLauncher::sendNow(qint64 campaignId, const CancelCheck& cancelled)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    auto campaign = prepareAndStore(campaignId, {});
    if (!campaign)
        return campaign.error();
    auto audience = SegmentRepository(m_database).resolve(campaign->audience);
    if (!audience)
        return audience.error();
    if (cancelled && cancelled())
        return cancelledError(campaign.value());
    SendQueue queue(m_database, QStringLiteral("campaigns-page"));
    auto counts = queue.enqueue(campaignId, audience.value());
    if (!counts)
        return counts.error();
    // The last moment to change one's mind: after the commit the engines start sending.
    if (cancelled && cancelled())
        return cancelledError(campaign.value());
    if (auto moved = CampaignRepository(m_database).setStatus(campaignId, CampaignStatus::Draft, CampaignStatus::Sending);
        !moved)
        return moved.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return counts;
}

Status CampaignLauncher::schedule(qint64 campaignId, const QDateTime& at, const CancelCheck& cancelled)
{
    if (!at.isValid() || at <= QDateTime::currentDateTimeUtc())
        return Error::validation(QStringLiteral("scheduled_at"),
                                 tr("The time to send (%1) has passed; choose a later one or send now.")
                                     .arg(at.toLocalTime().toString(Qt::ISODate)));
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    auto campaign = prepareAndStore(campaignId, at);
    if (!campaign)
        return campaign.error();
    if (cancelled && cancelled())
        return cancelledError(campaign.value());
    if (auto moved = CampaignRepository(m_database).setStatus(campaignId, CampaignStatus::Draft,
                                                              CampaignStatus::Scheduled);
        !moved)
        return moved.error();
    return transaction.commit();
}

} // namespace herald
