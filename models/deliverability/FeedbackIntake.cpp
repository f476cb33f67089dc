#include "FeedbackIntake.h"

#include "AddressSuppressor.h"
#include "ImapMailbox.h"
#include "storage/AuditLogRepository.h"
#include "storage/CampaignRepository.h"
#include "storage/FeedbackRepository.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace herald {

namespace {
SuppressionReason reasonFor(FeedbackReport::Kind kind)
{
    switch (kind) {
    case FeedbackReport::Kind::HardBounce:
        return SuppressionReason::HardBounce;
    case FeedbackReport::Kind::Complaint:
        return SuppressionReason::Complaint;
    default:
        return SuppressionReason::Unsubscribed;
    }
}

// Where a suppression came from, as the suppression list shows it.
QString sourceFor(const FeedbackReport& report, qint64 campaignId)
{
    QString source;
    switch (report.kind) {
    case FeedbackReport::Kind::HardBounce:
        source = QStringLiteral("bounce %1").arg(report.statusCode);
        if (!report.diagnostic.isEmpty())
            source += QStringLiteral(": ") + report.diagnostic;
        break;
    case FeedbackReport::Kind::Complaint:
        source = QStringLiteral("complaint (%1)").arg(report.statusCode);
        if (!report.diagnostic.isEmpty())
            source += QStringLiteral(" from ") + report.diagnostic;
        break;
    default:
        source = QStringLiteral("mailto unsubscribe");
        break;
    }
    if (campaignId > 0)
        source += QStringLiteral(" (campaign #%1)").arg(campaignId);
    return source.left(400);
}
} // namespace

FeedbackIntake::FeedbackIntake(Database& database, MailboxSettings settings, QByteArray unsubscribeSecret)
    : m_database(database), m_settings(std::move(settings)), m_tokens(std::move(unsubscribeSecret))
{
}

Result<FeedbackReport::Kind> FeedbackIntake::apply(const QByteArray& raw, IntakeSummary* summary, bool* matched)
{
    *matched = false;
    FeedbackReport report = FeedbackReport::read(raw);
    if (report.kind == FeedbackReport::Kind::Unrecognised) {
        ++summary->unrecognised;
        return report.kind;
    }
    if (!report.unsubscribeToken.isEmpty()) {
        // A signed token in a mailto: unsubscribe names the address and campaign for certain.
        if (auto claims = m_tokens.verify(report.unsubscribeToken))
            report.recipient = claims->email;
    }

    FeedbackRepository feedback(m_database);
    auto send = feedback.sendByMessageId(report.originalMessageId);
    if (send && !send.value())
        send = feedback.latestSendTo(report.recipient);
    if (!send)
        return send.error();
    const bool isUnsubscribe = report.kind == FeedbackReport::Kind::Unsubscribe;
    if (!send.value() && !isUnsubscribe) {
        // Not about a message Herald sent (or its send was erased): suppressing would act on a stranger's report.
        ++summary->unmatched;
        return FeedbackReport::Kind::Unrecognised;
    }
    *matched = true;
    const SendReference reference = send.value().value_or(SendReference());
    // Bounces and complaints suppress the address Herald mailed; an unsubscribe, the address that wrote.
    const QString address = isUnsubscribe || reference.email.isEmpty() ? report.recipient : reference.email;

    FeedbackEntry entry;
    entry.reportKey = report.reportId.isEmpty()
        ? QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex())
        : report.reportId;
    entry.kind = FeedbackReport::kindName(report.kind);
    entry.campaignId = reference.campaignId;
    entry.sendId = reference.sendId;
    entry.statusCode = report.statusCode;
    auto recorded = feedback.record(entry);
    if (!recorded)
        return recorded.error();

    if (report.kind != FeedbackReport::Kind::SoftBounce && !address.isEmpty()) {
        auto suppressed = AddressSuppressor(m_database).suppress(address, reasonFor(report.kind),
                                                                 sourceFor(report, reference.campaignId));
        if (!suppressed)
            return suppressed.error();
    }
    switch (report.kind) {
    case FeedbackReport::Kind::HardBounce:
        ++summary->hardBounces;
        break;
    case FeedbackReport::Kind::SoftBounce:
        ++summary->softBounces;
        break;
    case FeedbackReport::Kind::Complaint:
        ++summary->complaints;
        if (reference.campaignId > 0)
            m_complainedCampaigns.insert(reference.campaignId);
        break;
    case FeedbackReport::Kind::Unsubscribe:
        ++summary->unsubscribes;
        break;
    case FeedbackReport::Kind::Unrecognised:
        break;
    }
    return report.kind;
}

Result<QList<qint64>> FeedbackIntake::pauseOverComplaintThreshold(const QSet<qint64>& campaigns)
{
    QList<qint64> paused;
    FeedbackRepository feedback(m_database);
    CampaignRepository campaignRepository(m_database);
    for (const qint64 id : campaigns) {
        auto figures = feedback.campaignFeedback(id);
        if (!figures)
            return figures.error();
        if (figures->sent < m_settings.complaintMinimumSent || figures->complaintRate() <= m_settings.complaintRateThreshold)
            continue;
        auto moved = campaignRepository.setStatus(id, CampaignStatus::Sending, CampaignStatus::Paused);
        if (!moved && moved.error().kind == Error::Kind::Conflict)
            continue; // not sending (any more): nothing to pause
        if (!moved)
            return moved.error();
        paused << id;
        const QString detail = QStringLiteral("complaint rate %1 % (%2 of %3 sent) passed %4 %")
                                   .arg(figures->complaintRate() * 100, 0, 'f', 2)
                                   .arg(figures->complaints)
                                   .arg(figures->sent)
                                   .arg(m_settings.complaintRateThreshold * 100, 0, 'f', 2);
        if (auto logged = AuditLogRepository(m_database).record(QStringLiteral("intake"), QStringLiteral("pause"),
                                                                 QStringLiteral("campaign"), QString::number(id), detail);
            !logged)
            return logged.error();
    }
    return paused;
}

Result<IntakeSummary> FeedbackIntake::runOnce(const std::function<bool()>& cancelled)
{
    if (!m_settings.isConfigured())
        return Error::make(Error::Kind::Validation,
                           tr("No feedback mailbox is set up: enter its server and user in Settings → Bounces and complaints."));
    if (auto valid = m_settings.validate(); !valid)
        return valid.error();
    IntakeSummary summary;
    m_complainedCampaigns.clear();
    ImapMailbox mailbox(m_settings);
    auto uids = mailbox.unprocessed();
    if (!uids)
        return uids.error();
    for (const qint64 uid : uids.value()) {
        if (cancelled && cancelled())
            break;
        auto raw = mailbox.fetch(uid);
        if (!raw)
            return raw.error();
        ++summary.read;
        bool matched = false;
        auto kind = apply(raw.value(), &summary, &matched);
        if (!kind)
            return kind.error(); // left unflagged: read again next time
        if (auto flagged = mailbox.markProcessed(uid, matched); !flagged)
            return flagged.error();
    }
    auto paused = pauseOverComplaintThreshold(m_complainedCampaigns);
    if (!paused)
        return paused.error();
    summary.pausedCampaigns = paused.value();
    return summary;
}

} // namespace herald
