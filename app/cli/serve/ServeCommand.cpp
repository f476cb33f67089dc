#include "ServeCommand.h"

#include "EngagementUpkeep.h"
#include "MhdHttpServer.h"
#include "RequestLog.h"
#include "ServeRouter.h"
#include "cli/CommandArguments.h"
#include "cli/Output.h"
#include "cli/ProfileOpener.h"
#include "engagement/EngagementEventFlusher.h"
#include "engagement/EngagementSpool.h"
#include "storage/AppSettingsRepository.h"

#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QHostInfo>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace herald::cli {

namespace {
std::atomic<bool> g_stopRequested{false};
void requestStop(int) { g_stopRequested = true; }

constexpr int MaxFlushMs = 250;
constexpr qint64 DefaultSpoolMaxMb = EngagementSpool::DefaultCapBytes >> 20;

// One spool per listen address under the user's data folder: "…/serve-spool/127.0.0.1_8025".
QString defaultSpoolDirectory(const QHostAddress& address, quint16 port)
{
    QString name = QStringLiteral("%1_%2").arg(address.toString()).arg(port);
    name.replace(QLatin1Char(':'), QLatin1Char('_')).replace(QLatin1Char('%'), QLatin1Char('_'));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("serve-spool/") + name);
}

bool parseListen(const QString& where, QHostAddress* address, quint16* port)
{
    const qsizetype colon = where.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int number = colon > 0 ? where.mid(colon + 1).toInt(&portOk) : 0;
    QString host = colon > 0 ? where.left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    *address = QHostAddress(host);
    *port = quint16(number);
    return portOk && number >= 0 && number <= 65535 && !address->isNull();
}

// Healthy while the database answers (asked at most once a second), the events can be written and the spool takes
// new ones.
class HealthCheck
{
public:
    HealthCheck(Database& database, const EngagementEventFlusher& flusher, const EngagementSpool& spool)
        : m_database(database), m_flusher(flusher), m_spool(spool)
    {
    }

    QString operator()()
    {
        if (m_spool.isFull())
            return ServeCommand::tr("The spool %1 is full: new opens and clicks are not recorded.").arg(m_spool.directory());
        if (m_flusher.isFailing())
            return ServeCommand::tr("Opens and clicks cannot be written to the database.");
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_nextCheck.hasExpired()) {
            const Status reachable = m_database.ping();
            m_problem = reachable ? QString() : ServeCommand::tr("The database does not answer: %1").arg(reachable.error().message);
            m_nextCheck.setRemainingTime(1000);
        }
        return m_problem;
    }

private:
    Database& m_database;
    const EngagementEventFlusher& m_flusher;
    const EngagementSpool& m_spool;
    std::mutex m_mutex;
    QDeadlineTimer m_nextCheck{0};
    QString m_problem;
};
} // namespace

int ServeCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Herald's public endpoint, run behind your web server (which ends TLS): one-click unsubscribe (RFC 8058), "
           "the open pixel (/o/), the click redirect (/c/), the message as a web page (/v/), the media library's images "
           "for campaigns that link them (/m/), /healthz and /metrics (Prometheus: the sending figures of the last 15 "
           "minutes, as herald stats --prometheus prints them). Several may "
           "run against one PostgreSQL. 'herald unsubscribe-server' is its old name."));
    const QCommandLineOption profile = CommandArguments::profileOption();
    const QCommandLineOption listen(QStringLiteral("listen"), tr("Address and port to listen on, e.g. 127.0.0.1:8025."),
                                    tr("address:port"));
    const QCommandLineOption publicUrl(QStringLiteral("public-url"),
                                       tr("The address recipients reach this server at, e.g. https://mail.example.org/herald; "
                                          "stored for every Herald sharing the database (tracked links and the web view "
                                          "link use it)."),
                                       tr("url"));
    const QCommandLineOption trustedProxy(QStringLiteral("trusted-proxy"),
                                          tr("A proxy (address or network, e.g. 127.0.0.1/32) whose X-Forwarded-For header "
                                             "is believed; repeat for several. Without one the socket's peer is the client."),
                                          tr("cidr"));
    const QCommandLineOption threads(QStringLiteral("threads"), tr("Request threads (default: one per core)."), tr("n"));
    const QCommandLineOption flushMs(QStringLiteral("flush-ms"),
                                     tr("How often recorded opens and clicks are written, in milliseconds (default 100, "
                                        "at most 250). Every open and click is first kept in the spool."),
                                     tr("ms"), QStringLiteral("100"));
    const QCommandLineOption spoolDir(QStringLiteral("spool-dir"),
                                      tr("Where opens and clicks are kept until the database has them, one directory per "
                                         "herald serve (default: serve-spool/ADDRESS_PORT in Herald's data folder). A kill "
                                         "loses at most the last %1 ms of them; those a killed process left are written "
                                         "when herald serve next starts on that directory.")
                                          .arg(EngagementSpool::WriteEveryMs),
                                      tr("dir"));
    const QCommandLineOption spoolMaxMb(QStringLiteral("spool-max-mb"),
                                        tr("How large the spool may grow while the database does not take the events "
                                           "(default %1); past it new opens and clicks are answered but not recorded, "
                                           "and their log lines say so.")
                                            .arg(DefaultSpoolMaxMb),
                                        tr("MB"), QString::number(DefaultSpoolMaxMb));
    parser.addOptions({profile, listen, publicUrl, trustedProxy, threads, flushMs, spoolDir, spoolMaxMb});
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;

    QHostAddress address;
    quint16 port = 0;
    if (!parseListen(parser.value(listen), &address, &port))
        return Output::usageError(tr("Usage: herald serve --listen ADDRESS:PORT, e.g. --listen 127.0.0.1:8025 "
                                     "('%1' is not an IP address and port).")
                                      .arg(parser.value(listen)));
    bool numberOk = false;
    const int flushEvery = parser.value(flushMs).toInt(&numberOk);
    if (!numberOk || flushEvery < 1 || flushEvery > MaxFlushMs)
        return Output::usageError(tr("--flush-ms must be between 1 and %1.").arg(MaxFlushMs));
    const int threadCount = parser.isSet(threads) ? parser.value(threads).toInt(&numberOk) : QThread::idealThreadCount();
    if (!numberOk || threadCount < 1 || threadCount > 256)
        return Output::usageError(tr("--threads must be a number from 1 to 256."));
    auto proxies = IpNetworkList::parse(parser.values(trustedProxy));
    if (!proxies)
        return Output::usageError(proxies.error().message);
    const qint64 spoolCapMb = parser.value(spoolMaxMb).toLongLong(&numberOk);
    if (!numberOk || spoolCapMb < 1 || spoolCapMb > 1024 * 1024)
        return Output::usageError(tr("--spool-max-mb must be a number from 1 to 1048576."));
    const auto logError = [](const QString& line) { Output::error(line); };
    auto spool = EngagementSpool::open(parser.isSet(spoolDir) ? parser.value(spoolDir) : defaultSpoolDirectory(address, port),
                                       spoolCapMb << 20, logError);
    if (!spool)
        return Output::failed(spool.error().message);

    auto database = ProfileOpener::open(parser.value(profile));
    if (!database)
        return Output::failed(database.error().message);
    AppSettingsRepository settings(*database.value());
    if (parser.isSet(publicUrl)) {
        if (auto stored = settings.setPublicBaseUrl(parser.value(publicUrl)); !stored)
            return Output::usageError(stored.error().message);
    }
    auto secret = settings.unsubscribeSecret();
    if (!secret)
        return Output::failed(secret.error().message);

    RequestLog log;
    EngagementEventFlusher flusher(*database.value(), *spool.value(), flushEvery, logError);
    TrackingRequestHandler tracking(*database.value(), secret.value(), proxies.value(),
                                    [&flusher](const EngagementRecord& record) { return flusher.record(record); });
    OneClickUnsubscribe unsubscribe(*database.value(), secret.value());
    HealthCheck health(*database.value(), flusher, *spool.value());
    MediaRequestHandler media(*database.value());
    MetricsEndpoint metrics(*database.value());
    ServeRouter router(tracking, media, unsubscribe, metrics, [&health] { return health(); });
    MhdHttpServer server(router, [&log](const QByteArray& line) { log.add(line); });
    // Unique per process: the roll-up lease names its holder.
    const QString holder = QStringLiteral("serve@%1:%2:%3")
                               .arg(QHostInfo::localHostName())
                               .arg(QCoreApplication::applicationPid())
                               .arg(QDateTime::currentMSecsSinceEpoch());
    EngagementUpkeep upkeep(*database.value(), holder, logError);
    flusher.start();
    upkeep.start();
    QString error;
    const quint16 listening = server.listen(address, port, threadCount, &error);
    if (listening == 0) {
        upkeep.stop();
        flusher.stop();
        return Output::failed(error);
    }
    Output::line(tr("Listening on %1:%2").arg(address.toString()).arg(listening));

    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&log] {
        log.flush();
        if (g_stopRequested.load())
            QCoreApplication::exit(0);
    });
    tick.start(200);
    QCoreApplication::exec();

    // Stopping: no new requests, the ones in progress finish, then every recorded event is written.
    server.stop();
    log.flush();
    const bool allWritten = flusher.stop();
    upkeep.stop();
    Output::line(tr("Stopped after %n request(s); %1 open(s) and click(s) written.", nullptr, int(server.requests()))
                     .arg(flusher.written()));
    if (flusher.refused() > 0)
        Output::error(tr("%n open(s) and click(s) were not recorded: the spool %1 was full.", nullptr, int(flusher.refused()))
                          .arg(spool.value()->directory()));
    if (!allWritten)
        return Output::failed(tr("Some opens and clicks could not be written to the database; they are kept in %1 and "
                                 "written when herald serve next starts with that spool.")
                                  .arg(spool.value()->directory()));
    return 0;
}

} // namespace herald::cli
