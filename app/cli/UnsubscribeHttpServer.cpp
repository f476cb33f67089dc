#include "UnsubscribeHttpServer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaEnum>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace herald::cli {

namespace {

constexpr int IdleConnectionMs = 30000;
// Request line and headers of a browser's or mail receiver's request fit easily in this.
constexpr qsizetype MaxHeaderBytes = 16 * 1024;

OneClickUnsubscribe::Method methodOf(const QHttpServerRequest& request)
{
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        return OneClickUnsubscribe::Method::Get;
    case QHttpServerRequest::Method::Post:
        return OneClickUnsubscribe::Method::Post;
    default:
        return OneClickUnsubscribe::Method::Other;
    }
}

QString methodName(const QHttpServerRequest& request)
{
    const QByteArray key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(request.method()));
    return key.isEmpty() ? QStringLiteral("UNKNOWN") : QString::fromLatin1(key).toUpper();
}

QByteArray rawResponse(const OneClickUnsubscribe::Reply& reply)
{
    return "HTTP/1.1 " + QByteArray::number(reply.status) + " Payload Too Large\r\nContent-Type: " + reply.contentType
        + "\r\nContent-Length: " + QByteArray::number(reply.body.size()) + "\r\nConnection: close\r\n\r\n" + reply.body;
}

// The Content-Length of the request at the start of `head`, once its header block is complete; -1 before.
qint64 declaredLength(const QByteArray& head)
{
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0)
        return -1;
    for (const QByteArray& line : head.left(end).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare("Content-Length", Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed().toLongLong();
    }
    return 0;
}
} // namespace

void SizeCappedTcpServer::incomingConnection(qintptr descriptor)
{
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    auto* idle = new QTimer(socket);
    idle->setSingleShot(true);
    idle->start(IdleConnectionMs);
    connect(idle, &QTimer::timeout, socket, &QTcpSocket::disconnectFromHost);
    // Connected before the HTTP server's own slot, so this sees each chunk first. The limit counts the bytes of
    // the whole connection: a one-click POST, or a page and its POST, stay far below it.
    auto received = std::make_shared<qint64>(0);
    auto refusedAlready = std::make_shared<bool>(false);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, idle, received, refusedAlready] {
        if (*refusedAlready) {
            socket->readAll(); // drained, so the client can read the answer before the connection closes
            return;
        }
        idle->start(IdleConnectionMs);
        const QByteArray seen = socket->peek(socket->bytesAvailable());
        const qint64 total = *received + seen.size();
        const qint64 declared = *received == 0 ? declaredLength(seen) : -1;
        const bool headerTooLong = *received == 0 && declared < 0 && seen.size() > MaxHeaderBytes;
        if (total > m_maxRequestBytes + MaxHeaderBytes || declared > m_maxRequestBytes || headerTooLong) {
            *refusedAlready = true;
            socket->readAll();
            socket->write(m_tooLargeResponse);
            emit refused();
            QTimer::singleShot(1000, socket, &QTcpSocket::disconnectFromHost);
            return;
        }
        // Counted when the HTTP server has read it (it reads everything available in its slot).
        QTimer::singleShot(0, socket, [received, seen] { *received += seen.size(); });
    });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    addPendingConnection(socket);
}

UnsubscribeHttpServer::UnsubscribeHttpServer(OneClickUnsubscribe& handler, Logger logger, QObject* parent)
    : QObject(parent), m_handler(handler), m_log(std::move(logger))
{
    m_server.setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        answer(request, std::move(responder));
    });
}

quint16 UnsubscribeHttpServer::listen(const QHostAddress& address, quint16 port, QString* error)
{
    auto* tcp = new SizeCappedTcpServer(OneClickUnsubscribe::MaxBodyBytes, rawResponse(m_handler.tooLarge()), this);
    connect(tcp, &SizeCappedTcpServer::refused, this, [this] {
        m_log(QStringLiteral("%1 - - 413 body too large").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)));
    });
    if (!tcp->listen(address, port)) {
        *error = tr("Cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(tcp->errorString());
        delete tcp;
        return 0;
    }
    m_server.bind(tcp);
    return tcp->serverPort();
}

void UnsubscribeHttpServer::answer(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    OneClickUnsubscribe::Request unsubscribe;
    unsubscribe.method = methodOf(request);
    unsubscribe.token = request.query().queryItemValue(QStringLiteral("t"), QUrl::FullyDecoded);
    unsubscribe.contentType = request.value("Content-Type");
    unsubscribe.body = request.body();
    const OneClickUnsubscribe::Reply reply = m_handler.handle(unsubscribe);

    responder.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
    responder.writeHeader("Content-Type", reply.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    responder.writeHeader("Cache-Control", "no-store");
    responder.writeHeader("X-Content-Type-Options", "nosniff");
    responder.writeHeader("Referrer-Policy", "no-referrer");
    if (!reply.allow.isEmpty())
        responder.writeHeader("Allow", reply.allow);
    responder.writeBody(reply.body);

    m_log(QStringLiteral("%1 %2 %3 %4 %5%6")
              .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), methodName(request), request.url().path())
              .arg(reply.status)
              .arg(reply.outcome)
              .arg(reply.campaignId > 0 ? QStringLiteral(" campaign=%1").arg(reply.campaignId) : QString()));
}

} // namespace herald::cli
