#include "TestDatabase.h"
#include "config/Config.h"
#include "shell/ConnectionMonitor.h"
#include "shell/MainWindow.h"
#include "storage/ProfileStore.h"
#include "storage/SecretStore.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// The status bar on a real PostgreSQL server that stops answering and comes back: the check runs on
// the monitor's thread, the window says "Server unreachable — reconnecting…" and then "Connected".
class TestConnectionMonitor : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;

    // Lets or stops connections to the scratch database, as a server going away would, and ends the
    // sessions already open.
    bool setReachable(bool reachable, QString* error)
    {
        const QString name = QStringLiteral("herald-monitor-admin");
        bool ok = false;
        {
            QSqlDatabase admin = QSqlDatabase::contains(name)
                ? QSqlDatabase::database(name, false)
                : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            const ConnectionProfile server = test::TestDatabase::serverProfile(QStringLiteral("postgres"));
            admin.setHostName(server.host);
            admin.setPort(server.port);
            admin.setDatabaseName(server.database);
            admin.setUserName(server.user);
            if (!admin.isOpen() && !admin.open()) {
                *error = admin.lastError().text();
                return false;
            }
            const QString database = m_scratch->profile().database; // generated from [a-z0-9_]
            QSqlQuery query(admin);
            ok = query.exec(QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS %2")
                                .arg(database, reachable ? QStringLiteral("true") : QStringLiteral("false")));
            if (ok && !reachable) {
                query.prepare(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                             "WHERE datname = :database AND pid <> pg_backend_pid()"));
                query.bindValue(QStringLiteral(":database"), database);
                ok = query.exec();
            }
            if (!ok)
                *error = query.lastError().text();
        }
        return ok;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("data"))));
        SecretStore::instance().setKeychainDisabled(true);
        Config::instance().useFile(m_dir.filePath(QStringLiteral("herald.ini")));
        Config::instance().set(Config::ConnectionCheckSeconds, 1);
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        QVERIFY(m_database->ping().ok());
    }

    void cleanupTestCase()
    {
        QString ignored;
        setReachable(true, &ignored);
        m_database.reset();
        m_scratch.reset();
    }

    void monitorReportsLossAndRecovery()
    {
        ConnectionMonitor monitor(*m_database, 1);
        QSignalSpy lost(&monitor, &ConnectionMonitor::connectionLost);
        QSignalSpy restored(&monitor, &ConnectionMonitor::connectionRestored);
        QString error;
        QVERIFY2(setReachable(false, &error), qPrintable(error));
        monitor.checkNow();
        QTRY_VERIFY_WITH_TIMEOUT(!lost.isEmpty(), 15000);
        QVERIFY(!monitor.isConnected());
        const QString message = lost.first().at(0).toString();
        QVERIFY2(message.contains(m_scratch->profile().location()), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("not currently accepting connections")), qPrintable(message));

        QVERIFY2(setReachable(true, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!restored.isEmpty(), 15000);
        QVERIFY(monitor.isConnected());
    }

    void statusBarFollowsTheServer()
    {
        ProfileStore profiles(Config::instance());
        MainWindow window(*m_database, profiles);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* state = window.findChild<QLabel*>(QStringLiteral("connectionStatusLabel"));
        QVERIFY(state);
        QCOMPARE(state->text(), QStringLiteral("Connected"));

        QString error;
        QVERIFY2(setReachable(false, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Server unreachable — reconnecting…"), 15000);
        QVERIFY2(state->toolTip().contains(m_scratch->profile().location()), qPrintable(state->toolTip()));

        QVERIFY2(setReachable(true, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Connected"), 15000);
        // The window's own connection was cut too; it works again.
        QVERIFY(m_database->ping().ok());
    }
};

QTEST_MAIN(TestConnectionMonitor)
#include "TestConnectionMonitor.moc"
