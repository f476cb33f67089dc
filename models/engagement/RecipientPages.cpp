#include "RecipientPages.h"

#include "compose/CampaignMessageComposer.h"
#include "compose/CompiledTemplate.h"
#include "compose/RenderContext.h"
#include "sending/MessageResources.h"
#include "storage/CampaignRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/SendRepository.h"

#include <QDate>

namespace herald {

Result<std::pair<Campaign, Nonprofit>> RecipientPages::recipientOf(qint64 campaignId, qint64 sendId)
{
    auto campaign = CampaignRepository(m_database).find(campaignId);
    if (!campaign)
        return campaign.error();
    if (sendId == 0) { // a test send's view: no recipient's values, and an address the message can be built for
        Nonprofit nobody;
        nobody.email = QStringLiteral("recipient@example.org");
        return std::make_pair(campaign.value(), nobody);
    }
    const Error gone = Error::make(Error::Kind::NotFound, tr("This message is no longer available."));
    auto send = SendRepository(m_database).find(sendId);
    if (!send)
        return send.error().kind == Error::Kind::NotFound ? gone : send.error();
    if (send->campaignId != campaignId || send->nonprofitId == 0)
        return gone;
    auto nonprofit = NonprofitRepository(m_database).find(send->nonprofitId);
    if (!nonprofit)
        return nonprofit.error().kind == Error::Kind::NotFound ? gone : nonprofit.error();
    return std::make_pair(campaign.value(), nonprofit.value());
}

Result<QString> RecipientPages::personalisedTarget(qint64 campaignId, qint64 sendId, const TrackedLink& link)
{
    auto recipient = recipientOf(campaignId, sendId);
    if (!recipient)
        return recipient.error();
    CompiledTemplate url;
    TemplateIssue issue;
    if (!CompiledTemplate::compile(link.url, CompiledTemplate::Escaping::Plain, &url, &issue))
        return Error::make(Error::Kind::Validation, issue.toString());
    const auto& [campaign, nonprofit] = recipient.value();
    return url.render(RenderContext::forRecipient(nonprofit, campaign, QString(), QDate::currentDate()));
}

Result<QByteArray> RecipientPages::webView(qint64 campaignId, qint64 sendId)
{
    auto recipient = recipientOf(campaignId, sendId);
    if (!recipient)
        return recipient.error();
    auto [campaign, nonprofit] = recipient.value();
    // A web page cannot show cid: parts: its library images come from this server whatever the messages carry.
    campaign.imageMode = ImageMode::Linked;
    CampaignMessageComposer composer(campaign, m_secret, CampaignMessageComposer::Links::Original);
    if (const Status images = MessageResources::loadImagesInto(m_database, composer); !images)
        return images.error();
    auto message = composer.compose(sendId, nonprofit);
    if (!message)
        return message.error();
    if (!message->parts.htmlBody.isEmpty())
        return message->parts.htmlBody.toUtf8();
    return QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title></head><body><pre>%2</pre></body></html>")
        .arg(message->parts.subject.toHtmlEscaped(), message->parts.textBody.toHtmlEscaped())
        .toUtf8();
}

} // namespace herald
