#include "CampaignLauncher.h"

#include "compose/LinkRewriter.h"
#include "compose/TemplateValidator.h"
#include "engagement/CampaignLinkRepository.h"
#include "storage/AppSettingsRepository.h"
#include "domain/CurrentUser.h"
#include "domain/CampaignValidator.h"
#include "media/MediaReference.h"
#include "storage/AudienceCounter.h"
#include "storage/AuditLogRepository.h"
#include "storage/CampaignApprovalRepository.h"
#include "storage/CampaignRepository.h"
#include "storage/MediaRepository.h"
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
    auto publicBaseUrl = AppSettingsRepository(m_database).publicBaseUrl();
    if (!publicBaseUrl)
        return publicBaseUrl.error();
    campaign.publicBaseUrl = publicBaseUrl.value();
    if (auto valid = checkSnapshot(campaign); !valid)
        return valid.error();
    return campaign;
}

Status CampaignLauncher::checkSnapshot(const Campaign& campaign)
{
    if (auto valid = CampaignValidator::validate(campaign); !valid)
        return valid;
    if (campaign.fromEmail.isEmpty())
        return Error::validation(QStringLiteral("from_email"),
                                 tr("Campaign '%1' has no sender email; choose who it is from.").arg(campaign.name));
    // Bulk mail must carry the sender's postal address and a working unsubscribe link (CAN-SPAM, RFC 8058).
    if (campaign.postalAddress.trimmed().isEmpty())
        return Error::validation(QStringLiteral("postal_address"),
                                 tr("Campaign '%1' has no postal address; every campaign must show one.").arg(campaign.name));
    if (campaign.unsubscribeBaseUrl.trimmed().isEmpty())
        return Error::validation(QStringLiteral("unsubscribe_base_url"),
                                 tr("Campaign '%1' has no unsubscribe link address; recipients must be able to "
                                    "unsubscribe.")
                                     .arg(campaign.name));
    Template snapshot;
    snapshot.subject = campaign.subject;
    snapshot.htmlBody = campaign.htmlBody;
    snapshot.textBody = campaign.textBody;
    for (const TemplateIssue& issue : TemplateValidator::validate(snapshot)) {
        if (issue.severity == TemplateIssue::Severity::Error)
            return Error::validation(QStringLiteral("template_id"),
                                     tr("The message of campaign '%1' has an error: %2").arg(campaign.name, issue.toString()));
    }
    auto library = MediaRepository(m_database).list();
    if (!library)
        return library.error();
    QStringList libraryNames;
    for (const MediaItem& item : library.value())
        libraryNames << item.name;
    if (auto images = CampaignValidator::validateImages(campaign, MediaReference::namesIn(campaign.htmlBody), libraryNames); !images)
        return images;
    if (auto audience = SegmentRepository(m_database).resolve(campaign.audience); !audience)
        return Error::validation(QStringLiteral("audience"),
                                 tr("The audience of campaign '%1' cannot be used: %2")
                                     .arg(campaign.name, audience.error().message));
    return {};
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
    // The click redirect's targets, numbered as every sending thread's composer numbers them.
    QList<TrackedLink> links;
    if (campaign.tracking != Tracking::Off && !campaign.publicBaseUrl.isEmpty()) {
        auto rewritten = LinkRewriter::rewrite(campaign.htmlBody, campaign.textBody);
        if (!rewritten)
            return Error::validation(QStringLiteral("template_id"), rewritten.error().message);
        links = rewritten->links;
    }
    if (auto stored = CampaignLinkRepository::store(m_database.connection(), campaign.id, links); !stored)
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
    if (auto approved = approvedToLeaveDrafts(campaign.value(), false); !approved)
        return approved.error();
    if (auto moved = CampaignRepository(m_database).setStatus(campaignId, CampaignStatus::Draft, CampaignStatus::Sending);
        !moved)
        return moved.error();
    if (auto recorded = recordQueued(campaign.value(), QStringLiteral("send"),
                                     QStringLiteral("%1 queued").arg(counts->pending));
        !recorded)
        return recorded.error();
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
    if (auto approved = approvedToLeaveDrafts(campaign.value(), true); !approved)
        return approved.error();
    if (auto moved = CampaignRepository(m_database).setStatus(campaignId, CampaignStatus::Draft,
                                                              CampaignStatus::Scheduled);
        !moved)
        return moved.error();
    if (auto recorded = recordQueued(campaign.value(), QStringLiteral("schedule"),
                                     QStringLiteral("for %1").arg(at.toUTC().toString(Qt::ISODate)));
        !recorded)
        return recorded.error();
    return transaction.commit();
}

Status CampaignLauncher::startDue(qint64 campaignId, QString* refusal)
{
    // What was scheduled is what is sent: the snapshot taken then, checked as the Send button checks its own.
    auto campaign = CampaignRepository(m_database).find(campaignId);
    if (!campaign)
        return campaign.error();
    if (auto valid = checkSnapshot(campaign.value()); !valid) {
        if (valid.error().kind != Error::Kind::Validation)
            return valid.error(); // the database, not the campaign: tried again at the next look
        *refusal = valid.error().message;
        return {};
    }
    // An approval withdrawn since it was scheduled: refused here, as a draft again with the reason, rather than by
    // the database's trigger on the sends, which would fail every later start of due campaigns as well.
    if (auto approved = approvedToStart(campaign.value()); !approved) {
        if (approved.error().kind != Error::Kind::Validation)
            return approved.error();
        *refusal = approved.error().message;
        return {};
    }
    auto audience = SegmentRepository(m_database).resolve(campaign->audience);
    if (!audience)
        return audience.error();
    auto queued = SendQueue(m_database, QStringLiteral("scheduler")).enqueue(campaignId, audience.value());
    if (!queued)
        return queued.error();
    return recordQueued(campaign.value(), QStringLiteral("start"), QStringLiteral("%1 queued").arg(queued->pending));
}

Status CampaignLauncher::recordQueued(const Campaign& campaign, const QString& action, const QString& detail)
{
    // Issue 18: every send is in the audit log, in the same transaction as the queueing (on PostgreSQL the actor is
    // the login, schema 23).
    auto recorded = AuditLogRepository(m_database)
                        .record(currentUserName(QStringLiteral("herald")), action, QStringLiteral("campaign"),
                                QString::number(campaign.id), QStringLiteral("'%1': %2").arg(campaign.name, detail));
    if (!recorded)
        return recorded.error();
    return {};
}

Status CampaignLauncher::approvedToLeaveDrafts(const Campaign& campaign, bool scheduling)
{
    CampaignApprovalRepository approvals(m_database);
    auto recipients = approvals.recipientsLeavingDrafts(campaign.id, scheduling);
    if (!recipients)
        return recipients.error();
    return approvals.requireApproval(campaign, recipients.value());
}

Status CampaignLauncher::approvedToStart(const Campaign& campaign)
{
    CampaignApprovalRepository approvals(m_database);
    auto threshold = approvals.threshold();
    if (!threshold)
        return threshold.error();
    if (!threshold->has_value())
        return {};
    auto size = AudienceCounter(m_database).countCampaignAudience(campaign.audience);
    if (!size)
        return size.error();
    return approvals.requireApproval(campaign, size->recipients);
}

Result<int> CampaignLauncher::startDueCampaigns(const QString& actor)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    CampaignRepository campaigns(m_database);
    auto due = campaigns.takeDueScheduled();
    if (!due)
        return due.error();
    QStringList problems;
    int started = 0;
    for (const qint64 campaignId : due.value()) {
        QString refusal;
        if (auto done = startDue(campaignId, &refusal); !done)
            return done.error();
        if (refusal.isEmpty()) {
            ++started;
            continue;
        }
        // Not queued, not failed row by row: back to draft, with the reason where the Campaigns page shows it.
        if (auto back = campaigns.setStatus(campaignId, CampaignStatus::Sending, CampaignStatus::Draft); !back)
            return back.error();
        if (auto logged = AuditLogRepository(m_database).record(actor, refusedAction(), QStringLiteral("campaign"),
                                                                QString::number(campaignId), refusal);
            !logged)
            return logged.error();
        const auto campaign = campaigns.find(campaignId);
        problems << tr("Scheduled campaign '%1' (#%2) could not start and is a draft again: %3")
                        .arg(campaign ? campaign->name : QString(), QString::number(campaignId), refusal);
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    if (!problems.isEmpty())
        return Error::make(Error::Kind::Validation, problems.join(QLatin1Char('\n')));
    return started;
}

Result<QHash<qint64, QString>> CampaignLauncher::lastRefusals(const QList<Campaign>& campaigns)
{
    auto refusals = AuditLogRepository(m_database).latestFor(QStringLiteral("campaign"), refusedAction());
    if (!refusals)
        return refusals.error();
    QHash<qint64, QString> reasons;
    for (const Campaign& campaign : campaigns) {
        const auto refusal = refusals->constFind(QString::number(campaign.id));
        // The refusal and the move back to draft share a transaction; any later change (an edit, a send) is newer.
        if (campaign.status == CampaignStatus::Draft && refusal != refusals->cend() && refusal->at >= campaign.updatedAt)
            reasons.insert(campaign.id, refusal->detail);
    }
    return reasons;
}

} // namespace herald
