#include "DesktopTestEnvironment.h"
#include "RoleLogins.h"
#include "TestDatabase.h"
#include "common/FileDialog.h"
#include "common/MessageBox.h"
#include "config/Config.h"
#include "itemmodels/AuditLogTableModel.h"
#include "settings/AuditLogDialog.h"
#include "settings/TeamMemberDialog.h"
#include "settings/TeamPanel.h"
#include "shell/MainWindow.h"
#include "storage/AuditLogRepository.h"
#include "storage/ProfileStore.h"
#include "team/TeamRepository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUuid>

using namespace herald;

// Settings → Team in the real window. PostgreSQL, as an admin's login: a person added through the dialog, the
// password shown once (and it logs in), the table updated. Both backends: the audit log's search narrows the lines
// and Export writes them to CSV; SQLite says the embedded database is one person. Screenshots in en, es, fr.
class TestTeamPanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_owner;
    std::unique_ptr<test::RoleLogins> m_roles;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MainWindow> m_window;
    QString m_added;

    bool onPostgres() const { return test::TestDatabase::backendUnderTest() == Backend::Postgres; }
    // The window's database: the admin's login on PostgreSQL, the embedded database on SQLite.
    Database& database() { return onPostgres() ? m_roles->as(QStringLiteral("admin")) : *m_owner; }
    template<typename T> T* find(const char* name) const { return m_window->findChild<T*>(QString::fromLatin1(name)); }

    void openWindow()
    {
        m_window = std::make_unique<MainWindow>(database(), *m_profiles);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->showPage(MainWindow::Settings);
        auto* panel = find<TeamPanel>("teamPanel");
        QVERIFY(panel);
        auto* scroll = find<QScrollArea>("settingsScroll");
        QCoreApplication::processEvents();
        scroll->verticalScrollBar()->setValue(panel->mapTo(scroll->widget(), QPoint(0, 0)).y() - 12);
    }
    QStringList listedLogins() const
    {
        QStringList logins;
        auto* list = find<QTreeWidget>("teamList");
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            logins << list->topLevelItem(i)->text(0);
        return logins;
    }
    AuditLogDialog* openAuditLog()
    {
        QTest::mouseClick(find<QPushButton>("auditLogButton"), Qt::LeftButton);
        AuditLogDialog* dialog = find<AuditLogDialog>("auditLogDialog");
        return dialog && QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir);
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_owner = m_scratch->open();
        QVERIFY(m_owner);
        if (onPostgres()) {
            m_roles = std::make_unique<test::RoleLogins>(m_scratch->profile());
            const QString created = m_roles->create();
            QVERIFY2(created.isEmpty(), qPrintable(created));
        }
        AuditLogRepository audit(*m_owner);
        for (int i = 0; i < 30; ++i)
            QVERIFY(audit.record(QStringLiteral("tester"), QStringLiteral("import"), QStringLiteral("nonprofit"),
                                 QString::number(i), QStringLiteral("row %1 imported").arg(i)).ok());
        for (int i = 0; i < 3; ++i)
            QVERIFY(audit.record(QStringLiteral("tester"), QStringLiteral("provider change"), QStringLiteral("provider"),
                                 QString::number(i), QStringLiteral("relay %1: smtp relay.example.org").arg(i)).ok());
        m_profiles = std::make_unique<ProfileStore>(Config::instance());
        openWindow();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        if (m_roles && !m_added.isEmpty())
            m_roles->psql({}, QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(m_added), QStringLiteral("postgres"));
        m_roles.reset();
        m_owner.reset();
        m_scratch.reset();
    }

    void sqliteSaysOnePerson()
    {
        if (onPostgres())
            QSKIP("the embedded database only (addsPersonThroughTheDialog covers PostgreSQL)");
        QVERIFY(find<QLabel>("teamNote")->text().contains(QLatin1String("one person")));
        QVERIFY(!find<QTreeWidget>("teamList")->isVisible());
        QVERIFY(!find<QPushButton>("addPersonButton")->isVisible());
        QVERIFY(find<QPushButton>("auditLogButton")->isVisible());
    }

    void addsPersonThroughTheDialog()
    {
        if (!onPostgres())
            QSKIP("a team needs PostgreSQL (sqliteSaysOnePerson covers SQLite)");
        QVERIFY(listedLogins().contains(m_roles->login(QStringLiteral("editor"))));
        m_added = QStringLiteral("g%1_dana").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
        QTest::mouseClick(find<QPushButton>("addPersonButton"), Qt::LeftButton);
        TeamMemberDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = find<TeamMemberDialog>("teamMemberDialog")) && dialog->isVisible());
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("teamNameEdit")), m_added);
        auto* password = dialog->findChild<QLineEdit*>(QStringLiteral("initialPasswordEdit"));
        QVERIFY(!password->isVisible());
        test::saveScreenshot(dialog, QStringLiteral("team-add.png"));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("teamMemberOkButton")), Qt::LeftButton);
        QVERIFY2(password->isVisible(), qPrintable(dialog->findChild<QLabel*>(QStringLiteral("teamMemberError"))->text()));
        QVERIFY(password->isReadOnly());
        QCOMPARE(password->text().size(), 27);
        test::saveScreenshot(dialog, QStringLiteral("team-password-shown.png"));
        const QString shown = password->text();
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("teamMemberOkButton")), Qt::LeftButton);
        QTRY_VERIFY(!find<TeamMemberDialog>("teamMemberDialog"));

        QVERIFY(listedLogins().contains(m_added));
        ConnectionProfile profile = m_scratch->profile();
        profile.user = m_added;
        Database asDana(profile, shown);
        QVERIFY(asDana.open().ok());
        // Shown once: the panel holds no password anywhere.
        for (QLineEdit* edit : m_window->findChildren<QLineEdit*>())
            QVERIFY(edit->text() != shown);
    }

    void changesRoleAndRemoves()
    {
        if (!onPostgres())
            QSKIP("a team needs PostgreSQL");
        auto* list = find<QTreeWidget>("teamList");
        const auto select = [list](const QString& login) {
            for (int i = 0; i < list->topLevelItemCount(); ++i)
                list->topLevelItem(i)->setSelected(list->topLevelItem(i)->text(0) == login);
        };
        select(m_added);
        QTest::mouseClick(find<QPushButton>("changeRoleButton"), Qt::LeftButton);
        TeamMemberDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = find<TeamMemberDialog>("teamMemberDialog")) && dialog->isVisible());
        QVERIFY(dialog->findChild<QLineEdit*>(QStringLiteral("teamNameEdit"))->isReadOnly());
        auto* role = dialog->findChild<QComboBox*>(QStringLiteral("teamRoleCombo"));
        QCOMPARE(role->currentData().toString(), QStringLiteral("editor"));
        role->setCurrentIndex(role->findData(QStringLiteral("sender")));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("teamMemberOkButton")), Qt::LeftButton);
        QTRY_VERIFY(!find<TeamMemberDialog>("teamMemberDialog"));
        QCOMPARE(TeamRepository(database()).list().value().size(), list->topLevelItemCount());
        const auto roleShown = [list](const QString& login) {
            for (int i = 0; i < list->topLevelItemCount(); ++i)
                if (list->topLevelItem(i)->text(0) == login)
                    return list->topLevelItem(i)->text(1);
            return QString();
        };
        QCOMPARE(roleShown(m_added), QStringLiteral("Sender"));

        // Remove asks first: No keeps the person, Yes removes them.
        select(m_added);
        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::mouseClick(find<QPushButton>("removePersonButton"), Qt::LeftButton);
        QVERIFY(MessageBox::lastText().contains(m_added));
        QVERIFY(listedLogins().contains(m_added));
        select(m_added);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(find<QPushButton>("removePersonButton"), Qt::LeftButton);
        QVERIFY2(!listedLogins().contains(m_added), qPrintable(find<QLabel>("teamError")->text()));
        QCOMPARE(m_roles->ownerValue(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = '%1'").arg(m_added)),
                 QStringLiteral("0"));
    }

    void refusalIsTheSentence()
    {
        if (!onPostgres())
            QSKIP("a team needs PostgreSQL");
        // A sender's window: the server refuses, the dialog says so in Herald's words.
        MainWindow senderWindow(m_roles->as(QStringLiteral("sender")), *m_profiles);
        auto* panel = senderWindow.findChild<TeamPanel*>(QStringLiteral("teamPanel"));
        QVERIFY(panel->findChild<QLabel*>(QStringLiteral("teamError"))->text().contains(
            QLatin1String("does not allow this")));
        TeamMemberDialog dialog(m_roles->as(QStringLiteral("sender")));
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("teamNameEdit")), QStringLiteral("nobody_new"));
        dialog.accept();
        const QString error = dialog.findChild<QLabel*>(QStringLiteral("teamMemberError"))->text();
        QVERIFY2(error.contains(QLatin1String("does not allow this to your role")), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1String("herald_team_add")), qPrintable(error));
    }

    void auditLogSearchesAndExports()
    {
        AuditLogDialog* dialog = openAuditLog();
        QVERIFY(dialog);
        AuditLogTableModel* model = dialog->model();
        QVERIFY(model->totalCount() >= 33);
        QVERIFY(model->rowCount() > 0);
        auto* search = dialog->findChild<QLineEdit*>(QStringLiteral("searchEdit"));
        QTest::keyClicks(search, QStringLiteral("RELAY.example"));
        QTRY_COMPARE(model->totalCount(), qint64(3));
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->rowAt(0).entityId, QStringLiteral("2")); // newest first

        const QString path = m_dir.filePath(QStringLiteral("audit.csv"));
        FileDialog::setNextFileName(path);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("exportAuditLogButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path)
                                     && dialog->findChild<QLabel*>(QStringLiteral("auditLogStatus"))->text().contains(
                                         QLatin1String("written")),
                                 30000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.at(0).startsWith("id,at,actor,action,entity,entity_id,detail"));
        QVERIFY(lines.at(1).contains("relay 2: smtp relay.example.org"));
        search->clear();
        QTRY_VERIFY(model->totalCount() >= 33);
        dialog->close();
    }

    // build/screenshots/team-*.png: Settings → Team and the audit log at the default size, looked at for cut-off text.
    void screenshots_data() { test::addLanguageRows(); }

    void screenshots()
    {
        QFETCH(QString, language);
        const test::ScopedLanguage scoped(language);
        QVERIFY(scoped.isLoaded());
        openWindow();
        const QString backend = onPostgres() ? QStringLiteral("pg") : QStringLiteral("sqlite");
        test::saveScreenshot(m_window.get(), QStringLiteral("team-panel-%1-%2.png").arg(backend, language));
        AuditLogDialog* dialog = openAuditLog();
        QVERIFY(dialog);
        test::saveScreenshot(dialog, QStringLiteral("team-audit-%1-%2.png").arg(backend, language));
        dialog->close();
    }
};

QTEST_MAIN(TestTeamPanel)
#include "TestTeamPanel.moc"
