#include "WorkerCommand.h"

#include "Output.h"
#include "ProfileOpener.h"
#include "sending/SendEngineFactory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace herald::cli {

namespace {
std::atomic<bool> g_stopRequested{false};
void requestStop(int) { g_stopRequested = true; }
} // namespace

int WorkerCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Sends queued campaigns without a window."));
    parser.addHelpOption();
    const QCommandLineOption profile(QStringLiteral("profile"), tr("Connection profile (default: the active one)."), tr("name"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"),
                                         tr("Sending threads, over which each provider's connections are spread (default: "
                                            "one per processor core, %1 here).").arg(EngineSettings::defaultSenders()),
                                         tr("n"), QString::number(EngineSettings::defaultSenders()));
    const QCommandLineOption claimBatch(QStringLiteral("claim-batch"), tr("Messages leased per claim (default 500)."), tr("n"),
                                        QStringLiteral("500"));
    const QCommandLineOption lease(QStringLiteral("lease-seconds"), tr("Lease length (default 120)."), tr("seconds"),
                                   QStringLiteral("120"));
    const QCommandLineOption recovery(QStringLiteral("recovery-ms"), tr("How often expired leases are recovered (default 5000)."),
                                      tr("ms"), QStringLiteral("5000"));
    const QCommandLineOption exitWhenIdle(QStringLiteral("exit-when-idle"), tr("Exit once no campaign has anything left to send."));
    const QCommandLineOption quiet(QStringLiteral("quiet"), tr("No progress lines."));
    parser.addOptions({profile, concurrency, claimBatch, lease, recovery, exitWhenIdle, quiet});
    if (!parser.parse(arguments)) {
        Output::error(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        Output::line(parser.helpText());
        return 0;
    }

    auto database = ProfileOpener::open(parser.value(profile));
    if (!database) {
        Output::error(database.error().message);
        return 1;
    }
    Database& db = *database.value();

    EngineSettings settings;
    settings.senders = std::max(1, parser.value(concurrency).toInt());
    settings.claimBatch = std::max(1, parser.value(claimBatch).toInt());
    settings.leaseSeconds = std::max(1, parser.value(lease).toInt());
    settings.recoveryIntervalMs = std::max(100, parser.value(recovery).toInt());
    auto created = SendEngineFactory::create(db, settings);
    if (!created) {
        Output::error(created.error().message);
        return 1;
    }
    SendEngine& engine = *created.value();
    if (auto started = engine.start(); !started) {
        Output::error(started.error().message);
        return 1;
    }
    Output::line(tr("Worker %1 sending with %2 threads through %3 provider(s).")
                     .arg(engine.settings().owner)
                     .arg(settings.senders)
                     .arg(engine.providers().size()));

    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QTimer poll;
    int idleChecks = 0;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (g_stopRequested.load()) {
            engine.stop();
            QCoreApplication::exit(0);
            return;
        }
        if (parser.isSet(exitWhenIdle) && ++idleChecks % 5 == 0) {
            const EngineSnapshot snapshot = engine.snapshot();
            if (snapshot.queued == 0 && !SendEngineFactory::hasWorkLeft(db)) {
                engine.stop();
                QCoreApplication::exit(0);
            }
        }
    });
    poll.start(100);
    QTimer report;
    qint64 errorsShown = 0;
    QObject::connect(&report, &QTimer::timeout, [&] {
        const EngineSnapshot s = engine.snapshot();
        // An error is shown on the line after it happened, not again on every line while it is the last one.
        const bool newError = s.errors != errorsShown && !s.lastError.isEmpty();
        errorsShown = s.errors;
        Output::error(tr("sent %1  failed %2  retrying %3  unknown %4  queued %5  %6/s%7")
                          .arg(s.sent)
                          .arg(s.failed)
                          .arg(s.retried)
                          .arg(s.unknown)
                          .arg(s.queued)
                          .arg(s.sentPerSecond, 0, 'f', 0)
                          .arg(newError ? QStringLiteral("  last error: ") + s.lastError : QString()));
    });
    if (!parser.isSet(quiet))
        report.start(1000);
    const int code = QCoreApplication::exec();
    const EngineSnapshot final = engine.snapshot();
    Output::line(tr("Stopped: sent %1, failed %2, retrying %3, unknown %4.").arg(final.sent).arg(final.failed).arg(final.retried).arg(final.unknown));
    return code;
}

} // namespace herald::cli
