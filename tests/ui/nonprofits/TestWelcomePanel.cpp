#include "DesktopTestEnvironment.h"
#include "TestDatabase.h"
#include "common/MessageBox.h"
#include "itemmodels/NonprofitTableModel.h"
#include "nonprofits/NonprofitsPage.h"
#include "nonprofits/WelcomePanel.h"
#include "onboarding/SampleData.h"
#include "settings/ProfileDialog.h"
#include "shell/MainWindow.h"
#include "storage/ProfileStore.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace herald;

// First run on the real window, on both backends: an empty database shows the welcome panel; "Load Sample Data"
// loads in the background behind a progress dialog, then the table holds the sample, the panel goes and a hint
// says how to reach a test send; Help → Remove Sample Data asks, says what went, and the panel is back.
class TestWelcomePanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MainWindow> m_window;

    template<typename T> T* find(const QString& name) const { return m_window->findChild<T*>(name); }
    WelcomePanel* welcome() const { return find<WelcomePanel>(QStringLiteral("welcomePanel")); }

    void saveScreenshot(const QString& name)
    {
        const QString dir = QStringLiteral(HERALD_SCREENSHOT_DIR);
        QVERIFY(QDir().mkpath(dir));
        QCoreApplication::processEvents();
        QVERIFY(m_window->grab().save(QDir(dir).filePath(name)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir);
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        QVERIFY(m_database);
        m_profiles = std::make_unique<ProfileStore>(Config::instance());
        m_window = std::make_unique<MainWindow>(*m_database, *m_profiles);
        m_window->resize(1254, 784);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_database.reset();
        m_scratch.reset();
    }

    void connectOpensTheProfileDialogInSettings()
    {
        QCOMPARE(m_window->currentPage(), MainWindow::Nonprofits);
        QVERIFY(welcome() && welcome()->isVisible());
        QTest::mouseClick(find<QPushButton>(QStringLiteral("connectServerButton")), Qt::LeftButton);
        QCOMPARE(m_window->currentPage(), MainWindow::Settings);
        auto* dialog = m_window->findChild<ProfileDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        dialog->reject();
        delete dialog;
        m_window->showPage(MainWindow::Nonprofits);
    }

    void loadsTheSampleAndRemovesIt()
    {
        QVERIFY(welcome()->isVisible());
        auto* table = find<QTableView>(QStringLiteral("nonprofitTable"));
        auto* model = m_window->findChild<NonprofitsPage*>()->model();
        QCOMPARE(model->totalCount(), qint64(0));
        auto* hint = find<QLabel>(QStringLiteral("nextStepLabel"));
        QVERIFY(hint && !hint->isVisible());
        auto* loadAction = find<QAction>(QStringLiteral("loadSampleAction"));
        auto* removeAction = find<QAction>(QStringLiteral("removeSampleAction"));
        QVERIFY(loadAction->isEnabled());
        QVERIFY(!removeAction->isEnabled());

        QTest::mouseClick(find<QPushButton>(QStringLiteral("loadSampleButton")), Qt::LeftButton);
        QVERIFY(find<QProgressDialog>(QStringLiteral("sampleProgress"))); // with Cancel, while it runs
        QVERIFY(!loadAction->isEnabled()); // once at a time
        QTRY_VERIFY_WITH_TIMEOUT(!welcome()->isVisible(), 120000);
        QTRY_VERIFY(!find<QProgressDialog>(QStringLiteral("sampleProgress")));
        QCOMPARE(model->totalCount(), qint64(1242));
        QVERIFY(table->model()->rowCount() > 0);
        QVERIFY(table->model()->index(0, NonprofitTableModel::Email).data().toString().endsWith(QLatin1String("@example.org")));
        QVERIFY(hint->isVisible());
        // The hint names the real way to a test send: the campaign, the Campaigns page's Edit… button and the
        // editor's Test Send… button.
        QVERIFY2(hint->text().contains(QStringLiteral("“Sample campaign”")), qPrintable(hint->text()));
        QVERIFY2(hint->text().contains(QStringLiteral("Edit…")) && hint->text().contains(QStringLiteral("Test Send…")),
                 qPrintable(hint->text()));
        m_window->showPage(MainWindow::Campaigns);
        QList<QString> campaignButtons;
        for (auto* button : find<QStackedWidget>(QStringLiteral("pages"))->currentWidget()->findChildren<QPushButton*>())
            campaignButtons << button->text().remove(QLatin1Char('&'));
        QVERIFY2(campaignButtons.contains(QStringLiteral("Edit…")), qPrintable(campaignButtons.join(QLatin1Char(','))));
        m_window->showPage(MainWindow::Nonprofits);
        saveScreenshot(QStringLiteral("welcome-%1-loaded.png").arg(test::TestDatabase::backendName()));
        QVERIFY(!loadAction->isEnabled());
        QVERIFY(removeAction->isEnabled());

        // Help → Remove Sample Data: "Remove" to the question; the summary that follows is closed by hand.
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QString summary;
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [&] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                summary = box->text();
                box->accept();
            }
        });
        closer.start(50);
        removeAction->trigger();
        closer.stop();
        QVERIFY2(summary.contains(QLatin1String("1,242 nonprofits")) || summary.contains(QLatin1String("1242 nonprofits")),
                 qPrintable(summary));
        QVERIFY(SampleData(*m_database).databaseIsEmpty().value());
        QCOMPARE(model->totalCount(), qint64(0));
        QVERIFY(welcome()->isVisible());
        QVERIFY(!hint->isVisible());
        QVERIFY(loadAction->isEnabled());
        QVERIFY(!removeAction->isEnabled());
    }
};

QTEST_MAIN(TestWelcomePanel)
#include "TestWelcomePanel.moc"
