// Figures for offline drafting (models/sync): DRAFTS drafts written in a fresh offline store (one template and
// campaigns from it) pushed to a PostgreSQL server, a sync with nothing to do, every draft edited and pushed
// again, and the same drafts pulled into a second, empty offline store (another laptop). Prints figures; never
// a pass/fail test.
#include "BenchOutput.h"
#include "BenchPostgres.h"
#include "storage/CampaignRepository.h"
#include "storage/TemplateRepository.h"
#include "sync/LocalStore.h"
#include "sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

using namespace herald;
using bench::figure;
using bench::print;

namespace {
// Runs a sync and prints what it did and how long it took; false when it failed.
bool timedSync(Database& server, LocalStore& store, const QString& what, const QString& figureName)
{
    QElapsedTimer timer;
    timer.start();
    auto summary = SyncEngine(server, store).run();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (!summary) {
        print(QStringLiteral("%1: %2").arg(what, summary.error().message));
        return false;
    }
    print(QStringLiteral("%1: %2 pushed, %3 pulled, %4 conflicts in %5 ms")
              .arg(what)
              .arg(summary->pushed)
              .arg(summary->pulled)
              .arg(summary->newConflicts)
              .arg(ms, 0, 'f', 0));
    figure(figureName, ms);
    return true;
}

Status writeDrafts(Database& local, int drafts, const QString& subject)
{
    Template base;
    base.name = QStringLiteral("Bench base");
    base.subject = subject;
    base.textBody = QStringLiteral("Dear {{name}},\n");
    TemplateRepository templates(local);
    CampaignRepository campaigns(local);
    if (auto done = templates.insert(base); !done)
        return done;
    QSqlDatabase db = local.connection();
    db.transaction();
    for (int i = 0; i < drafts - 1; ++i) {
        Campaign campaign;
        campaign.name = QStringLiteral("Bench draft %1").arg(i);
        campaign.templateId = base.id;
        campaign.subject = QStringLiteral("%1 %2").arg(subject).arg(i);
        campaign.textBody = QStringLiteral("Body %1").arg(i);
        if (auto done = campaigns.insert(campaign); !done) {
            db.rollback();
            return done;
        }
    }
    db.commit();
    return {};
}

Status editDrafts(Database& local, const QString& subject)
{
    CampaignRepository campaigns(local);
    auto all = campaigns.list();
    if (!all)
        return all.error();
    QSqlDatabase db = local.connection();
    db.transaction();
    for (Campaign campaign : all.value()) {
        campaign.subject = subject;
        if (auto done = campaigns.update(campaign); !done) {
            db.rollback();
            return done;
        }
    }
    db.commit();
    return {};
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Offline drafts synced with a PostgreSQL server."));
    parser.addHelpOption();
    parser.addOptions({{QStringLiteral("pg"), QStringLiteral("PostgreSQL database (user postgres)."), QStringLiteral("host:port/name")},
                       {QStringLiteral("drafts"), QStringLiteral("Drafts to sync (default 1000)."), QStringLiteral("n"),
                        QStringLiteral("1000")}});
    parser.process(app);
    const int drafts = qMax(2, parser.value(QStringLiteral("drafts")).toInt());
    auto server = bench::openPostgres(parser.value(QStringLiteral("pg")));
    if (!server)
        return 1;
    QTemporaryDir dir;
    LocalStore laptop(server->profile(), dir.filePath(QStringLiteral("laptop.sqlite")));
    LocalStore other(server->profile(), dir.filePath(QStringLiteral("other.sqlite")));
    for (LocalStore* store : {&laptop, &other}) {
        if (auto opened = store->open(); !opened) {
            print(opened.error().message);
            return 1;
        }
    }
    if (auto written = writeDrafts(laptop.database(), drafts, QStringLiteral("Written offline")); !written) {
        print(written.error().message);
        return 1;
    }
    print(QStringLiteral("%1 drafts (1 template, %2 campaigns) in the offline store").arg(drafts).arg(drafts - 1));
    if (!timedSync(*server, laptop, QStringLiteral("push new drafts"), QStringLiteral("sync.push_new_ms"))
        || !timedSync(*server, laptop, QStringLiteral("nothing to do"), QStringLiteral("sync.noop_ms")))
        return 1;
    if (auto edited = editDrafts(laptop.database(), QStringLiteral("Edited offline")); !edited) {
        print(edited.error().message);
        return 1;
    }
    if (!timedSync(*server, laptop, QStringLiteral("push edits"), QStringLiteral("sync.push_edits_ms"))
        || !timedSync(*server, other, QStringLiteral("pull into an empty store"), QStringLiteral("sync.pull_ms")))
        return 1;
    return 0;
}
