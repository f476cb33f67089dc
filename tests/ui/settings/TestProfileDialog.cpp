#include "TestDatabase.h"
#include "config/Config.h"
#include "settings/ProfileDialog.h"
#include "storage/ProfileStore.h"
#include "storage/SecretStore.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// "Test connection" against the real server: its version on success, its own words on refusal.
class TestProfileDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // Runs "Test connection" as typed in the dialog and returns what the result label says.
    static QString testConnection(ProfileDialog& dialog)
    {
        QSignalSpy finished(&dialog, &ProfileDialog::testFinished);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("testButton")), Qt::LeftButton);
        if (!finished.wait(20000))
            return QStringLiteral("(no answer within 20 s)");
        return dialog.findChild<QLabel*>(QStringLiteral("testResultLabel"))->text();
    }

    static void type(ProfileDialog& dialog, const char* objectName, const QString& text)
    {
        auto* edit = dialog.findChild<QLineEdit*>(QString::fromLatin1(objectName));
        edit->clear();
        QTest::keyClicks(edit, text);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("data"))));
        SecretStore::instance().setKeychainDisabled(true);
        Config::instance().useFile(m_dir.filePath(QStringLiteral("herald.ini")));
    }

    void showsTheServerVersionOrItsRefusal()
    {
        ProfileStore profiles(Config::instance());
        ProfileDialog dialog(profiles);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const ConnectionProfile server = test::TestDatabase::serverProfile(QStringLiteral("postgres"));
        type(dialog, "nameEdit", QStringLiteral("Test cluster"));
        type(dialog, "hostEdit", server.host);
        dialog.findChild<QSpinBox*>(QStringLiteral("portSpin"))->setValue(server.port);
        type(dialog, "databaseEdit", QStringLiteral("postgres"));

        // herald_pw must give a password (scram); the cluster's pg_hba.conf says so.
        type(dialog, "userEdit", QStringLiteral("herald_pw"));
        type(dialog, "passwordEdit", QStringLiteral("not-the-password"));
        const QString refused = testConnection(dialog);
        QVERIFY2(refused.contains(QLatin1String("password authentication failed")), qPrintable(refused));
        QVERIFY2(refused.contains(QStringLiteral("%1:%2").arg(server.host).arg(server.port)), qPrintable(refused));

        type(dialog, "passwordEdit", QStringLiteral("herald-test-password"));
        const QString accepted = testConnection(dialog);
        QVERIFY2(accepted.startsWith(QLatin1String("Connected: PostgreSQL 15")), qPrintable(accepted));
    }
};

QTEST_MAIN(TestProfileDialog)
#include "TestProfileDialog.moc"
