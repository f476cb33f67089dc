#pragma once

#include "storage/Database.h"

#include <QByteArray>

namespace herald {

struct MediaReply
{
    int status = 404;
    QByteArray contentType;
    QByteArray etag;    // quoted; with 200 and 304
    QByteArray body;    // left out of a HEAD reply by the HTTP layer
    QByteArray outcome; // for the request's log line
};

// `herald serve`'s /m/<sha256>/<name>: the media library images of campaigns whose images are linked
// (MediaReference::publicUrl). The path names the bytes, so an answer never changes: cached for a year, with the
// SHA-256 as ETag (If-None-Match gets 304). Nothing is recorded: an image is no open. Thread-safe: each request
// thread reads through its own connection.
class MediaRequestHandler
{
public:
    explicit MediaRequestHandler(Database& database) : m_database(database) {}

    static bool handles(const QByteArray& path);
    MediaReply handle(const QByteArray& method, const QByteArray& path, const QByteArray& ifNoneMatch);
    // Cache-Control for an image (its URL changes with its bytes).
    static QByteArray cacheControl() { return QByteArrayLiteral("public, max-age=31536000, immutable"); }

private:
    Database& m_database;
};

} // namespace herald
