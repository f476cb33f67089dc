#include "engagement/EngagementVerdict.h"

namespace herald {

namespace {

struct ReasonEntry
{
    EngagementReason reason;
    const char* key;
    bool human;
};

const ReasonEntry Reasons[] = {
    {EngagementReason::Person, "person", true},
    {EngagementReason::ImpliedByClick, "implied_by_click", true},
    {EngagementReason::GmailProxy, "gmail_proxy", true},
    {EngagementReason::YahooProxy, "yahoo_proxy", true},
    {EngagementReason::AppleMpp, "apple_mpp", false},
    {EngagementReason::GenericUserAgent, "generic_user_agent", false},
    {EngagementReason::HeadRequest, "head_request", false},
    {EngagementReason::NoUserAgent, "no_user_agent", false},
    {EngagementReason::ScannerAgent, "scanner_agent", false},
    {EngagementReason::LinkPreview, "link_preview", false},
    {EngagementReason::ScriptAgent, "script_agent", false},
    {EngagementReason::HeadlessBrowser, "headless_browser", false},
    {EngagementReason::BotAgent, "bot_agent", false},
    {EngagementReason::HiddenLink, "hidden_link", false},
    {EngagementReason::TooSoonAfterDelivery, "too_soon_after_delivery", false},
    {EngagementReason::Burst, "burst", false},
};

const ReasonEntry& entryOf(EngagementReason reason)
{
    for (const ReasonEntry& entry : Reasons) {
        if (entry.reason == reason)
            return entry;
    }
    return Reasons[0];
}

} // namespace

bool EngagementVerdict::isHuman() const
{
    return entryOf(reason).human;
}

QString EngagementVerdict::key() const
{
    return QLatin1String(entryOf(reason).key);
}

std::optional<EngagementVerdict> EngagementVerdict::fromKey(const QString& key)
{
    for (const ReasonEntry& entry : Reasons) {
        if (key == QLatin1String(entry.key))
            return EngagementVerdict{entry.reason};
    }
    return std::nullopt;
}

QString EngagementVerdict::explanation() const
{
    switch (reason) {
    case EngagementReason::Person:
        return tr("Nothing marks this as a machine: a person's mail app or browser made the request.");
    case EngagementReason::ImpliedByClick:
        return tr("The person clicked a link in the message, so they opened it, even though the image did not load.");
    case EngagementReason::GmailProxy:
        return tr("Gmail's image proxy fetches the image when the person opens the message.");
    case EngagementReason::YahooProxy:
        return tr("Yahoo Mail's image proxy fetches the image when the person opens the message.");
    case EngagementReason::AppleMpp:
        return tr("Apple Mail Privacy Protection fetched the image for the mail app; it tells nothing about a person "
                  "opening it.");
    case EngagementReason::GenericUserAgent:
        return tr("The request named itself only \"Mozilla/5.0\", as Apple's privacy fetcher does; no person's browser "
                  "sends that alone.");
    case EngagementReason::HeadRequest:
        return tr("A HEAD request only checks that the address works; browsers and mail apps ask for the content.");
    case EngagementReason::NoUserAgent:
        return tr("The request did not say which program sent it; browsers and mail apps always do.");
    case EngagementReason::ScannerAgent:
        return tr("A mail security service checked the link or image before the person saw the message.");
    case EngagementReason::LinkPreview:
        return tr("A chat or social app fetched the address to show a preview of the link.");
    case EngagementReason::ScriptAgent:
        return tr("A script or command-line tool made the request, not a browser.");
    case EngagementReason::HeadlessBrowser:
        return tr("A browser without a screen made the request, as automated checks do.");
    case EngagementReason::BotAgent:
        return tr("A robot (a crawler or another bot) named itself in the request.");
    case EngagementReason::HiddenLink:
        return tr("The link is hidden in the message, where no person can see or click it; only programs follow it.");
    case EngagementReason::TooSoonAfterDelivery:
        return tr("The link was followed seconds after delivery, sooner than a person can read the message and "
                  "click.");
    case EngagementReason::Burst:
        return tr("Several links of the message were followed within one second, faster than a person can click.");
    }
    return {};
}

} // namespace herald
