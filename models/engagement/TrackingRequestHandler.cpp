#include "TrackingRequestHandler.h"

#include "ClientAddress.h"
#include "UserAgentClass.h"

#include <QUrl>

namespace herald {

namespace {
TrackingReply notFound(const char* outcome)
{
    TrackingReply reply;
    reply.status = 404;
    reply.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    reply.body = QByteArrayLiteral("Not found\n");
    reply.outcome = outcome;
    return reply;
}
} // namespace

TrackingRequestHandler::TrackingRequestHandler(Database& database, const QByteArray& secret, IpNetworkList trustedProxies,
                                               Recorder record)
    : m_tokens(secret), m_trustedProxies(std::move(trustedProxies)), m_record(std::move(record)), m_links(database),
      m_pages(database, secret)
{
}

const QByteArray& TrackingRequestHandler::pixel()
{
    // GIF89a, 1×1, one transparent colour: the smallest image every mail client shows as nothing.
    static const QByteArray gif = QByteArray::fromHex("47494638396101000100800000000000ffffff21f90401000000002c0000000001000100000202440100"
                                                      "3b");
    return gif;
}

bool TrackingRequestHandler::handles(const QByteArray& path)
{
    return path.size() > 3 && path.at(0) == '/' && path.at(2) == '/'
        && (path.at(1) == 'o' || path.at(1) == 'c' || path.at(1) == 'v');
}

TrackingReply TrackingRequestHandler::handle(const TrackingRequest& request)
{
    if (request.method != "GET" && request.method != "HEAD") {
        TrackingReply reply = notFound("method not allowed");
        reply.status = 405;
        return reply;
    }
    if (!handles(request.path))
        return notFound("unknown path");
    const auto claims = m_tokens.verify(QString::fromLatin1(request.path.mid(3)));
    if (!claims || char(claims->kind) != request.path.at(1))
        return notFound("bad token");
    switch (claims->kind) {
    case TrackingToken::Kind::Open:
        return open(request, *claims);
    case TrackingToken::Kind::Click:
        return click(request, *claims);
    case TrackingToken::Kind::View:
        return view(*claims);
    }
    return notFound("bad token");
}

TrackingReply TrackingRequestHandler::open(const TrackingRequest& request, const TrackingToken::Claims& claims)
{
    const bool recorded = recordEvent(request, claims, EngagementKind::Open);
    TrackingReply reply;
    reply.status = 200;
    reply.contentType = QByteArrayLiteral("image/gif");
    reply.body = pixel();
    reply.outcome = claims.test ? "test open" : recorded ? "open recorded" : "open not recorded: spool full";
    return reply;
}

TrackingReply TrackingRequestHandler::click(const TrackingRequest& request, const TrackingToken::Claims& claims)
{
    TrackingReply reply;
    if (claims.linkNo == 0) {
        // The hidden link no person can see: only machines that follow every link come here.
        const bool recorded = recordEvent(request, claims, EngagementKind::Click);
        reply.status = 200;
        reply.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
        reply.body = QByteArrayLiteral("This link is not meant to be followed.\n");
        reply.outcome = recorded ? "hidden link" : "hidden link not recorded: spool full";
        return reply;
    }
    const auto links = m_links.linksOf(claims.campaignId, request.nowMs);
    const auto link = links->constFind(claims.linkNo);
    if (link == links->cend())
        return notFound("unknown link");
    QString target = link->url;
    if (link->personalised) {
        if (claims.sendId == 0)
            return notFound("unknown link"); // never issued: anonymous tokens cannot carry a personalised link
        auto rendered = m_pages.personalisedTarget(claims.campaignId, claims.sendId, *link);
        if (!rendered)
            return notFound("recipient gone");
        target = rendered.value();
    }
    const QUrl url(target);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return notFound("unusable target");
    const bool recorded = recordEvent(request, claims, EngagementKind::Click);
    reply.status = 302;
    reply.location = url.toEncoded();
    reply.outcome = claims.test ? "test click" : recorded ? "click recorded" : "click not recorded: spool full";
    return reply;
}

TrackingReply TrackingRequestHandler::view(const TrackingToken::Claims& claims)
{
    auto page = m_pages.webView(claims.campaignId, claims.sendId);
    if (!page)
        return notFound(page.error().kind == Error::Kind::NotFound ? "view gone" : "view failed");
    TrackingReply reply;
    reply.status = 200;
    reply.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    reply.body = std::move(page).value();
    reply.webPage = true;
    reply.outcome = "web view";
    return reply;
}

bool TrackingRequestHandler::recordEvent(const TrackingRequest& request, const TrackingToken::Claims& claims, EngagementKind kind)
{
    if (claims.test)
        return true;
    const ClientAddress client = ClientAddress::fromRequest(request.peer, QString::fromLatin1(request.forwardedFor), m_trustedProxies);
    EngagementEvent facts;
    facts.kind = kind;
    facts.method = request.method;
    facts.userAgent = classifyUserAgent(QString::fromUtf8(request.userAgent));
    facts.clientAddress = client.address();
    facts.hiddenLink = kind == EngagementKind::Click && claims.linkNo == 0;
    const EngagementVerdict verdict = m_classifier.classify(facts);

    EngagementRecord record;
    record.campaignId = claims.campaignId;
    record.sendId = claims.sendId;
    record.linkNo = claims.linkNo;
    record.kind = kind;
    record.occurredAtMs = request.nowMs;
    record.method = QString::fromLatin1(request.method);
    record.agentClass = toString(facts.userAgent);
    record.clientNet = client.truncated();
    record.machine = !verdict.isHuman();
    record.reason = verdict.key();
    return m_record(record);
}

} // namespace herald
