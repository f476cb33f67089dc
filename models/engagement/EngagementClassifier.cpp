#include "engagement/EngagementClassifier.h"

#include "domain/EnumText.h"
#include "engagement/AppleMailPrivacyNetworks.h"

namespace herald {

namespace {

using Kind = EngagementKind;
using Agent = UserAgentClass;

struct Context
{
    const EngagementEvent& event;
    const IpNetworkList& appleNetworks;

    bool isOpen() const { return event.kind == Kind::Open; }
    bool isClick() const { return event.kind == Kind::Click; }
    bool agentIs(Agent agent) const { return event.userAgent == agent; }
};

struct Rule
{
    EngagementReason reason;
    bool (*applies)(const Context& c);
};

// The rules, first match wins; the sentences shown for them are in EngagementVerdict.cpp.
const Rule Rules[] = {
    // A link placed where no person can see it is only ever followed by programs that follow every link.
    {EngagementReason::HiddenLink, [](const Context& c) { return c.isClick() && c.event.hiddenLink; }},
    // Browsers and mail apps GET; HEAD only asks whether the address answers.
    {EngagementReason::HeadRequest, [](const Context& c) { return c.event.method == "HEAD"; }},
    // Every browser and mail app sends a User-Agent.
    {EngagementReason::NoUserAgent, [](const Context& c) { return c.agentIs(Agent::Empty); }},
    // Programs that say what they are.
    {EngagementReason::ScannerAgent, [](const Context& c) { return c.agentIs(Agent::LinkScanner); }},
    {EngagementReason::LinkPreview, [](const Context& c) { return c.agentIs(Agent::LinkPreview); }},
    {EngagementReason::ScriptAgent, [](const Context& c) { return c.agentIs(Agent::Script); }},
    {EngagementReason::HeadlessBrowser, [](const Context& c) { return c.agentIs(Agent::Headless); }},
    {EngagementReason::BotAgent, [](const Context& c) { return c.agentIs(Agent::Bot); }},
    // Apple's privacy fetcher loads every image of every message on arrival: "Mozilla/5.0" from Apple's addresses.
    {EngagementReason::AppleMpp,
     [](const Context& c) {
         return c.isOpen() && c.agentIs(Agent::AppleMppCandidate) && c.appleNetworks.contains(c.event.clientAddress);
     }},
    // The same bare "Mozilla/5.0" from anywhere else is no browser either.
    {EngagementReason::GenericUserAgent, [](const Context& c) { return c.agentIs(Agent::AppleMppCandidate); }},
    // Gmail and Yahoo Mail fetch images through their proxies when the person opens the message.
    {EngagementReason::GmailProxy, [](const Context& c) { return c.isOpen() && c.agentIs(Agent::GmailProxy); }},
    {EngagementReason::YahooProxy, [](const Context& c) { return c.isOpen() && c.agentIs(Agent::YahooProxy); }},
    // Security gateways follow links as the message arrives; people take longer.
    {EngagementReason::TooSoonAfterDelivery,
     [](const Context& c) {
         return c.isClick() && c.event.secondsSinceDelivery
             && *c.event.secondsSinceDelivery < EngagementClassifier::ScannerClickWindowSeconds;
     }},
    // Several links of one message within a second: a program fetching them all (BurstDetector).
    {EngagementReason::Burst, [](const Context& c) { return c.isClick() && c.event.inBurst; }},
};

} // namespace

QString toString(EngagementKind kind)
{
    return kind == EngagementKind::Click ? QStringLiteral("click") : QStringLiteral("open");
}

bool fromString(const QString& text, EngagementKind* kind)
{
    return parseEnum(text, {EngagementKind::Open, EngagementKind::Click}, kind);
}

EngagementClassifier::EngagementClassifier() : EngagementClassifier(appleMailPrivacyNetworks()) {}

EngagementClassifier::EngagementClassifier(IpNetworkList appleMailPrivacyNetworks)
    : m_appleMailPrivacyNetworks(std::move(appleMailPrivacyNetworks))
{
}

EngagementVerdict EngagementClassifier::classify(const EngagementEvent& event) const
{
    const Context context{event, m_appleMailPrivacyNetworks};
    for (const Rule& rule : Rules) {
        if (rule.applies(context))
            return EngagementVerdict{rule.reason};
    }
    return EngagementVerdict{EngagementReason::Person};
}

std::optional<EngagementVerdict> impliedOpen(const EngagementVerdict& click, bool humanOpenCounted)
{
    if (!click.isHuman() || humanOpenCounted)
        return std::nullopt;
    return EngagementVerdict{EngagementReason::ImpliedByClick};
}

} // namespace herald
