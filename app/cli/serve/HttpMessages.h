#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace herald::cli {

// One HTTP request as the server library parsed it (the body only for the unsubscribe receiver's POST).
struct HttpRequest
{
    QByteArray method;
    QByteArray path;  // without the query
    QString token;    // the "t" query parameter, decoded (the unsubscribe link's token)
    QByteArray userAgent;
    QByteArray forwardedFor;
    QByteArray contentType;
    QByteArray ifNoneMatch; // the image paths answer 304 when it names the image
    QByteArray body;
    QHostAddress peer;
};

struct HttpReply
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // besides Content-Length, which the server library writes
    QByteArray body;
    bool withoutBody = false; // HEAD
    QByteArray logLine;       // one line, never an address or a token
};

} // namespace herald::cli
