#include "DesktopTestEnvironment.h"
#include "common/MessageBox.h"
#include "config/Config.h"
#include "itemmodels/NonprofitTableModel.h"
#include "nonprofits/NonprofitDialog.h"
#include "nonprofits/NonprofitsPage.h"
#include "settings/ProfileDialog.h"
#include "shell/MainWindow.h"
#include "shell/Translations.h"
#include "storage/Database.h"
#include "storage/NonprofitRepository.h"
#include "storage/ProfileStore.h"
#include "storage/SecretStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace herald;

// Builds the real MainWindow on a fresh SQLite database and drives it the way a user would
// (KeePassXC's TestGui style): pages, the nonprofit dialog and its errors, search, delete, profiles.
class TestGuiSmoke : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MainWindow> m_window;

    template <typename T> T* find(const char* name, QObject* parent = nullptr) const
    {
        return (parent ? parent : m_window.get())->findChild<T*>(QString::fromLatin1(name));
    }

    NonprofitTableModel* model() const { return find<NonprofitsPage>("nonprofitsPage")->model(); }
    QTableView* table() const { return find<QTableView>("nonprofitTable"); }

    // Opens the Add dialog from the Add button; nothing blocks, the dialog is a child of the page.
    NonprofitDialog* openAddDialog()
    {
        QTest::mouseClick(find<QPushButton>("addButton"), Qt::LeftButton);
        NonprofitDialog* dialog = m_window->findChild<NonprofitDialog*>();
        if (dialog && !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }

    static void clickOk(QDialog* dialog)
    {
        auto* buttons = dialog->findChild<QDialogButtonBox*>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }

    int rowOf(const QString& name) const
    {
        for (int row = 0; row < model()->rowCount(); ++row) {
            if (model()->index(row, NonprofitTableModel::Name).data().toString() == name)
                return row;
        }
        return -1;
    }

    // The offscreen platform does not hand activation back when a dialog closes, as a window manager
    // would; shortcuts only reach the active window.
    void activateMainWindow()
    {
        m_window->activateWindow();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void selectRows(const QList<int>& rows)
    {
        activateMainWindow();
        table()->clearSelection();
        for (int row : rows)
            table()->selectionModel()->select(
                model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table()->selectionModel()->setCurrentIndex(model()->index(rows.first(), 0), QItemSelectionModel::NoUpdate);
        table()->setFocus();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir);
        Config::instance().set(Config::ConnectionCheckSeconds, 1);

        m_database
            = std::make_unique<Database>(ConnectionProfile::embedded(m_dir.filePath(QStringLiteral("gui.sqlite"))));
        const Status opened = m_database->open();
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        m_profiles = std::make_unique<ProfileStore>(Config::instance());
        m_window = std::make_unique<MainWindow>(*m_database, *m_profiles);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_database.reset();
    }

    void navigatesBetweenPages()
    {
        auto* navigation = find<QListWidget>("navigation");
        auto* pages = find<QStackedWidget>("pages");
        QVERIFY(navigation && pages);
        QCOMPARE(navigation->count(), 7);
        QCOMPARE(pages->currentIndex(), int(MainWindow::Nonprofits));

        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {},
            navigation->visualItemRect(navigation->item(MainWindow::Dashboard)).center());
        QCOMPARE(pages->currentIndex(), int(MainWindow::Dashboard));
        QCOMPARE(find<QLabel>("pageTitle", pages->currentWidget())->text(), QStringLiteral("Dashboard"));
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("dashboardPage"));

        QTest::keyClick(m_window.get(), Qt::Key_7, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::Settings);
        QTest::keyClick(m_window.get(), Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::Sending);
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::Suppressions);
        QCOMPARE(navigation->item(MainWindow::Suppressions)->text(), QStringLiteral("Suppressions"));
        QCOMPARE(find<QLabel>("pageTitle", pages->currentWidget())->text(), QStringLiteral("Suppression List"));
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::Nonprofits);
        QCOMPARE(navigation->currentRow(), int(MainWindow::Nonprofits));
    }

    void statusBarNamesTheProfile()
    {
        const QString profile = find<QLabel>("profileStatusLabel")->text();
        QVERIFY2(profile.contains(QLatin1String("This computer")), qPrintable(profile));
        QVERIFY2(profile.contains(QLatin1String("gui.sqlite")), qPrintable(profile));
        // A few periodic pings (every second here) keep it connected.
        QTest::qWait(1500);
        QCOMPARE(find<QLabel>("connectionStatusLabel")->text(), QStringLiteral("Connected"));
    }

    void emptyTableSaysHowToStart()
    {
        QCOMPARE(find<QLabel>("countLabel")->text(), QStringLiteral("0 nonprofits"));
        QVERIFY(find<QLabel>("hintLabel")->text().contains(QLatin1String("No nonprofits yet")));
    }

    void addKeepsTheDialogOpenUntilTheInputIsValid()
    {
        QPointer<NonprofitDialog> dialog = openAddDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        auto* email = find<QLineEdit>("emailEdit", dialog);
        QTest::keyClicks(find<QLineEdit>("nameEdit", dialog), QStringLiteral("Food Bank of Vermont"));
        QTest::keyClicks(email, QStringLiteral("info@vtfoodbank"));
        QTest::keyClicks(find<QLineEdit>("cityEdit", dialog), QStringLiteral("Barre"));
        QTest::keyClicks(find<QLineEdit>("regionEdit", dialog), QStringLiteral("VT"));
        QTest::keyClicks(find<QLineEdit>("tagsEdit", dialog), QStringLiteral("2026-gala, food"));
        clickOk(dialog);

        QVERIFY(dialog && dialog->isVisible());
        auto* error = find<QLabel>("errorLabel", dialog);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("Email 'info@vtfoodbank'")), qPrintable(error->text()));
        QVERIFY(email->property("heraldInvalid").toBool());
        QTRY_COMPARE(QApplication::focusWidget(), email);
        QCOMPARE(find<QLineEdit>("nameEdit", dialog)->text(), QStringLiteral("Food Bank of Vermont")); // nothing lost
        test::saveScreenshot(dialog, QStringLiteral("nonprofit-dialog-error.png"));

        QTest::keyClicks(email, QStringLiteral(".example.org"));
        QVERIFY(!email->property("heraldInvalid").toBool()); // typing takes the red frame away
        clickOk(dialog);
        QTRY_VERIFY2(dialog.isNull(), qPrintable(dialog ? error->text() : QString()));
        activateMainWindow();

        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(model()->index(0, NonprofitTableModel::Email).data().toString(),
            QStringLiteral("info@vtfoodbank.example.org"));
        QCOMPARE(model()->index(0, NonprofitTableModel::Tags).data().toString(), QStringLiteral("2026-gala, food"));
        QCOMPARE(find<QLabel>("countLabel")->text(), QStringLiteral("1 nonprofit"));
        QVERIFY(!find<QLabel>("hintLabel")->isVisible());
        QCOMPARE(table()->currentIndex().row(), 0); // the new row is selected
    }

    void ctrlNAddsOnlyOnTheNonprofitsPage()
    {
        activateMainWindow();
        auto* navigation = find<QListWidget>("navigation");
        navigation->setFocus(); // the shortcut works from the sidebar too
        QTest::keyClick(navigation, Qt::Key_N, Qt::ControlModifier);
        QPointer<NonprofitDialog> dialog = m_window->findChild<NonprofitDialog*>();
        QVERIFY(dialog);
        dialog->reject();
        QTRY_VERIFY(dialog.isNull());

        activateMainWindow();
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        QVERIFY(!m_window->findChild<NonprofitDialog*>());
        // There Ctrl+N is the page's New: it asks what to start from; Esc leaves it.
        QDialog* chooser = nullptr;
        QTRY_VERIFY((chooser = m_window->findChild<QDialog*>(QStringLiteral("starterChooserDialog"))) && chooser->isVisible());
        QTest::keyClick(chooser, Qt::Key_Escape);
        QTRY_VERIFY(!chooser->isVisible());
        activateMainWindow();
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::Nonprofits);
    }

    void searchFiltersInTheDatabase()
    {
        // A few more rows, as an import would add them.
        NonprofitRepository repository(*m_database);
        const struct
        {
            const char* name;
            const char* email;
            const char* city;
            const char* region;
        } rows[] = {
            { "Green Mountain Arts Council", "hello@gmarts.example.org", "Montpelier", "VT" },
            { "Champlain Valley Food Shelf", "office@cvfoodshelf.example.org", "Burlington", "VT" },
            { "Hudson River Literacy Project", "contact@hrliteracy.example.org", "Albany", "NY" },
            { "Lakeside Animal Rescue", "adopt@lakesiderescue.example.org", "Plattsburgh", "NY" },
            { "Northeast Kingdom Youth Theater", "stage@nekyouth.example.org", "St. Johnsbury", "VT" },
        };
        for (const auto& row : rows) {
            Nonprofit nonprofit;
            nonprofit.name = QString::fromUtf8(row.name);
            nonprofit.email = QString::fromUtf8(row.email);
            nonprofit.city = QString::fromUtf8(row.city);
            nonprofit.region = QString::fromUtf8(row.region);
            const Status inserted = repository.insert(nonprofit);
            QVERIFY2(inserted.ok(), qPrintable(inserted.error().message));
        }
        find<NonprofitsPage>("nonprofitsPage")->refresh();
        QCOMPARE(find<QLabel>("countLabel")->text(), QStringLiteral("6 nonprofits"));
        test::saveScreenshot(m_window.get(), QStringLiteral("main-window-nonprofits.png"));

        auto* search = find<QLineEdit>("searchEdit");
        QTest::keyClicks(search, QStringLiteral("food"));
        QTRY_COMPARE(model()->rowCount(), 2);
        QCOMPARE(find<QLabel>("countLabel")->text(), QStringLiteral("2 matches"));
        QTest::keyClicks(search, QStringLiteral(" bank"));
        QTRY_COMPARE(model()->rowCount(), 1);
        QCOMPARE(
            model()->index(0, NonprofitTableModel::Name).data().toString(), QStringLiteral("Food Bank of Vermont"));
        QTest::keyClicks(search, QStringLiteral("zzz"));
        QTRY_COMPARE(model()->rowCount(), 0);
        QVERIFY(find<QLabel>("hintLabel")->text().contains(QLatin1String("food bankzzz")));
        search->clear();
        QTRY_COMPARE(model()->rowCount(), 6);
    }

    void sortsByTheClickedColumn()
    {
        QHeaderView* header = table()->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(NonprofitTableModel::City) + 10, header->height() / 2));
        QCOMPARE(header->sortIndicatorSection(), int(NonprofitTableModel::City));
        QCOMPARE(model()->index(0, NonprofitTableModel::City).data().toString(), QStringLiteral("Albany"));
        // Tags cannot be sorted in the database: the previous order stays.
        header->setSortIndicator(NonprofitTableModel::Tags, Qt::AscendingOrder);
        QCOMPARE(header->sortIndicatorSection(), int(NonprofitTableModel::City));
        header->setSortIndicator(NonprofitTableModel::Name, Qt::AscendingOrder);
        QCOMPARE(model()->index(0, NonprofitTableModel::Name).data().toString(),
            QStringLiteral("Champlain Valley Food Shelf"));
    }

    void duplicateEmailNamesTheOtherRow()
    {
        QPointer<NonprofitDialog> dialog = openAddDialog();
        QVERIFY(dialog);
        QTest::keyClicks(find<QLineEdit>("nameEdit", dialog), QStringLiteral("Vermont Foodbank (copy)"));
        QTest::keyClicks(find<QLineEdit>("emailEdit", dialog), QStringLiteral("INFO@vtfoodbank.example.org"));
        clickOk(dialog);
        QVERIFY(dialog && dialog->isVisible());
        const QString error = find<QLabel>("errorLabel", dialog)->text();
        QVERIFY2(error.contains(QLatin1String("'Food Bank of Vermont'")), qPrintable(error));
        QVERIFY(find<QLineEdit>("emailEdit", dialog)->property("heraldInvalid").toBool());
        dialog->reject();
        QTRY_VERIFY(dialog.isNull());
        QCOMPARE(model()->totalCount(), qint64(6));
    }

    void editsWithEnterAndReportsConflicts()
    {
        const int row = rowOf(QStringLiteral("Lakeside Animal Rescue"));
        QVERIFY(row >= 0);
        selectRows({ row });
        QTest::keyClick(table(), Qt::Key_Return);
        QPointer<NonprofitDialog> dialog = m_window->findChild<NonprofitDialog*>();
        QVERIFY(dialog);
        QCOMPARE(find<QLineEdit>("nameEdit", dialog)->text(), QStringLiteral("Lakeside Animal Rescue"));
        auto* city = find<QLineEdit>("cityEdit", dialog);
        city->clear();
        QTest::keyClicks(city, QStringLiteral("Rouses Point"));
        clickOk(dialog);
        QTRY_VERIFY(dialog.isNull());
        QCOMPARE(model()
                     ->index(rowOf(QStringLiteral("Lakeside Animal Rescue")), NonprofitTableModel::City)
                     .data()
                     .toString(),
            QStringLiteral("Rouses Point"));

        // Someone else saves the row while the dialog is open: ours must not overwrite theirs.
        selectRows({ rowOf(QStringLiteral("Lakeside Animal Rescue")) });
        QTest::mouseClick(find<QPushButton>("editButton"), Qt::LeftButton);
        dialog = m_window->findChild<NonprofitDialog*>();
        QVERIFY(dialog);
        NonprofitRepository repository(*m_database);
        auto theirs = repository.findByEmail(QStringLiteral("adopt@lakesiderescue.example.org"));
        QVERIFY(theirs.ok());
        theirs.value().street = QStringLiteral("1 Lake Street");
        QVERIFY(repository.update(theirs.value()).ok());
        city = find<QLineEdit>("cityEdit", dialog);
        city->clear();
        QTest::keyClicks(city, QStringLiteral("Champlain"));
        clickOk(dialog);
        QVERIFY(dialog && dialog->isVisible());
        const QString error = find<QLabel>("errorLabel", dialog)->text();
        QVERIFY2(error.contains(QLatin1String("changed by someone else")), qPrintable(error));
        QCOMPARE(city->text(), QStringLiteral("Champlain"));
        dialog->reject();
        QTRY_VERIFY(dialog.isNull());
    }

    void deletesAfterConfirmation()
    {
        selectRows({ rowOf(QStringLiteral("Food Bank of Vermont")) });
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(find<QPushButton>("deleteButton"), Qt::LeftButton);
        QVERIFY2(MessageBox::lastText().contains(QStringLiteral("“Food Bank of Vermont”")),
            qPrintable(MessageBox::lastText()));
        QCOMPARE(model()->totalCount(), qint64(5));
        QCOMPARE(rowOf(QStringLiteral("Food Bank of Vermont")), -1);

        // Two rows with the Delete key: "No" keeps them, "Yes" deletes both.
        selectRows({ 0, 1 });
        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::keyClick(table(), Qt::Key_Delete);
        QVERIFY2(
            MessageBox::lastText().contains(QLatin1String("Delete 2 nonprofits?")), qPrintable(MessageBox::lastText()));
        QCOMPARE(model()->totalCount(), qint64(5));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::keyClick(table(), Qt::Key_Delete);
        QCOMPARE(model()->totalCount(), qint64(3));
        QCOMPARE(find<QLabel>("countLabel")->text(), QStringLiteral("3 nonprofits"));
    }

    void addsAProfileAndTestsItsConnection()
    {
        activateMainWindow();
        QTest::keyClick(m_window.get(), Qt::Key_7, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::Settings);
        auto* profiles = find<QTreeWidget>("profileList");
        QCOMPARE(profiles->topLevelItemCount(), 1);
        QVERIFY(profiles->topLevelItem(0)->text(3).contains(QLatin1String("Open now")));

        QTest::mouseClick(find<QPushButton>("addProfileButton"), Qt::LeftButton);
        QPointer<ProfileDialog> dialog = m_window->findChild<ProfileDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));

        // No keychain in this session: the dialog says why and will keep the password for the session.
        auto* keychain = find<QLabel>("keychainLabel", dialog);
        QVERIFY(keychain->isVisible());
        QVERIFY2(keychain->text().contains(QLatin1String("keychain")), qPrintable(keychain->text()));
        QVERIFY(!find<QCheckBox>("savePasswordCheck", dialog)->isEnabled());

        QTcpServer server; // a port nothing listens on: seen free, then closed
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const int port = server.serverPort();
        server.close();

        auto* host = find<QLineEdit>("hostEdit", dialog);
        auto* ssl = find<QComboBox>("sslModeCombo", dialog);
        QTest::keyClicks(find<QLineEdit>("nameEdit", dialog), QStringLiteral("Office server"));
        host->clear();
        QTest::keyClicks(host, QStringLiteral("db.example.org"));
        QVERIFY2(ssl->itemText(0).contains(QLatin1String("verify-full")), qPrintable(ssl->itemText(0)));
        host->clear();
        QTest::keyClicks(host, QStringLiteral("127.0.0.1"));
        QVERIFY2(ssl->itemText(0).contains(QLatin1String("prefer")), qPrintable(ssl->itemText(0)));
        find<QSpinBox>("portSpin", dialog)->setValue(port);
        QTest::keyClicks(find<QLineEdit>("userEdit", dialog), QStringLiteral("staff"));
        QTest::keyClicks(find<QLineEdit>("passwordEdit", dialog), QStringLiteral("s3cret-password"));

        auto* result = find<QLabel>("testResultLabel", dialog);
        QTest::mouseClick(find<QPushButton>("testButton", dialog), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isTesting(), 20000);
        const QString location = QStringLiteral("127.0.0.1:%1").arg(port);
        QTRY_VERIFY2(result->text().contains(location), qPrintable(result->text()));
        QVERIFY2(
            result->text().contains(QLatin1String("refused")), qPrintable(result->text())); // the server's own words
        QVERIFY(!find<QProgressBar>("testBusyIndicator", dialog)->isVisible());
        QVERIFY(find<QPushButton>("testButton", dialog)->isEnabled());
        test::saveScreenshot(dialog, QStringLiteral("settings-profile-dialog.png"));

        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save), Qt::LeftButton);
        QTRY_VERIFY(dialog.isNull());
        QCOMPARE(profiles->topLevelItemCount(), 2);
        QCOMPARE(profiles->currentItem()->text(0), QStringLiteral("Office server"));
        QCOMPARE(profiles->currentItem()->text(2), QStringLiteral("%1/herald").arg(location));

        // The password stays out of the settings file.
        Config::instance().settings().sync();
        QFile ini(Config::instance().settings().fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray stored = ini.readAll();
        QVERIFY(stored.contains("Office server"));
        QVERIFY(!stored.contains("s3cret-password"));
        test::saveScreenshot(m_window.get(), QStringLiteral("settings-page.png"));
    }

    void makeActiveTakesEffectAtNextStart()
    {
        auto* profiles = find<QTreeWidget>("profileList");
        MessageBox::setNextAnswer(QMessageBox::No); // not now
        QTest::mouseClick(find<QPushButton>("activateProfileButton"), Qt::LeftButton);
        QVERIFY(MessageBox::lastText().contains(QLatin1String("Switch to it now?")));
        QCOMPARE(m_profiles->active().name, QStringLiteral("Office server"));
        QCOMPARE(profiles->currentItem()->text(3), QStringLiteral("Opens at next start"));
        QVERIFY(find<QLabel>("profileNoteLabel")->text().contains(QLatin1String("next time Herald starts")));

        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(find<QPushButton>("removeProfileButton"), Qt::LeftButton);
        QVERIFY(MessageBox::lastText().contains(QLatin1String("Office server")));
        QCOMPARE(profiles->topLevelItemCount(), 1);
        QCOMPARE(m_profiles->activeId(), QStringLiteral("local"));
    }

    void geometryIsRestored()
    {
        m_window->resize(1000, 640);
        m_window->close();
        QVERIFY(!Config::instance().get(Config::MainWindowGeometry).toByteArray().isEmpty());
        m_window = std::make_unique<MainWindow>(*m_database, *m_profiles);
        QCOMPARE(m_window->size(), QSize(1000, 640));
    }
};

QTEST_MAIN(TestGuiSmoke)
#include "TestGuiSmoke.moc"
