#include "common/MessageBox.h"
#include "config/Config.h"
#include "shell/DatabaseOpener.h"
#include "shell/PasswordDialog.h"
#include "storage/ProfileStore.h"
#include "storage/SecretStore.h"
#include "sync/LocalStore.h"

#include <QApplication>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// Opening the active profile at start: the password question says why it asks, and a server that
// cannot be reached offers a way out instead of a dead end. Answers are scripted, nothing is shown.
class TestDatabaseOpener : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static int freePort()
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost))
            return 0;
        return server.serverPort(); // closed when server goes out of scope: nothing listens there
    }

    // An office server profile, made active, on a port where nothing answers.
    static ConnectionProfile activeUnreachableProfile(ProfileStore& store, int port)
    {
        auto office = ConnectionProfile::postgres(QStringLiteral("Office"), QStringLiteral("127.0.0.1"), port,
            QStringLiteral("herald"), QStringLiteral("staff"));
        store.save(office);
        store.setActiveId(office.id);
        return office;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("data"))));
        qunsetenv("PGPASSWORD");
        SecretStore::instance().setKeychainDisabled(true);
    }

    void init()
    {
        Config::instance().useFile(m_dir.filePath(QStringLiteral("%1.ini").arg(QTest::currentTestFunction())));
        SecretStore::instance().forgetSession();
    }

    void opensThisComputerWithoutQuestions()
    {
        ProfileStore store(Config::instance());
        DatabaseOpener opener(store, SecretStore::instance());
        MessageBox::setNextAnswer(QMessageBox::Close); // would quit, were anything asked
        auto database = opener.openActive();
        QVERIFY(database);
        QCOMPARE(database->backend(), Backend::Sqlite);
        QVERIFY(database->profile().sqlitePath.startsWith(m_dir.path()));
        MessageBox::setNextAnswer(QMessageBox::NoButton);
    }

    void asksForAMissingPasswordAndFallsBackToThisComputer()
    {
        ProfileStore store(Config::instance());
        const int port = freePort();
        QVERIFY(port > 0);
        activeUnreachableProfile(store, port);

        PasswordDialog::setNextAnswer({ true, QStringLiteral("typed-password"), false });
        MessageBox::setNextAnswer(QMessageBox::Apply); // "Use This Computer"
        DatabaseOpener opener(store, SecretStore::instance());
        auto database = opener.openActive();

        // It asked, and said why: no keychain in this session.
        QVERIFY2(
            PasswordDialog::lastReason().contains(QLatin1String("keychain")), qPrintable(PasswordDialog::lastReason()));
        // The failure named the server and carried its words.
        const QString failure = MessageBox::lastText();
        QVERIFY2(failure.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(failure));
        QVERIFY2(failure.contains(QLatin1String("refused")), qPrintable(failure));
        QVERIFY(database);
        QCOMPARE(database->backend(), Backend::Sqlite);
        QCOMPARE(store.activeId(), QStringLiteral("local"));
    }

    void cancelledPasswordOffersTheSameWayOut()
    {
        ProfileStore store(Config::instance());
        activeUnreachableProfile(store, freePort());
        PasswordDialog::setNextAnswer({ false, QString(), false });
        MessageBox::setNextAnswer(QMessageBox::Close); // "Quit"
        DatabaseOpener opener(store, SecretStore::instance());
        QVERIFY(!opener.openActive());
        QVERIFY2(MessageBox::lastText().contains(QLatin1String("No password was given")),
            qPrintable(MessageBox::lastText()));
        QCOMPARE(store.active().name, QStringLiteral("Office")); // quitting changes nothing
    }

    void aPasswordFromThisSessionIsNotAskedAgain()
    {
        ProfileStore store(Config::instance());
        const ConnectionProfile office = activeUnreachableProfile(store, freePort());
        SecretStore::instance().rememberForSession(SecretStore::profileKey(office.id), QStringLiteral("known"));
        PasswordDialog::setNextAnswer({ false, QString(), false }); // would cancel, were it asked
        MessageBox::setNextAnswer(QMessageBox::Close);
        DatabaseOpener opener(store, SecretStore::instance());
        QVERIFY(!opener.openActive());
        QVERIFY2(
            MessageBox::lastText().contains(QLatin1String("Could not connect")), qPrintable(MessageBox::lastText()));
        PasswordDialog::clearNextAnswer();
    }

    void anUnreachableServerCanBeWorkedOfflineAndIsWhenItsStoreIsHere()
    {
        ProfileStore store(Config::instance());
        const ConnectionProfile office = activeUnreachableProfile(store, freePort());
        SecretStore::instance().rememberForSession(SecretStore::profileKey(office.id), QStringLiteral("known"));
        DatabaseOpener opener(store, SecretStore::instance());

        // Never synced here: the failure offers "Work Offline".
        QVERIFY(!LocalStore::existsFor(office));
        MessageBox::setNextAnswer(QMessageBox::Ignore);
        bool offline = false;
        auto database = opener.openActive(nullptr, &offline);
        QVERIFY(database);
        QVERIFY(offline);
        QCOMPARE(database->profile().id, office.id);

        // With the profile's offline store on this computer, no question: Herald opens offline.
        {
            LocalStore local(office);
            QVERIFY(local.open().ok());
        }
        QVERIFY(LocalStore::existsFor(office));
        MessageBox::setNextAnswer(QMessageBox::Close); // would quit, were anything asked
        const QString asked = MessageBox::lastText();
        database = opener.openActive(nullptr, &offline);
        QVERIFY(database);
        QVERIFY(offline);
        QCOMPARE(MessageBox::lastText(), asked);
        MessageBox::setNextAnswer(QMessageBox::NoButton);
    }
};

QTEST_MAIN(TestDatabaseOpener)
#include "TestDatabaseOpener.moc"
