#include "HeraldProcess.h"
#include "TestDatabase.h"
#include "storage/TemplateRepository.h"
#include "sync/LocalStore.h"

#include <QDirIterator>
#include <QTest>

using namespace herald;

// `herald sync` as the real executable on a PostgreSQL profile: what it prints, the exit code while a conflict
// waits, and --keep resolving it.
class TestSyncCommand : public QObject
{
    Q_OBJECT

    using Run = test::HeraldProcess::Run;

private slots:
    void syncsReportsConflictsAndResolvesThem()
    {
        test::HeraldProcess herald(QStringLiteral(HERALD_EXECUTABLE));
        test::TestDatabase scratch;
        QVERIFY2(scratch.isReady(), qPrintable(scratch.setupError()));
        auto server = scratch.open();
        QVERIFY(server);
        Template thanks;
        thanks.name = QStringLiteral("Thanks");
        thanks.subject = QStringLiteral("Original");
        QVERIFY(TemplateRepository(*server).insert(thanks).ok());

        // Not for a profile on this computer.
        const Run embedded = herald.run({QStringLiteral("sync")});
        QCOMPARE(embedded.exitCode, 2);
        QVERIFY2(embedded.err.contains(QLatin1String("only PostgreSQL profiles")), qPrintable(embedded.err));

        const ConnectionProfile profile = scratch.profile();
        const Run added = herald.run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Office"),
                                      QStringLiteral("--host"), profile.host, QStringLiteral("--port"),
                                      QString::number(profile.port), QStringLiteral("--database"), profile.database,
                                      QStringLiteral("--user"), profile.user, QStringLiteral("--sslmode"),
                                      QStringLiteral("disable")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const QStringList office{QStringLiteral("--profile"), QStringLiteral("Office")};

        Run first = herald.run(QStringList{QStringLiteral("sync")} + office);
        QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
        QVERIFY2(first.out.contains(QLatin1String("Pushed: 0\nPulled: 1\nConflicts: 0 new, 0 open")), qPrintable(first.out));

        // The process's offline store, where a draft is edited while someone edits it on the server.
        QDirIterator stores(herald.homePath(QStringLiteral("data")), {QStringLiteral("*.sqlite")}, QDir::Files,
                            QDirIterator::Subdirectories);
        QString storePath;
        while (stores.hasNext()) {
            const QString path = stores.next();
            if (path.contains(QLatin1String("/offline/")))
                storePath = path;
        }
        QVERIFY2(!storePath.isEmpty(), "no offline store under the data folder");
        {
            LocalStore store(profile, storePath);
            QVERIFY(store.open().ok());
            Template mine = TemplateRepository(store.database()).findByUuid(thanks.uuid).value();
            mine.subject = QStringLiteral("Mine");
            QVERIFY(TemplateRepository(store.database()).update(mine).ok());
        }
        Template theirs = TemplateRepository(*server).find(thanks.id).value();
        theirs.subject = QStringLiteral("Theirs");
        QVERIFY(TemplateRepository(*server).update(theirs).ok());

        const Run conflicted = herald.run(QStringList{QStringLiteral("sync")} + office);
        QCOMPARE(conflicted.exitCode, 3);
        QVERIFY2(conflicted.out.contains(QLatin1String("Conflicts: 1 new, 1 open")), qPrintable(conflicted.out));
        QVERIFY2(conflicted.out.contains(QLatin1String("conflict: template 'Thanks' (edited_on_both)")),
                 qPrintable(conflicted.out));
        QCOMPARE(TemplateRepository(*server).find(thanks.id)->subject, QStringLiteral("Theirs"));

        const Run badChoice = herald.run(QStringList{QStringLiteral("sync"), QStringLiteral("--keep"), QStringLiteral("all")} + office);
        QCOMPARE(badChoice.exitCode, 2);

        const Run resolved = herald.run(QStringList{QStringLiteral("sync"), QStringLiteral("--keep"), QStringLiteral("mine")} + office);
        QVERIFY2(resolved.exitCode == 0, qPrintable(resolved.out + resolved.err));
        QVERIFY2(resolved.out.contains(QLatin1String("Resolved: template 'Thanks' (mine)")), qPrintable(resolved.out));
        QVERIFY2(resolved.out.contains(QLatin1String("Conflicts: 0 new, 0 open")), qPrintable(resolved.out));
        QCOMPARE(TemplateRepository(*server).find(thanks.id)->subject, QStringLiteral("Mine"));
    }
};

QTEST_GUILESS_MAIN(TestSyncCommand)
#include "TestSyncCommand.moc"
