#pragma once

#include "ServeRouter.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>

#include <atomic>
#include <functional>

struct MHD_Daemon;

namespace herald::cli {

// `herald serve`'s HTTP/1.1 server: GNU libmicrohttpd with a pool of threads, each with its own epoll loop over the
// listening socket. Chosen by measurement (bench/http-candidates: at the same CPU per request as nginx, ahead of
// h2o, Beast, evhttp and Qt HTTP Server). Requests go to the router on these threads; a request's head over
// MaxHeadBytes gets 431 from the library, a body over MaxBodyBytes 413 (declared, or counted as it arrives).
class MhdHttpServer
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::MhdHttpServer)
public:
    using LogSink = std::function<void(const QByteArray&)>;

    static constexpr int MaxHeadBytes = 16 * 1024;
    static constexpr qint64 MaxBodyBytes = 8 * 1024;

    MhdHttpServer(ServeRouter& router, LogSink log) : m_router(router), m_log(std::move(log)) {}
    ~MhdHttpServer();
    MhdHttpServer(const MhdHttpServer&) = delete;
    MhdHttpServer& operator=(const MhdHttpServer&) = delete;

    // The port listened on (the one given, or the one chosen for port 0), or 0 with the reason in *error.
    quint16 listen(const QHostAddress& address, quint16 port, int threads, QString* error);
    // Stops accepting and waits for the requests in progress.
    void stop();

    qint64 requests() const { return m_requests.load(); }

private:
    friend struct MhdCallbacks; // the library's C callbacks, in the .cpp

    ServeRouter& m_router;
    LogSink m_log;
    MHD_Daemon* m_daemon = nullptr;
    std::atomic<qint64> m_requests{0};
};

} // namespace herald::cli
