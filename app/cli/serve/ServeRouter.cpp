#include "ServeRouter.h"

namespace herald::cli {

namespace {
using Header = QPair<QByteArray, QByteArray>;

// The web view is the campaign's own HTML: shown, never run (no script, form, frame or plugin of any kind).
const QByteArray WebViewPolicy = QByteArrayLiteral("default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; "
                                                   "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");

QByteArray logLine(const QByteArray& method, const QByteArray& route, int status, const QByteArray& outcome)
{
    return method + ' ' + route + ' ' + QByteArray::number(status) + ' ' + outcome;
}

OneClickUnsubscribe::Method unsubscribeMethod(const QByteArray& method)
{
    if (method == "GET")
        return OneClickUnsubscribe::Method::Get;
    if (method == "POST")
        return OneClickUnsubscribe::Method::Post;
    return OneClickUnsubscribe::Method::Other;
}
} // namespace

HttpReply ServeRouter::route(const HttpRequest& request, qint64 nowMs)
{
    if (request.path == "/healthz")
        return health();
    if (MetricsEndpoint::handles(request.path))
        return m_metrics.answer(request.method);
    if (TrackingRequestHandler::handles(request.path))
        return tracking(request, nowMs);
    if (MediaRequestHandler::handles(request.path))
        return media(request);
    return unsubscribe(request);
}

HttpReply ServeRouter::media(const HttpRequest& request)
{
    const MediaReply answer = m_media.handle(request.method, request.path, request.ifNoneMatch);
    HttpReply reply;
    reply.status = answer.status;
    reply.withoutBody = request.method == "HEAD";
    if (!answer.contentType.isEmpty())
        reply.headers.append(Header("Content-Type", answer.contentType));
    if (!answer.etag.isEmpty()) {
        reply.headers.append(Header("ETag", answer.etag));
        reply.headers.append(Header("Cache-Control", MediaRequestHandler::cacheControl()));
    } else {
        reply.headers.append(Header("Cache-Control", "no-store"));
    }
    reply.headers.append(Header("X-Content-Type-Options", "nosniff"));
    if (answer.status == 405)
        reply.headers.append(Header("Allow", "GET, HEAD"));
    reply.body = answer.body;
    reply.logLine = logLine(request.method, "/m/", reply.status, answer.outcome);
    return reply;
}

HttpReply ServeRouter::health() const
{
    const QString problem = m_health ? m_health() : QString();
    HttpReply reply;
    reply.status = problem.isEmpty() ? 200 : 503;
    reply.headers = {{"Content-Type", "text/plain; charset=utf-8"}, {"Cache-Control", "no-store"}};
    reply.body = problem.isEmpty() ? QByteArrayLiteral("ok\n") : problem.toUtf8() + '\n';
    reply.logLine = logLine("GET", "/healthz", reply.status, problem.isEmpty() ? "ok" : "unhealthy");
    return reply;
}

HttpReply ServeRouter::tracking(const HttpRequest& request, qint64 nowMs)
{
    TrackingRequest tracked;
    tracked.method = request.method;
    tracked.path = request.path;
    tracked.userAgent = request.userAgent;
    tracked.forwardedFor = request.forwardedFor;
    tracked.peer = request.peer;
    tracked.nowMs = nowMs;
    TrackingReply answer = m_tracking.handle(tracked);

    HttpReply reply;
    reply.status = answer.status;
    reply.withoutBody = request.method == "HEAD";
    if (!answer.contentType.isEmpty())
        reply.headers.append(Header("Content-Type", answer.contentType));
    if (!answer.location.isEmpty())
        reply.headers.append(Header("Location", answer.location));
    // Every fetch must reach us: a cached pixel or redirect is an open or click nobody counts.
    reply.headers.append(Header("Cache-Control", "no-store, no-cache, must-revalidate, max-age=0"));
    reply.headers.append(Header("Pragma", "no-cache"));
    reply.headers.append(Header("Expires", "0"));
    reply.headers.append(Header("Referrer-Policy", "no-referrer"));
    reply.headers.append(Header("X-Content-Type-Options", "nosniff"));
    if (answer.webPage)
        reply.headers.append(Header("Content-Security-Policy", WebViewPolicy));
    if (answer.status == 405)
        reply.headers.append(Header("Allow", "GET, HEAD"));
    reply.body = std::move(answer.body);
    reply.logLine = logLine(request.method, request.path.left(3), reply.status, answer.outcome);
    return reply;
}

HttpReply ServeRouter::unsubscribe(const HttpRequest& request)
{
    OneClickUnsubscribe::Request asked;
    asked.method = unsubscribeMethod(request.method);
    asked.token = request.token;
    asked.contentType = request.contentType;
    asked.body = request.body;
    const OneClickUnsubscribe::Reply answer = m_unsubscribe.handle(asked);

    HttpReply reply;
    reply.status = answer.status;
    reply.headers = {{"Content-Type", answer.contentType},
                     {"Cache-Control", "no-store"},
                     {"X-Content-Type-Options", "nosniff"},
                     {"Referrer-Policy", "no-referrer"}};
    if (!answer.allow.isEmpty())
        reply.headers.append(Header("Allow", answer.allow));
    reply.body = answer.body;
    reply.logLine = logLine(request.method, request.path, reply.status, answer.outcome.toUtf8())
        + (answer.campaignId > 0 ? " campaign=" + QByteArray::number(answer.campaignId) : QByteArray());
    return reply;
}

HttpReply ServeRouter::tooLarge() const
{
    const OneClickUnsubscribe::Reply answer = m_unsubscribe.tooLarge();
    HttpReply reply;
    reply.status = answer.status;
    reply.headers = {{"Content-Type", answer.contentType}, {"Connection", "close"}};
    reply.body = answer.body;
    reply.logLine = "- - 413 request too large";
    return reply;
}

HttpReply ServeRouter::lengthRequired() const
{
    HttpReply reply;
    reply.status = 411;
    reply.headers = {{"Content-Type", "text/plain; charset=utf-8"}, {"Connection", "close"}};
    reply.body = QByteArrayLiteral("A request body needs a Content-Length here.\n");
    reply.logLine = "- - 411 body without a length";
    return reply;
}

} // namespace herald::cli
