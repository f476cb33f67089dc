#include "MhdHttpServer.h"

#include <QDateTime>

#include <microhttpd.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>

namespace herald::cli {

namespace {
// One request in progress: its body as it arrives (the unsubscribe receiver's POST) and whether it was refused.
struct Exchange
{
    QByteArray body;
    bool headSeen = false;
};

QByteArray header(MHD_Connection* connection, const char* name)
{
    const char* value = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, name);
    return value ? QByteArray(value) : QByteArray();
}

// Every X-Forwarded-For header, joined by commas in the order received (each proxy may add its own).
QByteArray forwardedFor(MHD_Connection* connection)
{
    QByteArray joined;
    MHD_get_connection_values(
        connection, MHD_HEADER_KIND,
        [](void* out, MHD_ValueKind, const char* key, const char* value) -> MHD_Result {
            if (key && value && strcasecmp(key, "X-Forwarded-For") == 0) {
                auto* all = static_cast<QByteArray*>(out);
                if (!all->isEmpty())
                    all->append(',');
                all->append(value);
            }
            return MHD_YES;
        },
        &joined);
    return joined;
}

QHostAddress peerOf(MHD_Connection* connection)
{
    const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    QHostAddress address;
    if (info && info->client_addr)
        address.setAddress(info->client_addr);
    return address;
}
} // namespace

struct MhdCallbacks
{
    static MHD_Result answer(MhdHttpServer& server, MHD_Connection* connection, const HttpReply& reply)
    {
        MHD_Response* response = MHD_create_response_from_buffer(size_t(reply.body.size()),
                                                                 const_cast<char*>(reply.body.constData()),
                                                                 MHD_RESPMEM_MUST_COPY);
        for (const auto& [name, value] : reply.headers)
            MHD_add_response_header(response, name.constData(), value.constData());
        const MHD_Result queued = MHD_queue_response(connection, unsigned(reply.status), response);
        MHD_destroy_response(response);
        ++server.m_requests;
        if (server.m_log)
            server.m_log(reply.logLine);
        return queued;
    }

    static MHD_Result onRequest(void* self, MHD_Connection* connection, const char* url, const char* method,
                                const char*, const char* upload, size_t* uploadSize, void** state)
    {
        auto& server = *static_cast<MhdHttpServer*>(self);
        auto* exchange = static_cast<Exchange*>(*state);
        if (!exchange) {
            // The head only. A response queued now closes the connection after it: right for a refusal only.
            const QByteArray declared = header(connection, MHD_HTTP_HEADER_CONTENT_LENGTH);
            if (!declared.isEmpty() && declared.toLongLong() > MhdHttpServer::MaxBodyBytes)
                return answer(server, connection, server.m_router.tooLarge());
            // A body of unknown length (chunked) could only be refused once too much of it had come, and the
            // library cannot answer in the middle of a body: such a request is refused now (411).
            if (declared.isEmpty() && !header(connection, MHD_HTTP_HEADER_TRANSFER_ENCODING).isEmpty())
                return answer(server, connection, server.m_router.lengthRequired());
            *state = new Exchange;
            return MHD_YES;
        }
        if (*uploadSize > 0) {
            if (exchange->body.size() + qint64(*uploadSize) > MhdHttpServer::MaxBodyBytes)
                return MHD_NO; // more than it declared: the connection is closed
            exchange->body.append(upload, qsizetype(*uploadSize));
            *uploadSize = 0;
            return MHD_YES;
        }
        HttpRequest request;
        request.method = method;
        request.path = url;
        if (const char* token = MHD_lookup_connection_value(connection, MHD_GET_ARGUMENT_KIND, "t"))
            request.token = QString::fromUtf8(token); // the library has decoded it
        request.userAgent = header(connection, MHD_HTTP_HEADER_USER_AGENT);
        request.forwardedFor = forwardedFor(connection);
        request.contentType = header(connection, MHD_HTTP_HEADER_CONTENT_TYPE);
        request.ifNoneMatch = header(connection, MHD_HTTP_HEADER_IF_NONE_MATCH);
        request.body = std::move(exchange->body);
        request.peer = peerOf(connection);
        return answer(server, connection, server.m_router.route(request, QDateTime::currentMSecsSinceEpoch()));
    }

    static void onCompleted(void*, MHD_Connection*, void** state, MHD_RequestTerminationCode)
    {
        delete static_cast<Exchange*>(*state);
        *state = nullptr;
    }
};

MhdHttpServer::~MhdHttpServer()
{
    stop();
}

quint16 MhdHttpServer::listen(const QHostAddress& address, quint16 port, int threads, QString* error)
{
    sockaddr_storage storage{};
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto* v6 = reinterpret_cast<sockaddr_in6*>(&storage);
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&v6->sin6_addr, &bytes, sizeof bytes);
        flags |= MHD_USE_IPv6;
    } else {
        auto* v4 = reinterpret_cast<sockaddr_in*>(&storage);
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        v4->sin_addr.s_addr = htonl(address.toIPv4Address());
    }
    m_daemon = MHD_start_daemon(flags, port, nullptr, nullptr, &MhdCallbacks::onRequest, this,
                                MHD_OPTION_SOCK_ADDR, reinterpret_cast<sockaddr*>(&storage),
                                MHD_OPTION_THREAD_POOL_SIZE, unsigned(qMax(1, threads)),
                                // The per-connection memory pool: a head that does not fit gets 431.
                                MHD_OPTION_CONNECTION_MEMORY_LIMIT, size_t(2 * MaxHeadBytes),
                                MHD_OPTION_CONNECTION_TIMEOUT, 30u,
                                MHD_OPTION_NOTIFY_COMPLETED, &MhdCallbacks::onCompleted, this,
                                MHD_OPTION_END);
    if (!m_daemon) {
        *error = tr("Cannot listen on %1:%2 (is the port in use?)").arg(address.toString()).arg(port);
        return 0;
    }
    // The port chosen for port 0: from the listening socket.
    const MHD_DaemonInfo* info = MHD_get_daemon_info(m_daemon, MHD_DAEMON_INFO_LISTEN_FD);
    sockaddr_storage bound{};
    socklen_t boundLength = sizeof bound;
    if (!info || getsockname(info->listen_fd, reinterpret_cast<sockaddr*>(&bound), &boundLength) != 0)
        return port;
    return ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                             : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
}

void MhdHttpServer::stop()
{
    if (m_daemon) {
        MHD_stop_daemon(m_daemon);
        m_daemon = nullptr;
    }
}

} // namespace herald::cli
