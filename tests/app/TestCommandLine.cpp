#include "HeraldProcess.h"
#include "TestDatabase.h"
#include "storage/Migrator.h"

#include <QTest>

using namespace herald;

// Runs the real herald executable headless, with its own config and data folders.
class TestCommandLine : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::HeraldProcess> m_herald;

    using Run = test::HeraldProcess::Run;

    Run herald(const QStringList& arguments, const QString& password = {}) { return m_herald->run(arguments, password); }

private slots:
    void init() { m_herald = std::make_unique<test::HeraldProcess>(QStringLiteral(HERALD_EXECUTABLE)); }

    void versionNeedsNoDisplay()
    {
        const Run run = herald({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String(HERALD_VERSION)), qPrintable(run.out));
    }

    void helpListsTheCommands()
    {
        const Run run = herald({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("db")) && run.out.contains(QLatin1String("profile")), qPrintable(run.out));
    }

    void unknownCommandIsAnError()
    {
        const Run run = herald({QStringLiteral("frobnicate")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("Unknown command 'frobnicate'")), qPrintable(run.err));
    }

    void embeddedDatabaseByDefault()
    {
        const Run run = herald({QStringLiteral("db"), QStringLiteral("status")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("Backend: SQLite")), qPrintable(run.out));
        QVERIFY2(run.out.contains(m_herald->homePath(QStringLiteral("data"))), qPrintable(run.out));
        const QString expected = QStringLiteral("Schema version: %1").arg(Migrator::latestVersion(Backend::Sqlite));
        QVERIFY2(run.out.contains(expected), qPrintable(run.out));
    }

    void postgresProfileFromTheCommandLine()
    {
        // herald_pw owns herald_pw_db on the test cluster and must give a password (tests/support/pg_cluster.sh).
        const ConnectionProfile server = test::TestDatabase::serverProfile(QStringLiteral("postgres"));
        Run added = herald({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Office"),
                            QStringLiteral("--host"), server.host, QStringLiteral("--port"), QString::number(server.port),
                            QStringLiteral("--database"), QStringLiteral("herald_pw_db"), QStringLiteral("--user"),
                            QStringLiteral("herald_pw")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY2(added.out.contains(QLatin1String("sslmode prefer")), qPrintable(added.out));

        const Run wrong = herald({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--profile"), QStringLiteral("Office")},
                                 QStringLiteral("wrong-password"));
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains(QLatin1String("password authentication failed")), qPrintable(wrong.err));

        Run used = herald({QStringLiteral("profile"), QStringLiteral("use"), QStringLiteral("Office")});
        QCOMPARE(used.exitCode, 0);
        const Run status = herald({QStringLiteral("db"), QStringLiteral("status")}, QStringLiteral("herald-test-password"));
        QVERIFY2(status.exitCode == 0, qPrintable(status.err));
        QVERIFY2(status.out.contains(QLatin1String("Server: PostgreSQL 15")), qPrintable(status.out));

        const Run listed = herald({QStringLiteral("profile"), QStringLiteral("list")});
        QVERIFY2(listed.out.contains(QLatin1String("* Office")), qPrintable(listed.out));
        const Run missing = herald({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--profile"), QStringLiteral("Nowhere")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QLatin1String("no connection profile named 'Nowhere'")), qPrintable(missing.err));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "TestCommandLine.moc"
