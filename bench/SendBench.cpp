// herald-bench-send: figures for sending (run by scripts/bench-send.sh).
//   prepare DATABASE --recipients N --sink-port P [--bytes 5120] [--queue] [--concurrency 4]
//        N nonprofits (one generate_series INSERT), a campaign whose template renders to about --bytes per
//        message, and an SMTP provider on 127.0.0.1:P with --concurrency connections and no practical rate
//        limit. --queue also queues the campaign and sets it sending (for `herald worker`).
//   send DATABASE [--concurrency 4] [--threads T] [--dkim rsa2048|ed25519|both]
//        queues the prepared campaign and sends it with the real SendEngine in this process over
//        --concurrency SMTP connections carried by T sending threads (default: the engine's default);
//        times queue -> every row recorded as sent. --dkim: every message DKIM-signed by the engine's sending
//        threads with keys made for the run (RSA-2048, Ed25519, or both: two signatures per message).
//   compose [--messages 20000] [--bytes 5120]
//        renders messages of the same campaign in one thread, no database or network: the composer's own cost.
// DATABASE is --pg HOST:PORT/NAME (user postgres, no password).
// Figures are printed as "figure <name> <value>" lines for the script, between human-readable ones.
#include "BenchOutput.h"
#include "BenchPostgres.h"
#include "BenchCampaign.h"
#include "compose/CampaignMessageComposer.h"
#include "compose/DkimKeyPair.h"
#include "compose/DkimSigner.h"
#include "sending/SendEngine.h"
#include "sending/SendQueue.h"
#include "sending/providers/TransportFactory.h"
#include "storage/AppSettingsRepository.h"
#include "storage/BoundQuery.h"
#include "storage/Database.h"
#include "storage/ProviderRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

#include <cstdio>
#include <memory>

using namespace herald;

using bench::figure;
using bench::print;

namespace {

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2);
}

int prepare(Database& database, int recipients, int sinkPort, int bytes, bool queue, int connections)
{
    QElapsedTimer timer;
    timer.start();
    BenchCampaign campaign(database);
    if (auto added = campaign.addNonprofits(recipients); !added) {
        print(added.error().message);
        return 1;
    }
    print(QStringLiteral("%1 nonprofits in %2 s").arg(recipients).arg(timer.elapsed() / 1000.0, 0, 'f', 2));
    auto created = campaign.addCampaign(bytes);
    if (!created) {
        print(created.error().message);
        return 1;
    }
    print(QStringLiteral("campaign #%1: %2 bytes per message (goal %3)").arg(created->id).arg(created->sampleBytes).arg(bytes));
    figure(QStringLiteral("message.bytes"), created->sampleBytes);
    if (auto added = campaign.addProvider(sinkPort, connections); !added) {
        print(added.error().message);
        return 1;
    }
    if (queue) {
        timer.restart();
        auto queued = campaign.queue(created->id);
        if (!queued) {
            print(queued.error().message);
            return 1;
        }
        print(QStringLiteral("queued %1 messages in %2 s").arg(queued.value()).arg(timer.elapsed() / 1000.0, 0, 'f', 2));
    }
    return 0;
}

// Keys for the campaign's From domain, made for this run: what SendEngineFactory reads from the keyring.
Result<QList<DkimKey>> dkimKeys(const QString& kind, const QString& domain)
{
    QList<DkimKey> keys;
    if (kind.isEmpty() || kind == QLatin1String("none"))
        return keys;
    if (kind != QLatin1String("rsa2048") && kind != QLatin1String("ed25519") && kind != QLatin1String("both"))
        return Error::make(Error::Kind::Validation, QStringLiteral("--dkim takes rsa2048, ed25519 or both, not %1").arg(kind));
    if (kind != QLatin1String("ed25519")) {
        auto rsa = DkimKeyPair::generate(DkimKeyPair::Algorithm::Rsa);
        if (!rsa)
            return rsa.error();
        keys << DkimKey{domain, QStringLiteral("bench"), rsa->privateKeyPem()};
    }
    if (kind != QLatin1String("rsa2048")) {
        auto ed25519 = DkimKeyPair::generate(DkimKeyPair::Algorithm::Ed25519);
        if (!ed25519)
            return ed25519.error();
        keys << DkimKey{domain, QStringLiteral("bench-ed"), ed25519->privateKeyPem()};
    }
    return keys;
}

int send(Database& database, int concurrency, int threads, const QString& dkim)
{
    BenchCampaign campaign(database);
    const auto campaignId = campaign.preparedCampaign();
    if (!campaignId) {
        print(campaignId.error().message);
        return 1;
    }
    auto providers = ProviderRepository(database).list();
    auto secret = AppSettingsRepository(database).unsubscribeSecret();
    if (!providers || !secret) {
        print(!providers ? providers.error().message : secret.error().message);
        return 1;
    }
    for (Provider& provider : providers.value())
        provider.connections = concurrency;
    auto pool = std::make_shared<ProviderPool>(providers.value(),
        [](const Provider& provider) { return TransportFactory::create(provider, QString()); });
    EngineSettings settings;
    if (threads > 0)
        settings.senders = threads;
    auto keys = dkimKeys(dkim, DkimSigner::domainOf(BenchCampaign::campaignFor(5120).fromEmail));
    if (!keys) {
        print(keys.error().message);
        return 1;
    }

    const QString load = loadAverage();
    QElapsedTimer total;
    total.start();
    auto queued = campaign.queue(campaignId.value());
    if (!queued) {
        print(queued.error().message);
        return 1;
    }
    const double queueSeconds = total.nsecsElapsed() / 1e9;
    QElapsedTimer sending;
    sending.start();
    SendEngine engine(database, settings, pool, secret.value());
    engine.setDkimKeys(keys.value());
    if (auto started = engine.start(); !started) {
        print(started.error().message);
        return 1;
    }
    // The engine counts a result once it is written to the database: done when every queued row is.
    qint64 lastPrinted = 0;
    EngineSnapshot snapshot;
    while (true) {
        QThread::msleep(5);
        snapshot = engine.snapshot();
        if (snapshot.sent + snapshot.failed + snapshot.unknown >= queued.value())
            break;
        if (sending.elapsed() - lastPrinted >= 2000) {
            lastPrinted = sending.elapsed();
            std::fprintf(stderr, "  %lld sent, %lld failed after %.1f s%s\n", snapshot.sent, snapshot.failed,
                lastPrinted / 1000.0, qPrintable(snapshot.lastError.isEmpty() ? QString() : QStringLiteral(" (") + snapshot.lastError + QLatin1Char(')')));
        }
        if (snapshot.failed > 0 && sending.elapsed() > 600000)
            break;
    }
    const double sendSeconds = sending.nsecsElapsed() / 1e9;
    const double totalSeconds = total.nsecsElapsed() / 1e9;
    engine.stop();
    const qint64 sentRows = campaign.countSent(campaignId.value());

    print(QStringLiteral("Herald: %1 messages, %2: queued in %3 s, sent in %4 s; %5 msgs/s end to end "
                         "(%6 msgs/s once queued); %7 rows sent, %8 failed; load before %9")
              .arg(queued.value())
              .arg(QStringLiteral("%1 connections, %2 sending threads, DKIM %3")
                       .arg(concurrency)
                       .arg(settings.senders)
                       .arg(keys->isEmpty() ? QStringLiteral("off") : dkim))
              .arg(queueSeconds, 0, 'f', 2)
              .arg(sendSeconds, 0, 'f', 2)
              .arg(queued.value() / totalSeconds, 0, 'f', 0)
              .arg(queued.value() / sendSeconds, 0, 'f', 0)
              .arg(sentRows)
              .arg(snapshot.failed)
              .arg(load));
    figure(QStringLiteral("send.messages"), double(queued.value()));
    figure(QStringLiteral("send.rows_sent"), double(sentRows));
    figure(QStringLiteral("send.queue_seconds"), queueSeconds);
    figure(QStringLiteral("send.seconds"), sendSeconds);
    figure(QStringLiteral("send.end_to_end_per_second"), queued.value() / totalSeconds);
    figure(QStringLiteral("send.sending_per_second"), queued.value() / sendSeconds);
    if (!snapshot.lastError.isEmpty())
        print(QStringLiteral("last error: %1").arg(snapshot.lastError));
    return sentRows == queued.value() ? 0 : 1;
}

int compose(int messages, int bytes)
{
    const QByteArray secret = QByteArrayLiteral("bench-secret-bench-secret-bench!");
    const Campaign campaign = BenchCampaign::campaignFor(bytes);
    CampaignMessageComposer composer(campaign, secret);
    if (!composer.isValid()) {
        print(composer.problem());
        return 1;
    }
    qint64 totalBytes = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < messages; ++i) {
        const auto message = composer.compose(i + 1, BenchCampaign::recipient(i + 1));
        if (!message) {
            print(message.error().message);
            return 1;
        }
        totalBytes += message->data.size();
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    print(QStringLiteral("composed %1 messages of %2 bytes on average in %3 s: %4 msgs/s in one thread (%5 µs each)")
              .arg(messages)
              .arg(totalBytes / std::max(1, messages))
              .arg(seconds, 0, 'f', 2)
              .arg(messages / seconds, 0, 'f', 0)
              .arg(seconds * 1e6 / messages, 0, 'f', 1));
    figure(QStringLiteral("compose.per_second"), messages / seconds);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Figures for sending."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("prepare | send | compose"));
    parser.addOptions({
        {QStringLiteral("pg"), QStringLiteral("PostgreSQL database (user postgres)."), QStringLiteral("host:port/name")},
        {QStringLiteral("recipients"), QStringLiteral("Nonprofits to create."), QStringLiteral("n"), QStringLiteral("50000")},
        {QStringLiteral("sink-port"), QStringLiteral("Port of the SMTP sink on 127.0.0.1."), QStringLiteral("port")},
        {QStringLiteral("bytes"), QStringLiteral("Size of a rendered message."), QStringLiteral("n"), QStringLiteral("5120")},
        {QStringLiteral("queue"), QStringLiteral("prepare: also queue the campaign and set it sending.")},
        {QStringLiteral("concurrency"), QStringLiteral("SMTP connections."), QStringLiteral("n"), QStringLiteral("4")},
        {QStringLiteral("threads"), QStringLiteral("Sending threads (default: the engine's)."), QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("messages"), QStringLiteral("compose: messages to render."), QStringLiteral("n"), QStringLiteral("20000")},
        {QStringLiteral("dkim"), QStringLiteral("send: sign with rsa2048, ed25519 or both."), QStringLiteral("kind"), QStringLiteral("none")},
    });
    parser.process(app);
    const QString command = parser.positionalArguments().value(0);
    const int bytes = parser.value(QStringLiteral("bytes")).toInt();
    if (command == QLatin1String("compose"))
        return compose(parser.value(QStringLiteral("messages")).toInt(), bytes);
    if (command != QLatin1String("prepare") && command != QLatin1String("send"))
        parser.showHelp(2);
    auto database = bench::openPostgres(parser.value(QStringLiteral("pg")));
    if (!database)
        return 1;
    if (command == QLatin1String("prepare"))
        return prepare(*database, parser.value(QStringLiteral("recipients")).toInt(),
            parser.value(QStringLiteral("sink-port")).toInt(), bytes, parser.isSet(QStringLiteral("queue")),
            std::max(1, parser.value(QStringLiteral("concurrency")).toInt()));
    return send(*database, std::max(1, parser.value(QStringLiteral("concurrency")).toInt()),
                parser.value(QStringLiteral("threads")).toInt(), parser.value(QStringLiteral("dkim")));
}
