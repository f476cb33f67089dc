#pragma once

#include <QString>
#include <QStringView>

namespace herald {

// What kind of program a User-Agent header says made a request to the open pixel or a click redirect. Coarse on
// purpose: the engagement rules (EngagementClassifier) need to know "a person's browser", "a mail privacy proxy",
// "a link scanner", not versions. Stored with each event by its key (toString).
enum class UserAgentClass {
    Empty,             // "empty": no User-Agent header, or a blank one
    AppleMppCandidate, // "apple_mpp_candidate": exactly "Mozilla/5.0", what Apple's Mail Privacy Protection sends
    GmailProxy,        // "gmail_proxy": Gmail's image proxy (GoogleImageProxy)
    YahooProxy,        // "yahoo_proxy": Yahoo Mail's image proxy (YahooMailProxy)
    LinkScanner,       // "link_scanner": a mail security service checking links or images (Barracuda, Mimecast…)
    LinkPreview,       // "link_preview": a chat or social app fetching a preview (Slackbot, WhatsApp…)
    Headless,          // "headless": a browser without a screen (HeadlessChrome, PhantomJS)
    Script,            // "script": an HTTP library or command-line tool (curl, python-requests…)
    Bot,               // "bot": any other crawler, spider or bot that names itself
    OutlookDesktop,    // "outlook_desktop": Outlook for Windows loading images
    MailClient,        // "mail_client": a mail app (Thunderbird, Apple Mail) or an app's embedded web view
    Browser,           // "browser": a web browser (Chrome, Firefox, Safari, Edge…)
    Unknown,           // "unknown": none of the above
};

// First match in one ordered table of case-insensitive substrings (UserAgentClass.cpp).
UserAgentClass classifyUserAgent(QStringView userAgent);

QString toString(UserAgentClass userAgentClass);
bool fromString(const QString& text, UserAgentClass* userAgentClass);

} // namespace herald
