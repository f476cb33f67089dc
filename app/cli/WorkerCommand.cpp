#include "WorkerCommand.h"

#include "Output.h"
#include "ProfileOpener.h"
#include "sending/SendEngine.h"
#include "sending/providers/TransportFactory.h"
#include "storage/AppSettingsRepository.h"
#include "storage/BoundQuery.h"
#include "storage/ProviderRepository.h"
#include "storage/SecretStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace herald::cli {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("WorkerCommand", text); }

std::atomic<bool> g_stopRequested{false};
void requestStop(int) { g_stopRequested = true; }

// Provider secrets for a headless worker: the keychain when there is one, else
// HERALD_PROVIDER_SECRET_<NAME> (name upper-cased, other characters as '_').
QString providerSecret(const Provider& provider)
{
    QString variable = QStringLiteral("HERALD_PROVIDER_SECRET_") + provider.name.toUpper();
    variable.replace(QRegularExpression(QStringLiteral("[^A-Z0-9_]")), QStringLiteral("_"));
    if (qEnvironmentVariableIsSet(qPrintable(variable)))
        return qEnvironmentVariable(qPrintable(variable));
    if (provider.username.isEmpty() || !SecretStore::instance().isKeychainAvailable())
        return {};
    auto secret = SecretStore::instance().read(SecretStore::providerKey(provider.name));
    return secret ? secret.value() : QString();
}

bool hasWorkLeft(Database& database)
{
    auto db = database.checkedConnection();
    if (!db)
        return true;
    // EXISTS, not count(*): asked twice a second, it must not scan a million-row queue each time.
    BoundQuery query(db.value(), QStringLiteral("SELECT EXISTS (SELECT 1 FROM sends s JOIN campaigns c ON c.id = s.campaign_id "
                                                "WHERE c.status = 'sending' AND s.status IN ('pending', 'sending'))"));
    if (!query.execSingle(QString(), QString()))
        return true;
    return query.value(0).toBool();
}
} // namespace

int WorkerCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Sends queued campaigns without a window."));
    parser.addHelpOption();
    const QCommandLineOption profile(QStringLiteral("profile"), tr("Connection profile (default: the active one)."), tr("name"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"), tr("Sending threads, each with its own connections (default 4)."),
                                         tr("n"), QStringLiteral("4"));
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
    auto providers = ProviderRepository(db).list();
    if (!providers) {
        Output::error(providers.error().message);
        return 1;
    }
    QHash<QString, QString> secrets;
    for (const Provider& provider : providers.value())
        secrets.insert(provider.name, providerSecret(provider));
    auto pool = std::make_shared<ProviderPool>(providers.value(), [secrets](const Provider& provider) {
        return TransportFactory::create(provider, secrets.value(provider.name));
    });
    auto secret = AppSettingsRepository(db).unsubscribeSecret();
    if (!secret) {
        Output::error(secret.error().message);
        return 1;
    }

    EngineSettings settings;
    settings.senders = std::max(1, parser.value(concurrency).toInt());
    settings.claimBatch = std::max(1, parser.value(claimBatch).toInt());
    settings.leaseSeconds = std::max(1, parser.value(lease).toInt());
    settings.recoveryIntervalMs = std::max(100, parser.value(recovery).toInt());
    SendEngine engine(db, settings, pool, secret.value());
    if (auto started = engine.start(); !started) {
        Output::error(started.error().message);
        return 1;
    }
    Output::line(tr("Worker %1 sending with %2 threads through %3 provider(s).")
                     .arg(engine.settings().owner)
                     .arg(settings.senders)
                     .arg(pool->size()));

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
            if (snapshot.queued == 0 && !hasWorkLeft(db)) {
                engine.stop();
                QCoreApplication::exit(0);
            }
        }
    });
    poll.start(100);
    QTimer report;
    QObject::connect(&report, &QTimer::timeout, [&] {
        const EngineSnapshot s = engine.snapshot();
        Output::error(tr("sent %1  failed %2  retrying %3  unknown %4  queued %5  %6/s%7")
                          .arg(s.sent)
                          .arg(s.failed)
                          .arg(s.retried)
                          .arg(s.unknown)
                          .arg(s.queued)
                          .arg(s.sentPerSecond, 0, 'f', 0)
                          .arg(s.lastError.isEmpty() ? QString() : QStringLiteral("  last error: ") + s.lastError));
    });
    if (!parser.isSet(quiet))
        report.start(1000);
    const int code = QCoreApplication::exec();
    const EngineSnapshot final = engine.snapshot();
    Output::line(tr("Stopped: sent %1, failed %2, retrying %3, unknown %4.").arg(final.sent).arg(final.failed).arg(final.retried).arg(final.unknown));
    return code;
}

} // namespace herald::cli
