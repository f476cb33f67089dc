#include "DeskDatabase.h"
#include "HeraldProcess.h"
#include "TestDatabase.h"
#include "storage/Database.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace herald;

// `herald db copy --to PROFILE` and `herald db backup FILE` (issue 18), run as the real program: a desk's embedded
// database moved to an empty PostgreSQL database, a second move refused naming the table with rows, a backup that
// refuses to overwrite without --force, PostgreSQL sent to pg_dump, and --help naming it all.
class TestDbCommand : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::HeraldProcess> m_herald;
    std::unique_ptr<Database> m_desk;
    std::unique_ptr<test::TestDatabase> m_server;

    test::HeraldProcess::Run herald(const QStringList& arguments) { return m_herald->run(arguments); }

private slots:
    void initTestCase()
    {
        m_herald = std::make_unique<test::HeraldProcess>(QStringLiteral(HERALD_EXECUTABLE));
        const auto status = herald({QStringLiteral("db"), QStringLiteral("status")});
        QCOMPARE(status.exitCode, 0);
        const auto location = QRegularExpression(QStringLiteral("Location: (.+)\\n")).match(status.out);
        QVERIFY2(location.hasMatch(), qPrintable(status.out));
        m_desk = std::make_unique<Database>(ConnectionProfile::embedded(location.captured(1).trimmed()));
        QVERIFY(m_desk->open().ok());
        const QString filled = test::DeskDatabase::fill(m_desk->connection(), 400);
        QVERIFY2(filled.isEmpty(), qPrintable(filled));

        m_server = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_server->isReady(), qPrintable(m_server->setupError()));
        const ConnectionProfile server = m_server->profile();
        const auto added = herald({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Team"),
                                   QStringLiteral("--host"), server.host, QStringLiteral("--port"),
                                   QString::number(server.port), QStringLiteral("--database"), server.database,
                                   QStringLiteral("--user"), server.user, QStringLiteral("--sslmode"),
                                   QStringLiteral("disable")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }

    void helpNamesTheActions()
    {
        const auto help = herald({QStringLiteral("db"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char* word : {"status", "copy --to PROFILE", "backup FILE", "--from", "--force", "pg_dump"})
            QVERIFY2(help.out.contains(QLatin1String(word)), word);
        const auto usage = herald({QStringLiteral("db"), QStringLiteral("copy")});
        QCOMPARE(usage.exitCode, 2);
        QVERIFY(usage.err.contains(QStringLiteral("herald db copy --to PROFILE")));
    }

    void copiesTheDeskToTheServer()
    {
        const auto copied = herald({QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--to"),
                                    QStringLiteral("Team")});
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
        QVERIFY2(copied.out.contains(QStringLiteral("Counts match on both sides")), qPrintable(copied.out));
        QVERIFY2(copied.out.contains(QStringLiteral("nonprofits 400 = 400")), qPrintable(copied.out));
        QVERIFY2(copied.out.contains(QStringLiteral("herald_admin")), qPrintable(copied.out));
        QVERIFY2(copied.err.contains(QStringLiteral("Copying to Team: 100%")), qPrintable(copied.err));
        auto team = m_server->open();
        QCOMPARE(test::DeskDatabase::count(team->connection(), QStringLiteral("sends")),
                 test::DeskDatabase::count(m_desk->connection(), QStringLiteral("sends")));

        // Once there is data on the server, another move is refused and names the table.
        const auto again = herald({QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--to"),
                                   QStringLiteral("Team")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("table nonprofits has rows")), qPrintable(again.err));
    }

    void copyRefusesWhatIsNotAServer()
    {
        const auto missing = herald({QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--to"),
                                     QStringLiteral("Nowhere")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("no connection profile named 'Nowhere'")));
    }

    void backsUpAndRefusesToOverwrite()
    {
        const QString file = m_herald->homePath(QStringLiteral("desk-backup.sqlite"));
        const QStringList backup{QStringLiteral("db"), QStringLiteral("backup"), file};
        const auto first = herald(backup);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY2(first.out.contains(QStringLiteral("Restoring is opening that file")), qPrintable(first.out));
        QVERIFY(QFile::exists(file));

        const auto refused = herald(backup);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("--force")), qPrintable(refused.err));
        const auto forced = herald(QStringList(backup) << QStringLiteral("--force"));
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));

        // The backup opens as a database of its own with the desk's rows.
        Database restored(ConnectionProfile::embedded(file));
        QVERIFY(restored.open().ok());
        QCOMPARE(test::DeskDatabase::count(restored.connection(), QStringLiteral("nonprofits")), qint64(400));
    }

    void serverBackupIsPgDump()
    {
        const auto refused = herald({QStringLiteral("db"), QStringLiteral("backup"),
                                     m_herald->homePath(QStringLiteral("team.sqlite")), QStringLiteral("--profile"),
                                     QStringLiteral("Team")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("pg_dump")), qPrintable(refused.err));
    }
};

QTEST_GUILESS_MAIN(TestDbCommand)
#include "TestDbCommand.moc"
