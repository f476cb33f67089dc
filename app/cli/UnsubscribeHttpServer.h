#pragma once

#include "deliverability/OneClickUnsubscribe.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QTcpServer>

#include <functional>

namespace herald::cli {

// The HTTP side of the one-click unsubscribe receiver: Qt HTTP Server on one address, every path answered by
// OneClickUnsubscribe with the token from the "t" query parameter. Qt HTTP Server 6.4 reads any body into
// memory, so the connections pass through a listener that refuses an oversized request (413) from its
// Content-Length or from the bytes actually sent, before the server reads it, and closes idle connections.
class UnsubscribeHttpServer : public QObject
{
    Q_OBJECT

public:
    // One line per request for the log: method, path, status and outcome, never an address.
    using Logger = std::function<void(const QString&)>;

    UnsubscribeHttpServer(OneClickUnsubscribe& handler, Logger logger, QObject* parent = nullptr);

    // The port listened on (useful with port 0), or 0 with the reason in *error.
    quint16 listen(const QHostAddress& address, quint16 port, QString* error);

private:
    void answer(const QHttpServerRequest& request, QHttpServerResponder&& responder);

    OneClickUnsubscribe& m_handler;
    Logger m_log;
    QHttpServer m_server;
};

// Accepts connections for the HTTP server and refuses, on its own, requests larger than the receiver reads.
class SizeCappedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    SizeCappedTcpServer(qsizetype maxRequestBytes, QByteArray tooLargeResponse, QObject* parent = nullptr)
        : QTcpServer(parent), m_maxRequestBytes(maxRequestBytes), m_tooLargeResponse(std::move(tooLargeResponse))
    {
    }

signals:
    void refused();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    qsizetype m_maxRequestBytes;
    QByteArray m_tooLargeResponse;
};

} // namespace herald::cli
