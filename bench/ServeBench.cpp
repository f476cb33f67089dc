// herald-bench-serve: the data `herald serve` is loaded with by scripts/bench-serve.sh.
//   prepare DATABASE --paths FILE [--sends 10000] [--links 20] [--tokens 4000]
//        --sends nonprofits and a per-recipient tracked campaign queued to them (one send each), --links plain links
//        in campaign_links, and --tokens valid click paths ("/c/<token>", one a line) written to FILE for the wrk
//        script: two in three name a send, one in three is anonymous; links and sends taken in turn. The tokens are
//        signed with the installation's secret (app_settings, made here when the database has none yet), the one
//        `herald serve` reads.
// DATABASE is --pg HOST:PORT/NAME (user postgres, no password). Prints "figure <name> <value>" lines.
#include "BenchCampaign.h"
#include "BenchOutput.h"
#include "BenchPostgres.h"
#include "engagement/CampaignLinkRepository.h"
#include "engagement/TrackingToken.h"
#include "storage/AppSettingsRepository.h"
#include "storage/BoundQuery.h"
#include "storage/Transaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

using namespace herald;

using bench::figure;
using bench::print;

namespace {

constexpr int MessageBytes = 2048; // the messages are never sent: any size will do

Status markPerRecipient(Database& database, qint64 campaignId)
{
    auto db = database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery update(db.value(), QStringLiteral("UPDATE campaigns SET tracking = 'per_recipient' WHERE id = :id"));
    update.bind(QStringLiteral(":id"), campaignId);
    return update.exec(QStringLiteral("Could not set the campaign's tracking"));
}

Status storeLinks(Database& database, qint64 campaignId, int count)
{
    QList<TrackedLink> links;
    for (int number = 1; number <= count; ++number)
        links.append(TrackedLink{number, QStringLiteral("https://example.org/grants/%1?from=newsletter").arg(number), false});
    auto db = database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun;
    if (auto stored = CampaignLinkRepository::store(db.value(), campaignId, links); !stored)
        return stored;
    return transaction.commit();
}

Result<QList<qint64>> sendIds(Database& database, qint64 campaignId)
{
    auto db = database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT id FROM sends WHERE campaign_id = :id ORDER BY id"));
    query.bind(QStringLiteral(":id"), campaignId);
    return query.readAll(QStringLiteral("Could not read the campaign's sends"),
                         [](const QSqlQuery& row) { return row.value(0).toLongLong(); });
}

Status writePaths(const QString& fileName, const TrackingToken& tokens, qint64 campaignId, int links,
                  const QList<qint64>& sends, int count)
{
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error::make(Error::Kind::Io, QStringLiteral("Cannot write %1: %2").arg(fileName, file.errorString()));
    for (int i = 0; i < count; ++i) {
        TrackingToken::Claims claims;
        claims.kind = TrackingToken::Kind::Click;
        claims.campaignId = campaignId;
        claims.linkNo = 1 + i % links;
        claims.sendId = i % 3 == 2 || sends.isEmpty() ? 0 : sends.at(i % sends.size());
        file.write(TrackingToken::pathPrefix(claims.kind).toLatin1() + tokens.issue(claims).toLatin1() + '\n');
    }
    return {};
}

int prepare(Database& database, int sendCount, int linkCount, int tokenCount, const QString& pathsFile)
{
    BenchCampaign campaign(database);
    if (auto added = campaign.addNonprofits(sendCount); !added) {
        print(added.error().message);
        return 1;
    }
    auto created = campaign.addCampaign(MessageBytes);
    if (!created) {
        print(created.error().message);
        return 1;
    }
    auto queued = campaign.queue(created->id);
    if (!queued) {
        print(queued.error().message);
        return 1;
    }
    if (auto marked = markPerRecipient(database, created->id); !marked) {
        print(marked.error().message);
        return 1;
    }
    if (auto stored = storeLinks(database, created->id, linkCount); !stored) {
        print(stored.error().message);
        return 1;
    }
    auto sends = sendIds(database, created->id);
    if (!sends) {
        print(sends.error().message);
        return 1;
    }
    auto secret = AppSettingsRepository(database).unsubscribeSecret();
    if (!secret) {
        print(secret.error().message);
        return 1;
    }
    if (auto written = writePaths(pathsFile, TrackingToken(secret.value()), created->id, linkCount, sends.value(), tokenCount);
        !written) {
        print(written.error().message);
        return 1;
    }
    print(QStringLiteral("campaign #%1: %2 sends, %3 links; %4 click paths in %5")
              .arg(created->id)
              .arg(sends->size())
              .arg(linkCount)
              .arg(tokenCount)
              .arg(pathsFile));
    figure(QStringLiteral("serve.campaign"), double(created->id));
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The data herald serve is loaded with."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("prepare"));
    parser.addOptions({
        {QStringLiteral("pg"), QStringLiteral("PostgreSQL database (user postgres)."), QStringLiteral("host:port/name")},
        {QStringLiteral("paths"), QStringLiteral("File to write the click paths to."), QStringLiteral("file")},
        {QStringLiteral("sends"), QStringLiteral("Recipients (one send each)."), QStringLiteral("n"), QStringLiteral("10000")},
        {QStringLiteral("links"), QStringLiteral("Tracked links of the campaign."), QStringLiteral("n"), QStringLiteral("20")},
        {QStringLiteral("tokens"), QStringLiteral("Click paths to write."), QStringLiteral("n"), QStringLiteral("4000")},
    });
    parser.process(app);
    if (parser.positionalArguments().value(0) != QLatin1String("prepare") || !parser.isSet(QStringLiteral("paths")))
        parser.showHelp(2);
    auto database = bench::openPostgres(parser.value(QStringLiteral("pg")));
    if (!database)
        return 1;
    return prepare(*database, std::max(1, parser.value(QStringLiteral("sends")).toInt()),
                   std::max(1, parser.value(QStringLiteral("links")).toInt()),
                   std::max(1, parser.value(QStringLiteral("tokens")).toInt()), parser.value(QStringLiteral("paths")));
}
