#include "TestDatabase.h"
#include "storage/Database.h"

#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>

using namespace herald;

// Connection failures against the real server: each must come back as a message naming the server
// and carrying the server's own text.
class TestPostgresConnection : public QObject
{
    Q_OBJECT

private slots:
    void probeReportsTheServerVersion()
    {
        const auto result = Database::probe(test::TestDatabase::serverProfile(QStringLiteral("postgres")), {});
        QVERIFY2(result.ok(), qPrintable(result.error().message));
        QVERIFY2(result.value().startsWith(QLatin1String("PostgreSQL 15")), qPrintable(result.value()));
    }

    void wrongPasswordIsAnAuthenticationError()
    {
        ConnectionProfile profile = test::TestDatabase::serverProfile(QStringLiteral("postgres"));
        profile.user = QStringLiteral("herald_pw");
        const auto wrong = Database::probe(profile, QStringLiteral("not-the-password"));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().kind, Error::Kind::Authentication);
        QVERIFY2(wrong.error().message.contains(QLatin1String("password authentication failed")), qPrintable(wrong.error().message));
        QVERIFY2(wrong.error().message.contains(profile.location()), qPrintable(wrong.error().message));

        const auto right = Database::probe(profile, QStringLiteral("herald-test-password"));
        QVERIFY2(right.ok(), qPrintable(right.error().message));
    }

    void unreachableHostIsAConnectionError()
    {
        // A port we just saw free: nothing listens there.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const int port = server.serverPort();
        server.close();
        ConnectionProfile profile = test::TestDatabase::serverProfile(QStringLiteral("postgres"));
        profile.port = port;
        const auto result = Database::probe(profile, {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Connection);
        QVERIFY2(result.error().message.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(result.error().message));
        QVERIFY2(result.error().message.contains(QLatin1String("refused")), qPrintable(result.error().message));
    }

    void missingDatabaseIsNamed()
    {
        const auto result = Database::probe(test::TestDatabase::serverProfile(QStringLiteral("no_such_db")), {});
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QLatin1String("no_such_db")), qPrintable(result.error().message));
    }

    void pingReconnectsAfterTheServerDropsTheSession()
    {
        test::TestDatabase scratch;
        QVERIFY2(scratch.isReady(), qPrintable(scratch.setupError()));
        auto database = scratch.open();
        QVERIFY(database->ping().ok());
        // Kill our own backend the way a server restart would.
        QSqlQuery kill(database->connection());
        kill.exec(QStringLiteral("SELECT pg_terminate_backend(pg_backend_pid())"));
        const Status pinged = database->ping();
        QVERIFY2(pinged.ok(), qPrintable(pinged.error().message));
    }
};

QTEST_GUILESS_MAIN(TestPostgresConnection)
#include "TestPostgresConnection.moc"
