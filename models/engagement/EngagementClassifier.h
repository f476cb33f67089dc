#pragma once

#include "engagement/EngagementVerdict.h"
#include "engagement/IpNetwork.h"
#include "engagement/UserAgentClass.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <optional>

namespace herald {

enum class EngagementKind {
    Open,  // "open": the open pixel (/o/<token>) was fetched
    Click, // "click": a click redirect (/c/<token>) was followed
};

QString toString(EngagementKind kind);
bool fromString(const QString& text, EngagementKind* kind);

// What the classifier looks at in one request to the open pixel or a click redirect.
struct EngagementEvent
{
    EngagementKind kind = EngagementKind::Open;
    QByteArray method = "GET";                         // the HTTP method, as received
    UserAgentClass userAgent = UserAgentClass::Unknown; // classifyUserAgent() of the User-Agent header
    QHostAddress clientAddress;                         // ClientAddress::address(): full, before truncation
    bool hiddenLink = false;                            // a click on the message's hidden trap link
    std::optional<qint64> secondsSinceDelivery;        // when the send's delivery time is known
    bool inBurst = false;                               // BurstDetector put this click in a burst
};

// Decides whether an open or a click was a person's or a machine's, by rules that each fit on one line (the table
// in EngagementClassifier.cpp); the first rule that applies gives the verdict and its reason.
class EngagementClassifier
{
public:
    // A person needs longer than this to notice a message, open it, read it and click. Mail security gateways
    // follow links as the message passes through them, within a few seconds of our server handing it over.
    // Delivery time is when the receiving server accepted the message, so relays add a few seconds before
    // the gateway scans; 10 s covers that and is still well below any reading time.
    static constexpr qint64 ScannerClickWindowSeconds = 10;

    // With the shipped table of Apple's Mail Privacy Protection addresses.
    EngagementClassifier();
    explicit EngagementClassifier(IpNetworkList appleMailPrivacyNetworks);

    EngagementVerdict classify(const EngagementEvent& event) const;

private:
    IpNetworkList m_appleMailPrivacyNetworks;
};

// "A click without a prior open counts as an open": a person who clicked a link read the message, even when the open
// pixel did not load (images blocked) or loaded only for a machine (Apple's prefetch). Given a click's verdict and
// whether a person's open is already counted for the send (or, for anonymous tokens, the campaign and client),
// returns the open the roll-up counts for it, or nothing. A machine's click proves nothing.
std::optional<EngagementVerdict> impliedOpen(const EngagementVerdict& click, bool humanOpenCounted);

} // namespace herald
