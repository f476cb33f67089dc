#include "MediaRequestHandler.h"

#include "MediaReference.h"
#include "storage/MediaRepository.h"

#include <algorithm>

namespace herald {

namespace {
// A SHA-256 in lower-case hex, as the library stores it.
bool isSha256(const QByteArray& text)
{
    if (text.size() != 64)
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// Whether If-None-Match names `etag` (a list, maybe weak, or "*").
bool matches(const QByteArray& ifNoneMatch, const QByteArray& etag)
{
    for (QByteArray candidate : ifNoneMatch.split(',')) {
        candidate = candidate.trimmed();
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2);
        if (candidate == "*" || candidate == etag)
            return true;
    }
    return false;
}
} // namespace

bool MediaRequestHandler::handles(const QByteArray& path)
{
    return path.startsWith(MediaReference::publicPathPrefix().toLatin1());
}

MediaReply MediaRequestHandler::handle(const QByteArray& method, const QByteArray& path, const QByteArray& ifNoneMatch)
{
    MediaReply reply;
    if (method != "GET" && method != "HEAD") {
        reply.status = 405;
        reply.contentType = "text/plain; charset=utf-8";
        reply.body = "GET or HEAD only.\n";
        reply.outcome = "method not allowed";
        return reply;
    }
    // /m/<sha256> or /m/<sha256>/<name>: the name is for people; the bytes are named by their hash.
    const QByteArray rest = path.mid(MediaReference::publicPathPrefix().size());
    const QByteArray sha256 = rest.left(rest.indexOf('/') < 0 ? rest.size() : rest.indexOf('/'));
    const auto notFound = [&reply](const QByteArray& outcome) {
        reply.status = 404;
        reply.contentType = "text/plain; charset=utf-8";
        reply.body = "No such image.\n";
        reply.outcome = outcome;
        return reply;
    };
    if (!isSha256(sha256))
        return notFound("bad image path");
    auto image = MediaRepository(m_database).findBySha256(QString::fromLatin1(sha256));
    if (!image) {
        if (image.error().kind == Error::Kind::NotFound)
            return notFound("unknown image");
        reply.status = 503;
        reply.contentType = "text/plain; charset=utf-8";
        reply.body = "The image cannot be read now.\n";
        reply.outcome = "database unavailable";
        return reply;
    }
    reply.etag = '"' + sha256 + '"';
    reply.contentType = image->image.contentType.toLatin1();
    if (matches(ifNoneMatch, reply.etag)) {
        reply.status = 304;
        reply.outcome = "image not modified";
        return reply;
    }
    reply.status = 200;
    reply.body = image->image.bytes;
    reply.outcome = "image";
    return reply;
}

} // namespace herald
