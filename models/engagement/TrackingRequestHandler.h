#pragma once

#include "EngagementClassifier.h"
#include "EngagementRecord.h"
#include "IpNetwork.h"
#include "LinkDirectory.h"
#include "RecipientPages.h"
#include "TrackingToken.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHostAddress>

#include <functional>

namespace herald {

// One request to `herald serve`'s tracking paths, as the HTTP layer parsed it.
struct TrackingRequest
{
    QByteArray method;        // GET, HEAD, …
    QByteArray path;          // "/c/<token>", without query
    QByteArray userAgent;
    QByteArray forwardedFor;  // X-Forwarded-For, several headers joined by commas
    QHostAddress peer;
    qint64 nowMs = 0;
};

struct TrackingReply
{
    int status = 404;
    QByteArray contentType;
    QByteArray location; // 302 only
    QByteArray body;     // left out of a HEAD reply by the HTTP layer
    bool webPage = false; // the web view: served with a policy that lets no script run
    QByteArray outcome;   // for the request's log line, never an address: "click recorded", "bad token"…
};

// The open pixel (/o/), the click redirect (/c/) and the web view (/v/): checks the signed token (a tampered,
// truncated or foreign one gets 404 and records nothing), takes a redirect's target from the campaign's stored links
// only (so `herald serve` is no open redirect), classifies the request (EngagementClassifier, with the client address
// from X-Forwarded-For only behind trusted proxies) and hands one EngagementRecord per open or click to `record`.
// Test sends' tokens are answered and never recorded; an event `record` refuses (the spool is full) is answered and
// says so in the outcome. Thread-safe: every request thread calls handle().
class TrackingRequestHandler
{
    Q_DECLARE_TR_FUNCTIONS(herald::TrackingRequestHandler)
public:
    using Recorder = std::function<bool(const EngagementRecord&)>; // false: not recorded

    TrackingRequestHandler(Database& database, const QByteArray& secret, IpNetworkList trustedProxies, Recorder record);

    // Whether `path` is one of this handler's (the rest goes to the unsubscribe receiver).
    static bool handles(const QByteArray& path);
    TrackingReply handle(const TrackingRequest& request);

    // The 43-byte transparent GIF of the open pixel.
    static const QByteArray& pixel();

private:
    TrackingReply open(const TrackingRequest& request, const TrackingToken::Claims& claims);
    TrackingReply click(const TrackingRequest& request, const TrackingToken::Claims& claims);
    TrackingReply view(const TrackingToken::Claims& claims);
    // False when `m_record` refused it.
    bool recordEvent(const TrackingRequest& request, const TrackingToken::Claims& claims, EngagementKind kind);

    TrackingToken m_tokens;
    IpNetworkList m_trustedProxies;
    Recorder m_record;
    EngagementClassifier m_classifier;
    LinkDirectory m_links;
    RecipientPages m_pages;
};

} // namespace herald
