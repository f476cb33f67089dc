#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace herald {

// Why an open or a click was counted as a person's or a machine's; each reason decides which. Stored by its key.
enum class EngagementReason {
    Person,               // "person"
    ImpliedByClick,       // "implied_by_click": the open a person's click proves (impliedOpen)
    GmailProxy,           // "gmail_proxy"
    YahooProxy,           // "yahoo_proxy"
    AppleMpp,             // "apple_mpp"
    GenericUserAgent,     // "generic_user_agent": MPP's bare "Mozilla/5.0" from outside Apple's known addresses
    HeadRequest,          // "head_request"
    NoUserAgent,          // "no_user_agent"
    ScannerAgent,         // "scanner_agent"
    LinkPreview,          // "link_preview"
    ScriptAgent,          // "script_agent"
    HeadlessBrowser,      // "headless_browser"
    BotAgent,             // "bot_agent"
    HiddenLink,           // "hidden_link"
    TooSoonAfterDelivery, // "too_soon_after_delivery"
    Burst,                // "burst"
};

// The decision about one open or click: a person or a machine, and the reason, as a key to store and a sentence
// to show ("Gmail's image proxy fetches the image when the person opens the message.").
struct EngagementVerdict
{
    Q_DECLARE_TR_FUNCTIONS(herald::EngagementVerdict)
public:
    EngagementReason reason = EngagementReason::Person;

    bool isHuman() const;
    QString key() const;
    QString explanation() const;

    // A stored key read back; nothing for a key this version does not know.
    static std::optional<EngagementVerdict> fromKey(const QString& key);
    bool operator==(const EngagementVerdict& other) const { return reason == other.reason; }
};

} // namespace herald
