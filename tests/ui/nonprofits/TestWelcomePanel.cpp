#include "MainWindowFixture.h"
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

    test::MainWindowFixture m_app;

    template<typename T> T* find(const QString& name) const { return m_app.find<T>(name); }
    WelcomePanel* welcome() const { return find<WelcomePanel>(QStringLiteral("welcomePanel")); }

private slots:
    void initTestCase()
    {
        const QString opened = m_app.open();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
    }

    void cleanupTestCase() { m_app.close(); }

    void connectOpensTheProfileDialogInSettings()
    {
        QCOMPARE(m_app.window().currentPage(), MainWindow::Nonprofits);
        QVERIFY(welcome() && welcome()->isVisible());
        QTest::mouseClick(find<QPushButton>(QStringLiteral("connectServerButton")), Qt::LeftButton);
        QCOMPARE(m_app.window().currentPage(), MainWindow::Settings);
        auto* dialog = m_app.window().findChild<ProfileDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        dialog->reject();
        delete dialog;
        m_app.window().showPage(MainWindow::Nonprofits);
    }

    void loadsTheSampleAndRemovesIt()
    {
        QVERIFY(welcome()->isVisible());
        auto* table = find<QTableView>(QStringLiteral("nonprofitTable"));
        auto* model = m_app.window().findChild<NonprofitsPage*>()->model();
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
        m_app.window().showPage(MainWindow::Campaigns);
        QList<QString> campaignButtons;
        for (auto* button : find<QStackedWidget>(QStringLiteral("pages"))->currentWidget()->findChildren<QPushButton*>())
            campaignButtons << button->text().remove(QLatin1Char('&'));
        QVERIFY2(campaignButtons.contains(QStringLiteral("Edit…")), qPrintable(campaignButtons.join(QLatin1Char(','))));
        m_app.window().showPage(MainWindow::Nonprofits);
        test::saveScreenshot(&m_app.window(), QStringLiteral("welcome-%1-loaded.png").arg(test::TestDatabase::backendName()));
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
        QVERIFY(SampleData(m_app.database()).databaseIsEmpty().value());
        QCOMPARE(model->totalCount(), qint64(0));
        QVERIFY(welcome()->isVisible());
        QVERIFY(!hint->isVisible());
        QVERIFY(loadAction->isEnabled());
        QVERIFY(!removeAction->isEnabled());
    }
};

QTEST_MAIN(TestWelcomePanel)
#include "TestWelcomePanel.moc"
