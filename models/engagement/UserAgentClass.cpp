#include "engagement/UserAgentClass.h"

#include "domain/EnumText.h"

#include <string_view>
#include <utility>
#include <vector>

namespace herald {

namespace {

// What Apple Mail Privacy Protection's fetcher sends, and nothing else: the whole header is this (uap-core issue
// #509, September 2021). Matched exactly; as a substring it is in nearly every User-Agent.
const QLatin1String BareMozilla("Mozilla/5.0");

struct Token
{
    const char* text;
    UserAgentClass userAgentClass;
};

// The table: a User-Agent gets the class of the first token it contains, compared without case. Order matters:
// proxies, scanners and robots often imitate a browser ("... Chrome/100 Safari/537.36"), so they come first, and
// the bare "AppleWebKit/" of mail apps' web views comes after every browser name.
const Token Tokens[] = {
    // Mail privacy proxies fetch images for the person's mail app.
    {"GoogleImageProxy", UserAgentClass::GmailProxy},
    {"YahooMailProxy", UserAgentClass::YahooProxy},

    // Mail security services that name themselves ("Cisco" and "McAfee" alone also match people's browsers: "San
    // Francisco" phones, McAfee-branded PCs). Most fetch with an ordinary browser's string instead (Mimecast,
    // Proofpoint, Microsoft Safe Links usually do); the timing, burst and hidden-link rules catch those.
    {"Barracuda", UserAgentClass::LinkScanner},
    {"Mimecast", UserAgentClass::LinkScanner},
    {"Proofpoint", UserAgentClass::LinkScanner},
    {"Trend Micro", UserAgentClass::LinkScanner},
    {"TrendMicro", UserAgentClass::LinkScanner},
    {"Symantec", UserAgentClass::LinkScanner},
    {"Broadcom", UserAgentClass::LinkScanner},
    {"Zscaler", UserAgentClass::LinkScanner},
    {"Forcepoint", UserAgentClass::LinkScanner},
    {"Websense", UserAgentClass::LinkScanner},
    {"Sophos", UserAgentClass::LinkScanner},
    {"IronPort", UserAgentClass::LinkScanner},
    {"SafeLinks", UserAgentClass::LinkScanner},
    {"Safe Links", UserAgentClass::LinkScanner},
    {"Microsoft-URLAnalyzer", UserAgentClass::LinkScanner},
    {"FireEye", UserAgentClass::LinkScanner},
    {"Trellix", UserAgentClass::LinkScanner},
    {"Palo Alto", UserAgentClass::LinkScanner},
    {"paloaltonetworks", UserAgentClass::LinkScanner},
    {"Fortinet", UserAgentClass::LinkScanner},
    {"FortiGuard", UserAgentClass::LinkScanner},
    {"Kaspersky", UserAgentClass::LinkScanner},
    {"Bitdefender", UserAgentClass::LinkScanner},
    {"Check Point", UserAgentClass::LinkScanner},
    {"SonicWall", UserAgentClass::LinkScanner},
    {"urlscan", UserAgentClass::LinkScanner}, // urlscan.io, CloudflareRadarURLScanner
    {"virustotal", UserAgentClass::LinkScanner},
    {"Gmail-content-sampling", UserAgentClass::LinkScanner}, // Google following links to judge a sender

    // Chat and social apps fetching a link to show its preview.
    {"Slackbot", UserAgentClass::LinkPreview},
    {"Twitterbot", UserAgentClass::LinkPreview},
    {"facebookexternalhit", UserAgentClass::LinkPreview},
    {"LinkedInBot", UserAgentClass::LinkPreview},
    {"Discordbot", UserAgentClass::LinkPreview},
    {"TelegramBot", UserAgentClass::LinkPreview},
    {"WhatsApp", UserAgentClass::LinkPreview},
    {"SkypeUriPreview", UserAgentClass::LinkPreview},
    {"MicrosoftPreview", UserAgentClass::LinkPreview}, // Teams and Outlook on the web
    {"Yahoo Link Preview", UserAgentClass::LinkPreview},
    {"BingPreview", UserAgentClass::LinkPreview},

    // Browsers without a screen, driven by programs.
    {"HeadlessChrome", UserAgentClass::Headless},
    {"PhantomJS", UserAgentClass::Headless},
    {"Puppeteer", UserAgentClass::Headless},

    // HTTP libraries and command-line tools.
    {"curl", UserAgentClass::Script},
    {"Wget", UserAgentClass::Script},
    {"python-requests", UserAgentClass::Script},
    {"python-urllib", UserAgentClass::Script},
    {"aiohttp", UserAgentClass::Script},
    {"python-httpx", UserAgentClass::Script},
    {"Go-http-client", UserAgentClass::Script},
    {"Java/", UserAgentClass::Script},
    {"Apache-HttpClient", UserAgentClass::Script},
    {"libwww-perl", UserAgentClass::Script},
    {"okhttp", UserAgentClass::Script},
    {"axios", UserAgentClass::Script},
    {"node-fetch", UserAgentClass::Script},
    {"undici", UserAgentClass::Script},
    {"GuzzleHttp", UserAgentClass::Script},

    // Any other robot that says so: by name ("Googlebot/2.1", "Baiduspider/2.0") or by the address of a page
    // about it ("+http://…"). Plain "bot " or "bot)" would also match phones such as "CUBOT X30" or "M bot 54".
    {"bot/", UserAgentClass::Bot},
    {"bot-", UserAgentClass::Bot},
    {"bot.", UserAgentClass::Bot},
    {"crawler", UserAgentClass::Bot},
    {"spider/", UserAgentClass::Bot},
    {"spider-", UserAgentClass::Bot},
    {"spider+", UserAgentClass::Bot},
    {"Slurp", UserAgentClass::Bot},
    {"+http", UserAgentClass::Bot},

    // Mail apps. Outlook for Windows says "MSIE 7.0" too, so it comes before the browsers.
    {"ms-office", UserAgentClass::OutlookDesktop},
    {"MSOffice", UserAgentClass::OutlookDesktop},
    {"Microsoft Outlook", UserAgentClass::OutlookDesktop},
    {"Thunderbird", UserAgentClass::MailClient},
    {"Airmail", UserAgentClass::MailClient},
    {"Postbox", UserAgentClass::MailClient},
    {"eM Client", UserAgentClass::MailClient},
    {"Mailbird", UserAgentClass::MailClient},

    // Browsers.
    {"Firefox/", UserAgentClass::Browser},
    {"FxiOS/", UserAgentClass::Browser},
    {"Chrome/", UserAgentClass::Browser},
    {"CriOS/", UserAgentClass::Browser},
    {"Chromium/", UserAgentClass::Browser},
    {"Edg/", UserAgentClass::Browser},
    {"Edge/", UserAgentClass::Browser},
    {"OPR/", UserAgentClass::Browser},
    {"Opera", UserAgentClass::Browser},
    {"SamsungBrowser/", UserAgentClass::Browser},
    {"Safari/", UserAgentClass::Browser},
    {"Trident/", UserAgentClass::Browser},
    {"MSIE ", UserAgentClass::Browser},

    // WebKit without a browser's name: Apple Mail on the Mac and iPhone, or another app's embedded web view.
    {"AppleWebKit/", UserAgentClass::MailClient},
};

const std::pair<UserAgentClass, const char*> Keys[] = {
    {UserAgentClass::Empty, "empty"},
    {UserAgentClass::AppleMppCandidate, "apple_mpp_candidate"},
    {UserAgentClass::GmailProxy, "gmail_proxy"},
    {UserAgentClass::YahooProxy, "yahoo_proxy"},
    {UserAgentClass::LinkScanner, "link_scanner"},
    {UserAgentClass::LinkPreview, "link_preview"},
    {UserAgentClass::Headless, "headless"},
    {UserAgentClass::Script, "script"},
    {UserAgentClass::Bot, "bot"},
    {UserAgentClass::OutlookDesktop, "outlook_desktop"},
    {UserAgentClass::MailClient, "mail_client"},
    {UserAgentClass::Browser, "browser"},
    {UserAgentClass::Unknown, "unknown"},
};

// The table's tokens case-folded, as UTF-8. Every request of `herald serve` is classified: folding the User-Agent
// once and searching its bytes for each folded token finds what a case-insensitive QStringView::contains finds
// (it folds both sides character by character with the same table; an ASCII token's bytes cannot match inside a
// multi-byte character), at a fraction of the cost of folding every character again for each of ~100 tokens.
struct FoldedToken
{
    QByteArray text;
    UserAgentClass userAgentClass;
};

const std::vector<FoldedToken>& foldedTokens()
{
    static const std::vector<FoldedToken> folded = [] {
        std::vector<FoldedToken> tokens;
        for (const Token& token : Tokens)
            tokens.push_back({QString::fromLatin1(token.text).toCaseFolded().toUtf8(), token.userAgentClass});
        return tokens;
    }();
    return folded;
}

// `text` case-folded, as UTF-8. Nearly every User-Agent is ASCII, whose folding is lower case.
QByteArray caseFolded(QStringView text)
{
    QByteArray folded(text.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c >= 0x80)
            return text.toString().toCaseFolded().toUtf8();
        folded[i] = char(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    return folded;
}

} // namespace

UserAgentClass classifyUserAgent(QStringView userAgent)
{
    const QStringView trimmed = userAgent.trimmed();
    if (trimmed.isEmpty())
        return UserAgentClass::Empty;
    if (trimmed.compare(BareMozilla, Qt::CaseInsensitive) == 0)
        return UserAgentClass::AppleMppCandidate;
    const QByteArray folded = caseFolded(trimmed);
    const std::string_view haystack(folded.constData(), size_t(folded.size()));
    for (const FoldedToken& token : foldedTokens()) {
        if (haystack.find(std::string_view(token.text.constData(), size_t(token.text.size()))) != std::string_view::npos)
            return token.userAgentClass;
    }
    return UserAgentClass::Unknown;
}

QString toString(UserAgentClass userAgentClass)
{
    for (const auto& [candidate, key] : Keys) {
        if (candidate == userAgentClass)
            return QLatin1String(key);
    }
    return {};
}

bool fromString(const QString& text, UserAgentClass* userAgentClass)
{
    using C = UserAgentClass;
    return parseEnum(text,
                     {C::Empty, C::AppleMppCandidate, C::GmailProxy, C::YahooProxy, C::LinkScanner, C::LinkPreview,
                      C::Headless, C::Script, C::Bot, C::OutlookDesktop, C::MailClient, C::Browser, C::Unknown},
                     userAgentClass);
}

} // namespace herald
