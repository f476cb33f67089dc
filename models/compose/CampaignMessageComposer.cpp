#include "CampaignMessageComposer.h"

#include "MessageBuilder.h"
#include "MimeEncoding.h"
#include "RenderContext.h"
#include "domain/CampaignValidator.h"
#include "domain/HeaderText.h"
#include "media/MediaReference.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <algorithm>

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

CampaignMessageComposer::CampaignMessageComposer(const Campaign& campaign, const QByteArray& secret, Links links)
    : m_campaign(campaign), m_signer(secret), m_tracking(secret), m_test(links == Links::AsTrackedTest)
{
    m_tracks = links != Links::Original && campaign.tracking != Tracking::Off && !campaign.publicBaseUrl.isEmpty();
    QString html = campaign.htmlBody;
    QString text = campaign.textBody;
    if (m_tracks) {
        auto rewritten = LinkRewriter::rewrite(html, text);
        if (!rewritten) {
            m_error = tr("Campaign '%1' cannot be rendered: %2").arg(campaign.name, rewritten.error().message);
            return;
        }
        html = rewritten->html;
        text = rewritten->text;
        m_links = rewritten->links;
    }
    m_htmlSource = html;
    // The subject is a header: values go in raw (the builder encodes and checks them), like the text body.
    if (!compilePart(QStringLiteral("subject"), campaign.subject, CompiledTemplate::Escaping::Plain, &m_subject, &m_error)
        || !compilePart(QStringLiteral("html"), html, CompiledTemplate::Escaping::Html, &m_html, &m_error)
        || !compilePart(QStringLiteral("text"), text, CompiledTemplate::Escaping::Plain, &m_text, &m_error)) {
        m_error = tr("Campaign '%1' cannot be rendered: %2").arg(campaign.name, m_error);
        return;
    }
    if (m_tracks)
        prepareTracking();
}

void CampaignMessageComposer::setImages(const QList<MediaItem>& images)
{
    m_inlineImages.clear();
    if (!isValid())
        return;
    const QStringList names = MediaReference::namesIn(m_htmlSource);
    if (names.isEmpty())
        return;
    QStringList available;
    for (const MediaItem& item : images)
        available << item.name;
    if (const Status valid = CampaignValidator::validateImages(m_campaign, names, available); !valid) {
        m_error = valid.error().message;
        return;
    }
    QHash<QString, QString> sources;
    for (const QString& name : names) {
        const MediaItem& item = *std::find_if(images.cbegin(), images.cend(), [&name](const MediaItem& i) { return i.name == name; });
        if (m_campaign.imageMode == ImageMode::Linked) {
            sources.insert(name, MediaReference::publicUrl(m_campaign.publicBaseUrl, item));
            continue;
        }
        InlineImage image;
        // Unique within the message; the same image keeps its id from message to message.
        image.contentId = QStringLiteral("img%1.%2@herald").arg(m_inlineImages.size() + 1).arg(item.image.sha256.left(16));
        image.fileName = name;
        image.contentType = item.image.contentType;
        image.bytes = item.image.bytes;
        sources.insert(name, QStringLiteral("cid:") + image.contentId);
        m_inlineImages << image;
    }
    // Once for all recipients: the sources are the same in every message.
    if (!compilePart(QStringLiteral("html"), MediaReference::replaceSources(m_htmlSource, sources),
                     CompiledTemplate::Escaping::Html, &m_html, &m_error))
        m_error = tr("Campaign '%1' cannot be rendered: %2").arg(m_campaign.name, m_error);
}

bool CampaignMessageComposer::allowsPerRecipientTracking(const QString& consent)
{
    return consent == perRecipientTrackingConsent();
}

void CampaignMessageComposer::prepareTracking()
{
    const auto claims = [this](TrackingToken::Kind kind, int link) {
        return TrackingToken::Claims{kind, m_campaign.id, link, 0, m_test};
    };
    for (const TrackedLink& link : std::as_const(m_links)) {
        if (link.personalised) {
            // Anonymous tokens cannot say whose values to render at the redirect: such a link stays as written
            // (rendered) for recipients tracked anonymously.
            CompiledTemplate url;
            TemplateIssue issue;
            if (!CompiledTemplate::compile(link.url, CompiledTemplate::Escaping::Plain, &url, &issue)) {
                m_error = tr("Campaign '%1' cannot be rendered: link %2: %3").arg(m_campaign.name).arg(link.number).arg(issue.toString());
                return;
            }
            m_personalisedUrls.insert(link.number, std::move(url));
        } else {
            m_anonymousValues.set(LinkRewriter::linkPlaceholder(link.number),
                                  m_tracking.url(m_campaign.publicBaseUrl, claims(TrackingToken::Kind::Click, link.number)));
        }
    }
    m_anonymousValues.set(LinkRewriter::openPlaceholder(), m_tracking.url(m_campaign.publicBaseUrl, claims(TrackingToken::Kind::Open, 0)));
    m_anonymousValues.set(LinkRewriter::trapPlaceholder(), m_tracking.url(m_campaign.publicBaseUrl, claims(TrackingToken::Kind::Click, 0)));
}

void CampaignMessageComposer::setTrackingValues(RenderContext& context, qint64 sendId, const Nonprofit& recipient) const
{
    const bool perRecipient = m_campaign.tracking == Tracking::PerRecipient && sendId > 0
        && allowsPerRecipientTracking(recipient.consent);
    if (!perRecipient) {
        for (auto it = m_anonymousValues.values().cbegin(); it != m_anonymousValues.values().cend(); ++it)
            context.set(it.key(), it.value());
        for (auto it = m_personalisedUrls.cbegin(); it != m_personalisedUrls.cend(); ++it)
            context.set(LinkRewriter::linkPlaceholder(it.key()), it.value().render(context));
        return;
    }
    const auto url = [&](TrackingToken::Kind kind, int link) {
        return m_tracking.url(m_campaign.publicBaseUrl, {kind, m_campaign.id, link, sendId, m_test});
    };
    for (const TrackedLink& link : m_links)
        context.set(LinkRewriter::linkPlaceholder(link.number), url(TrackingToken::Kind::Click, link.number));
    context.set(LinkRewriter::openPlaceholder(), url(TrackingToken::Kind::Open, 0));
    context.set(LinkRewriter::trapPlaceholder(), url(TrackingToken::Kind::Click, 0));
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
    const QString viewUrl = m_campaign.publicBaseUrl.isEmpty()
        ? QString()
        : m_tracking.url(m_campaign.publicBaseUrl, {TrackingToken::Kind::View, m_campaign.id, 0, sendId, m_test});
    RenderContext context = RenderContext::forRecipient(recipient, m_campaign, unsubscribeUrl, date);
    context.set(QStringLiteral("view_url"), viewUrl);
    if (m_tracks)
        setTrackingValues(context, sendId, recipient);

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
    spec.attachments = m_attachments;
    if (!spec.htmlBody.isEmpty())
        spec.inlineImages = m_inlineImages;
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
