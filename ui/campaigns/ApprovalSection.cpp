#include "ApprovalSection.h"

#include "storage/AuditLogRepository.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>

namespace herald {

ApprovalSection::ApprovalSection(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_label(new QLabel(this))
    , m_approveButton(new QPushButton(tr("A&pprove"), this))
{
    setObjectName(QStringLiteral("approvalSection"));
    m_label->setObjectName(QStringLiteral("approvalLabel"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_approveButton->setObjectName(QStringLiteral("approveButton"));
    m_approveButton->setToolTip(tr("Approve this campaign as it is now: its template, audience and sender"));
    connect(m_approveButton, &QPushButton::clicked, this, &ApprovalSection::approveRequested);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_approveButton, 0, Qt::AlignTop);
    setVisible(false);
}

Status ApprovalSection::load(const Campaign& campaign)
{
    m_campaign = campaign;
    m_pendingChange = false;
    m_withdrawnBy.clear();
    CampaignApprovalRepository approvals(m_database);
    auto state = approvals.state(campaign);
    if (!state) {
        setVisible(false);
        return state.error();
    }
    m_state = state.value();
    if (approvals.applies() && !m_state.approval && campaign.id > 0) {
        // The audit log says whose approval a change withdrew (migration 24 writes "approved by X; withdrawn: …").
        auto history = AuditLogRepository(m_database).listFor(QStringLiteral("campaign"), QString::number(campaign.id));
        if (history && !history->isEmpty() && history->first().action == QLatin1String("approval withdrawn")) {
            static const QRegularExpression approver(QStringLiteral("^approved by ([^;]*);"));
            m_withdrawnBy = approver.match(history->first().detail).captured(1);
        }
    }
    updateText();
    return {};
}

void ApprovalSection::showRecipients(qint64 recipients)
{
    m_recipients = recipients;
    updateText();
}

void ApprovalSection::showOnScreen(const Campaign& onScreen)
{
    m_pendingChange = onScreen.templateId != m_campaign.templateId || onScreen.segmentId != m_campaign.segmentId
                      || onScreen.senderIdentityId != m_campaign.senderIdentityId;
    updateText();
}

Status ApprovalSection::approve(qint64 recipients)
{
    if (const Status approved = CampaignApprovalRepository(m_database).approve(m_campaign, recipients); !approved)
        return approved;
    return load(m_campaign);
}

void ApprovalSection::updateText()
{
    const bool leavesDrafts = m_campaign.status == CampaignStatus::Draft || m_campaign.status == CampaignStatus::Scheduled;
    if (!m_state.threshold || !leavesDrafts) {
        setVisible(false);
        return;
    }
    const int threshold = *m_state.threshold;
    QString text;
    bool canApprove = false;
    if (m_state.approval) {
        text = tr("Approved by %1 at %2.")
                   .arg(m_state.approval->approvedBy,
                        QLocale().toString(m_state.approval->approvedAt.toLocalTime(), QLocale::ShortFormat));
        if (m_pendingChange)
            text += QLatin1Char(' ') + tr("Saving the new template, audience or sender withdraws this approval.");
    } else if (m_recipients >= 0 && m_recipients <= threshold) {
        text = tr("No approval needed to send now: %1 recipients, at most %2.")
                   .arg(QLocale().toString(m_recipients), QLocale().toString(threshold));
    } else {
        if (!m_withdrawnBy.isEmpty())
            text = tr("The approval by %1 was withdrawn: the template, audience or sender changed.").arg(m_withdrawnBy)
                   + QLatin1Char(' ');
        text += CampaignApprovalRepository::waitingText(m_state.author) + QLatin1Char('.') + QLatin1Char(' ')
                + tr("Campaigns to more than %1 recipients need a second person's approval.").arg(QLocale().toString(threshold));
        canApprove = m_state.mayApprove && m_campaign.id > 0;
    }
    m_label->setText(text);
    m_approveButton->setVisible(canApprove);
    setVisible(true);
}

} // namespace herald
