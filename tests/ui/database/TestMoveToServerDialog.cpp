#include "DesktopTestEnvironment.h"
#include "DeskDatabase.h"
#include "TestDatabase.h"
#include "database/MoveToServerDialog.h"
#include "storage/Database.h"
#include "storage/ProfileStore.h"
#include "storage/copy/CopyCatalog.h"

#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QTest>

#include <memory>

using namespace herald;

// File → Move to a team server… (issue 18) against a real PostgreSQL database: the dialog offers the PostgreSQL
// profiles, copies off the UI thread with a progress bar per table, says what was copied, and Cancel midway leaves
// the server empty. Screenshots in English, Spanish and French.
class TestMoveToServerDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_desk;

    // The server as the profile "Team server" for as long as a test case runs (removed even when a check fails).
    struct TeamProfile
    {
        explicit TeamProfile(const test::TestDatabase& server)
            : profile(server.profile())
        {
            profile.name = QStringLiteral("Team server");
            ProfileStore(Config::instance()).save(profile);
        }
        ~TeamProfile() { ProfileStore(Config::instance()).remove(profile.id); }
        ConnectionProfile profile;
    };


private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir);
        m_desk = std::make_unique<Database>(ConnectionProfile::embedded(m_dir.filePath(QStringLiteral("desk.sqlite"))));
        QVERIFY(m_desk->open().ok());
        const QString filled = test::DeskDatabase::fill(m_desk->connection(), 20000);
        QVERIFY2(filled.isEmpty(), qPrintable(filled));
    }

    void cancelMidwayLeavesTheServerEmpty()
    {
        test::TestDatabase server;
        QVERIFY(server.isReady());
        const TeamProfile team(server);
        ProfileStore profiles(Config::instance());
        MoveToServerDialog dialog(*m_desk, profiles);
        dialog.show();
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("moveButton")), Qt::LeftButton);
        QVERIFY(dialog.isMoving());
        // Cancel once the first table is under way.
        QTRY_VERIFY_WITH_TIMEOUT(dialog.findChild<QProgressBar*>(QStringLiteral("tableProgress_nonprofits"))
                                     && dialog.findChild<QProgressBar*>(QStringLiteral("tableProgress_nonprofits"))->value() > 0,
                                 30000);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("cancelButton")), Qt::LeftButton);
        QVERIFY(dialog.isVisible()); // it stays, to say what became of the server
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isMoving(), 30000);
        const QString said = dialog.findChild<QLabel*>(QStringLiteral("statusLabel"))->text();
        QVERIFY2(said.contains(QStringLiteral("cancelled")) && said.contains(QStringLiteral("empty")), qPrintable(said));
        auto opened = server.open();
        QCOMPARE(test::DeskDatabase::copiedRows(*opened), 0);
        QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("moveButton"))->isEnabled()); // ready to try again
    }

    void movesWithAProgressBarPerTable_data() { test::addLanguageRows(); }
    void movesWithAProgressBarPerTable()
    {
        QFETCH(QString, language);
        const test::ScopedLanguage scoped(language);
        QVERIFY(scoped.isLoaded());
        test::TestDatabase server;
        QVERIFY(server.isReady());
        const TeamProfile team(server);
        ProfileStore profiles(Config::instance());
        MoveToServerDialog dialog(*m_desk, profiles);
        dialog.show();
        auto* combo = dialog.findChild<QComboBox*>(QStringLiteral("targetCombo"));
        QCOMPARE(combo->count(), 1); // PostgreSQL profiles only: not this computer's own database
        QVERIFY(combo->currentText().startsWith(QStringLiteral("Team server")));

        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("moveButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isMoving(), 120000);
        const QString said = dialog.findChild<QLabel*>(QStringLiteral("statusLabel"))->text();
        const auto bars = dialog.findChildren<QProgressBar*>();
        QCOMPARE(bars.size(), CopyCatalog::copiedTables().size());
        for (const QProgressBar* bar : bars)
            QVERIFY2(bar->value() == bar->maximum(), qPrintable(bar->objectName() + QLatin1String(": ") + said));
        if (language == QLatin1String("en")) {
            QVERIFY2(said.contains(QStringLiteral("Counts match on both sides")), qPrintable(said));
            QCOMPARE(dialog.findChild<QProgressBar*>(QStringLiteral("tableProgress_nonprofits"))->text(),
                     QStringLiteral("20,000 here = 20,000 on the server"));
        }
        QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("moveButton"))->isEnabled());
        auto moved = server.open();
        QCOMPARE(test::DeskDatabase::copiedRows(*moved), test::DeskDatabase::copiedRows(*m_desk) + 1); // and the move's own line in the audit log
        test::saveScreenshot(&dialog, QStringLiteral("move-to-server-%1.png").arg(language));
    }
};

QTEST_MAIN(TestMoveToServerDialog)
#include "TestMoveToServerDialog.moc"
