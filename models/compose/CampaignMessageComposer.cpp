#include "CampaignMessageComposer.h"

#include "MessageBuilder.h"
#include "MimeEncoding.h"
#include "RenderContext.h"
#include "domain/HeaderText.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

namespace herald {

namespace {
bool compilePart(const QString& part, const QString& text, CompiledTemplate::Escaping escaping, CompiledTemplate* out, QString* error)
{
    TemplateIssue issue;
    if (CompiledTemplate::compile(text, escaping, out, &issue))
        return true;
    issue.part = part;
    *error = issue.toString();
    return false;
}
} // namespace

CampaignMessageComposer::CampaignMessageComposer(const Campaign& campaign, const UnsubscribeToken& signer)
    : m_campaign(campaign), m_signer(signer)
{
    // The subject is a header: values go in raw (the builder encodes and checks them), like the text body.
    if (!compilePart(QStringLiteral("subject"), campaign.subject, CompiledTemplate::Escaping::Plain, &m_subject, &m_error)
        || !compilePart(QStringLiteral("html"), campaign.htmlBody, CompiledTemplate::Escaping::Html, &m_html, &m_error)
        || !compilePart(QStringLiteral("text"), campaign.textBody, CompiledTemplate::Escaping::Plain, &m_text, &m_error))
        m_error = tr("Campaign '%1' cannot be rendered: %2").arg(campaign.name, m_error);
}

QDate CampaignMessageComposer::today() const
{
    const qint64 now = QDeadlineTimer::current().deadline();
    if (!m_today.isValid() || now - m_todayCheckedMs >= 1000) {
        m_today = QDate::currentDate();
        m_todayCheckedMs = now;
    }
    return m_today;
}

Result<OutgoingMessage> CampaignMessageComposer::compose(qint64 sendId, const Nonprofit& recipient, const QDate& day) const
{
    const QDate date = day.isValid() ? day : today();
    if (!isValid())
        return Error::make(Error::Kind::Validation, m_error);
    const QString unsubscribeUrl = m_campaign.unsubscribeBaseUrl.isEmpty()
        ? QString()
        : m_signer.url(m_campaign.unsubscribeBaseUrl, m_campaign.id, recipient.email);
    const RenderContext context = RenderContext::forRecipient(recipient, m_campaign, unsubscribeUrl, date);

    MessageSpec spec;
    spec.fromName = m_campaign.fromName;
    spec.fromEmail = m_campaign.fromEmail;
    spec.toName = HeaderText::flattened(recipient.name); // names are data: a line break in one must not stop its mail
    spec.toEmail = recipient.email;
    spec.replyTo = m_campaign.replyTo;
    const CompiledTemplate::Values values(context); // converted once for the three parts
    spec.subject = HeaderText::flattened(m_subject.render(values));
    spec.htmlBody = m_campaign.htmlBody.isEmpty() ? QString() : m_html.render(values);
    spec.textBody = m_campaign.textBody.isEmpty() ? QString() : m_text.render(values);
    spec.messageId = MessageBuilder::messageIdFor(sendId, m_campaign.id, m_campaign.fromEmail);
    spec.date = QDateTime::currentDateTimeUtc();
    spec.unsubscribeUrl = unsubscribeUrl;
    auto data = MessageBuilder::build(spec);
    if (!data)
        return Error::make(data.error().kind, tr("Message to %1 (send #%2): %3").arg(recipient.email).arg(sendId).arg(data.error().message));

    OutgoingMessage message;
    message.sendId = sendId;
    message.envelopeFrom = MimeEncoding::asciiAddress(m_campaign.fromEmail);
    message.recipient = MimeEncoding::asciiAddress(recipient.email);
    message.data = std::move(data).value();
    message.messageId = spec.messageId;
    message.parts = std::move(spec);
    return message;
}

} // namespace herald
