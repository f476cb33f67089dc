#include "UnsubscribeServerCommand.h"

#include "CommandArguments.h"
#include "Output.h"
#include "ProfileOpener.h"
#include "UnsubscribeHttpServer.h"
#include "storage/AppSettingsRepository.h"

#include <QCoreApplication>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace herald::cli {

namespace {
std::atomic<bool> g_stopRequested{false};
void requestStop(int) { g_stopRequested = true; }
} // namespace

int UnsubscribeServerCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Receives one-click unsubscribes (RFC 8058) from the links and List-Unsubscribe headers Herald sends, and "
           "suppresses the address at once. Run it behind your web server, which forwards the path of the sender "
           "identity's unsubscribe link here."));
    const QCommandLineOption profile = CommandArguments::profileOption();
    const QCommandLineOption listen(QStringLiteral("listen"), tr("Address and port to listen on, e.g. 127.0.0.1:8025."),
                                    tr("address:port"));
    parser.addOptions({profile, listen});
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;
    const QString where = parser.value(listen);
    const qsizetype colon = where.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = colon > 0 ? where.mid(colon + 1).toInt(&portOk) : 0;
    QString host = colon > 0 ? where.left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host);
    if (!portOk || port < 0 || port > 65535 || address.isNull()) {
        Output::error(tr("Usage: herald unsubscribe-server --listen ADDRESS:PORT, e.g. --listen 127.0.0.1:8025 "
                         "('%1' is not an IP address and port).")
                          .arg(where));
        return 2;
    }

    auto database = ProfileOpener::open(parser.value(profile));
    if (!database) {
        Output::error(database.error().message);
        return 1;
    }
    auto secret = AppSettingsRepository(*database.value()).unsubscribeSecret();
    if (!secret) {
        Output::error(secret.error().message);
        return 1;
    }
    OneClickUnsubscribe handler(*database.value(), secret.value());
    UnsubscribeHttpServer server(handler, [](const QString& line) { Output::line(line); });
    QString error;
    const quint16 listening = server.listen(address, quint16(port), &error);
    if (listening == 0) {
        Output::error(error);
        return 1;
    }
    Output::line(tr("Listening on %1:%2").arg(address.toString()).arg(listening));

    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QTimer stopCheck;
    QObject::connect(&stopCheck, &QTimer::timeout, [] {
        if (g_stopRequested.load())
            QCoreApplication::exit(0);
    });
    stopCheck.start(200);
    const int code = QCoreApplication::exec();
    Output::line(tr("Stopped."));
    return code;
}

} // namespace herald::cli
