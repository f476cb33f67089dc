// Qt HTTP Server 6.4: one thread per core, each with its own event loop, QHttpServer and QTcpServer on its own
// SO_REUSEPORT socket. Every path goes to the missing-handler, which dispatches by prefix as the other prototypes
// do (a QHttpServer route would add a regular-expression match per request).
#include "HotPath.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <QThread>

namespace {

std::unique_ptr<bench::ClickHandler> clicks;

std::string_view methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Post:
        return "POST";
    default:
        return "OTHER";
    }
}

void answer(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    // Qt hands out the target only as a QUrl: back to bytes for the token.
    const QByteArray path = request.url().path(QUrl::FullyEncoded).toLatin1();
    const QByteArray userAgent = request.value("User-Agent");
    const std::string* url = clicks->handle(methodName(request.method()), {path.constData(), std::size_t(path.size())},
                                            {userAgent.constData(), std::size_t(userAgent.size())});
    if (!url) {
        responder.write(QHttpServerResponder::StatusCode::NotFound);
        return;
    }
    responder.writeStatusLine(QHttpServerResponder::StatusCode::Found);
    responder.writeHeader("Location", QByteArray::fromRawData(url->data(), qsizetype(url->size())));
    responder.writeHeader("Cache-Control", "no-store");
    responder.writeHeader("Content-Length", "0");
    responder.writeBody(QByteArray());
}

void serve(int fd)
{
    // Qt HTTP Server 6.4 has no request-size limit: Herald's UnsubscribeHttpServer puts a byte-counting
    // QTcpServer in front of it. Not reproduced here, so this prototype is measured without that cost.
    QHttpServer server;
    auto* tcp = new QTcpServer(&server);
    if (!tcp->setSocketDescriptor(fd))
        return;
    server.setMissingHandler(answer);
    server.bind(tcp);
    QEventLoop loop;
    loop.exec();
}
} // namespace

int main(int argc, char** argv)
{
    bench::Options options;
    clicks = bench::startUp(argc, argv, &options);
    if (!clicks)
        return 2;
    QCoreApplication application(argc, argv);
    // Each loop in a QThread: in a thread Qt merely adopts, the requests went unanswered.
    return bench::serveOnThreads(options, [](int fd) {
        const std::unique_ptr<QThread> thread(QThread::create(serve, fd));
        thread->start();
        thread->wait();
    });
}
