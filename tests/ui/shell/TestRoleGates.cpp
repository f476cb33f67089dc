#include "DesktopTestEnvironment.h"
#include "RoleLogins.h"
#include "TestDatabase.h"
#include "campaigns/CampaignEditorDialog.h"
#include "common/MessageBox.h"
#include "shell/MainWindow.h"
#include "storage/CampaignRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/ProfileStore.h"
#include "team/SessionRole.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace herald;
using Right = SessionRole::Right;

// The real window opened as real PostgreSQL logins (viewer, editor, sender): what the role may not do is disabled with
// the sentence naming who may, what it may is enabled, and what the server refuses anyway comes back as a sentence.
class TestRoleGates : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_owner;
    std::unique_ptr<test::RoleLogins> m_roles;
    std::unique_ptr<ProfileStore> m_profiles;

    std::unique_ptr<MainWindow> openAs(const QString& group)
    {
        auto window = std::make_unique<MainWindow>(m_roles->as(group), *m_profiles);
        window->show();
        QApplication::setActiveWindow(window.get());
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
        return window;
    }

    template <typename T> static T* find(QObject* parent, const char* name)
    {
        return parent->findChild<T*>(QString::fromLatin1(name));
    }

    // Closed for the role: disabled, and the tooltip names who may and who this is.
    void closedFor(QWidget* widget, Right right, const QString& group)
    {
        QVERIFY(widget);
        QVERIFY2(!widget->isEnabled(), qPrintable(widget->objectName()));
        QVERIFY2(widget->toolTip().startsWith(SessionRole::whoMay(right)), qPrintable(widget->toolTip()));
        QVERIFY2(widget->toolTip().contains(m_roles->login(group)), qPrintable(widget->toolTip()));
    }

    static void openFor(QWidget* widget)
    {
        QVERIFY(widget);
        QVERIFY2(widget->isEnabled(), qPrintable(widget->objectName() + QLatin1String(": ") + widget->toolTip()));
    }

    // Opens the first campaign in its editor, from the Campaigns page.
    void openCampaign(MainWindow& window, CampaignEditorDialog*& editor)
    {
        window.showPage(MainWindow::Campaigns);
        auto* table = find<QTableWidget>(&window, "campaignTable");
        QTRY_VERIFY(table->rowCount() > 0);
        table->selectRow(0);
        QTest::mouseClick(find<QPushButton>(&window, "editCampaignButton"), Qt::LeftButton);
        editor = nullptr;
        QTRY_VERIFY((editor = window.findChild<CampaignEditorDialog*>()) != nullptr);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir);
        QVERIFY2(test::TestDatabase::backendUnderTest() == Backend::Postgres, "roles are PostgreSQL's");
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_owner = m_scratch->open();
        Nonprofit food;
        food.name = QStringLiteral("Food Bank");
        food.email = QStringLiteral("food@example.org");
        QVERIFY(NonprofitRepository(*m_owner).insert(food).ok());
        Campaign draft;
        draft.name = QStringLiteral("Spring appeal");
        draft.subject = QStringLiteral("Hello {{name}}");
        draft.textBody = QStringLiteral("Dear {{name}}");
        draft.fromEmail = QStringLiteral("news@example.org");
        QVERIFY(CampaignRepository(*m_owner).insert(draft).ok());
        m_roles = std::make_unique<test::RoleLogins>(m_scratch->profile());
        const QString created = m_roles->create();
        QVERIFY2(created.isEmpty(), qPrintable(created));
        m_profiles = std::make_unique<ProfileStore>(Config::instance());
    }

    void cleanupTestCase()
    {
        m_roles.reset();
        m_owner.reset();
        m_scratch.reset();
    }

    void viewerReadsOnly()
    {
        auto window = openAs(QStringLiteral("viewer"));
        QVERIFY(window);
        const QString viewer = QStringLiteral("viewer");
        QCOMPARE(find<QLabel>(window.get(), "roleStatusLabel")->text(),
                 QStringLiteral("Signed in as %1 (viewer)").arg(m_roles->login(viewer)));
        for (const char* name : {"addButton", "editButton", "deleteButton", "tagButton", "importButton",
                                 "saveSegmentButton", "newTemplateButton", "deleteTemplateButton", "saveTemplateButton",
                                 "newCampaignButton", "addSuppressionButton", "importSuppressionsButton"})
            closedFor(find<QWidget>(window.get(), name), Right::EditContent, viewer);
        closedFor(find<QWidget>(window.get(), "removeSuppressionsButton"), Right::Administer, viewer);
        for (const char* name : {"exportButton", "exportSuppressionsButton", "mediaLibraryButton"})
            openFor(find<QWidget>(window.get(), name));
        // Selecting a row enables Edit and Delete for those who may; the gate keeps them closed.
        auto* table = find<QTableView>(window.get(), "nonprofitTable");
        QTRY_VERIFY(table->model()->rowCount() > 0);
        table->selectRow(0);
        closedFor(find<QWidget>(window.get(), "deleteButton"), Right::EditContent, viewer);
        // Shortcuts are closed too: Ctrl+N (add) is a disabled action.
        const auto actions = window->findChildren<QAction*>();
        for (QAction* action : actions) {
            if (action->text() == QLatin1String("Add Nonprofit…"))
                QVERIFY(!action->isEnabled());
        }

        // What slips past the window is refused by the server, and the page says so in a sentence, not SQL.
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QMetaObject::invokeMethod(find<QWidget>(window.get(), "nonprofitsPage"), "deleteSelected");
        auto* error = find<QLabel>(window.get(), "nonprofitsErrorLabel");
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("does not allow this on nonprofits to your role")),
                 qPrintable(error->text()));
        QVERIFY2(!error->text().contains(QLatin1String("DELETE")), qPrintable(error->text()));
        QCOMPARE(m_roles->ownerValue(QStringLiteral("SELECT count(*) FROM nonprofits")), QStringLiteral("1"));

        CampaignEditorDialog* editor = nullptr;
        openCampaign(*window, editor);
        QVERIFY(editor);
        closedFor(find<QWidget>(editor, "saveDraftButton"), Right::EditContent, viewer);
        closedFor(find<QWidget>(editor, "testSendButton"), Right::Send, viewer);
        closedFor(find<QWidget>(editor, "queueButton"), Right::Send, viewer);
        editor->close();
    }

    void editorEditsButDoesNotSend()
    {
        auto window = openAs(QStringLiteral("editor"));
        QVERIFY(window);
        const QString editor = QStringLiteral("editor");
        QCOMPARE(find<QLabel>(window.get(), "roleStatusLabel")->text(),
                 QStringLiteral("Signed in as %1 (editor)").arg(m_roles->login(editor)));
        for (const char* name : {"addButton", "importButton", "newTemplateButton", "newCampaignButton",
                                 "addSuppressionButton", "saveSegmentButton"})
            openFor(find<QWidget>(window.get(), name));
        closedFor(find<QWidget>(window.get(), "removeSuppressionsButton"), Right::Administer, editor);
        for (const char* name : {"addProviderButton", "generateKeyButton", "saveAlertSettingsButton"}) {
            if (QWidget* widget = find<QWidget>(window.get(), name))
                closedFor(widget, Right::Administer, editor);
        }
        // Settings: every panel's change is the administrator's.
        int closedInSettings = 0;
        for (auto* button : find<QWidget>(window.get(), "settingsScroll")->findChildren<QPushButton*>()) {
            if (button->toolTip().startsWith(SessionRole::whoMay(Right::Administer)))
                ++closedInSettings;
        }
        QVERIFY2(closedInSettings >= 7, qPrintable(QString::number(closedInSettings)));

        CampaignEditorDialog* dialog = nullptr;
        openCampaign(*window, dialog);
        QVERIFY(dialog);
        openFor(find<QWidget>(dialog, "saveDraftButton"));
        closedFor(find<QWidget>(dialog, "testSendButton"), Right::Send, editor);
        closedFor(find<QWidget>(dialog, "queueButton"), Right::Send, editor);
        test::saveScreenshot(window.get(), QStringLiteral("role-gates-editor-en.png"));
        test::saveScreenshot(dialog, QStringLiteral("role-gates-editor-campaign-en.png"));
        dialog->close();
    }

    void senderSendsButDoesNotAdminister()
    {
        auto window = openAs(QStringLiteral("sender"));
        QVERIFY(window);
        const QString sender = QStringLiteral("sender");
        closedFor(find<QWidget>(window.get(), "removeSuppressionsButton"), Right::Administer, sender);
        CampaignEditorDialog* dialog = nullptr;
        openCampaign(*window, dialog);
        QVERIFY(dialog);
        openFor(find<QWidget>(dialog, "saveDraftButton"));
        openFor(find<QWidget>(dialog, "testSendButton"));
        QVERIFY2(!find<QWidget>(dialog, "queueButton")->toolTip().startsWith(SessionRole::whoMay(Right::Send)),
                 qPrintable(find<QWidget>(dialog, "queueButton")->toolTip()));
        dialog->close();
    }

    void statusBarInEachLanguage_data() { test::addLanguageRows(); }

    void statusBarInEachLanguage()
    {
        QFETCH(QString, language);
        const test::ScopedLanguage scoped(language);
        QVERIFY(scoped.isLoaded());
        auto window = openAs(QStringLiteral("viewer"));
        QVERIFY(window);
        const QString text = find<QLabel>(window.get(), "roleStatusLabel")->text();
        QVERIFY2(text.contains(m_roles->login(QStringLiteral("viewer"))), qPrintable(text));
        if (language != QLatin1String("en"))
            QVERIFY2(!text.startsWith(QLatin1String("Signed in as")), qPrintable(text));
        test::saveScreenshot(window.get(), QStringLiteral("role-gates-viewer-%1.png").arg(language));
    }
};

QTEST_MAIN(TestRoleGates)
#include "TestRoleGates.moc"
