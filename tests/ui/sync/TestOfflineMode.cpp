#include "DesktopTestEnvironment.h"
#include "PrivateCluster.h"
#include "campaigns/CampaignEditorDialog.h"
#include "campaigns/CampaignsPage.h"
#include "config/Config.h"
#include "shell/ConnectionMonitor.h"
#include "shell/MainWindow.h"
#include "shell/Translations.h"
#include "storage/CampaignRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/ProfileStore.h"
#include "storage/SecretStore.h"
#include "storage/TemplateRepository.h"
#include "sync/LocalStore.h"
#include "sync/OfflineBanner.h"
#include "sync/OfflineController.h"
#include "sync/OfflineMode.h"
#include "sync/SyncConflictDialog.h"
#include "sync/SyncController.h"
#include "sync/SyncEngine.h"
#include "sync/SyncLogDialog.h"
#include "templates/TemplatesPage.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace herald;

// The real window on a PostgreSQL profile whose server (a private cluster of this test) stops: the offline banner,
// drafting on the offline store, features needing the server switched off with the reason, and when the server is
// back the sync with its conflict dialog (both versions side by side) and the switch back online.
class TestOfflineMode : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::PrivateCluster> m_cluster;
    std::unique_ptr<Database> m_server;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<ProfileStore> m_profiles;

    // An HTML body with the unsubscribe link and postal address every template needs, and two lines of news.
    static QString body(const QString& first, const QString& second)
    {
        return QStringLiteral("<p>Dear {{name}},</p>\n<p>%1</p>\n<p>%2</p>\n"
                              "<p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a> {{postal_address}}</p>")
            .arg(first, second);
    }

    static Template makeTemplate(const QString& name, const QString& subject, const QString& body)
    {
        Template t;
        t.name = name;
        t.subject = subject;
        t.htmlBody = body;
        t.textBody = QStringLiteral("Dear {{name}},\nOur news.\nUnsubscribe: {{unsubscribe_url}}\n{{postal_address}}");
        return t;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir);
        m_profiles = std::make_unique<ProfileStore>(Config::instance());

        m_cluster = std::make_unique<test::PrivateCluster>();
        QVERIFY2(m_cluster->isRunning(), qPrintable(m_cluster->error()));
        const ConnectionProfile profile = m_cluster->createDatabase(QStringLiteral("offline_gui"));
        QVERIFY2(!profile.name.isEmpty(), qPrintable(m_cluster->error()));
        m_server = std::make_unique<Database>(profile);
        QVERIFY(m_server->open().ok());
        for (int i = 0; i < 3; ++i) {
            Nonprofit nonprofit;
            nonprofit.name = QStringLiteral("Harbor Food Bank %1").arg(i);
            nonprofit.email = QStringLiteral("hello%1@harbor.example.org").arg(i);
            nonprofit.city = QStringLiteral("Dover");
            QVERIFY(NonprofitRepository(*m_server).insert(nonprofit).ok());
        }
        Template newsletter = makeTemplate(QStringLiteral("Newsletter"), QStringLiteral("News for {{name}}"),
                                           body(QStringLiteral("Our spring news."), QStringLiteral("The gala is on May 3.")));
        QVERIFY(TemplateRepository(*m_server).insert(newsletter).ok());

        m_store = std::make_unique<LocalStore>(profile);
        QVERIFY(m_store->open().ok());
        QVERIFY(QFile::exists(LocalStore::pathFor(profile))); // under AppDataLocation
        auto first = SyncEngine(*m_server, *m_store).run();
        QVERIFY2(first.ok(), qPrintable(first.error().message));
        QCOMPARE(first->pulled, 1);
    }

    void cleanupTestCase()
    {
        OfflineMode::setActive(false);
        m_store.reset();
        m_server.reset();
        m_cluster.reset();
    }

    void offlineDraftingThenSyncWithAConflict()
    {
        QVERIFY(m_cluster->pause());
        OfflineMode::setActive(true, m_server->profile().location());
        MainWindow window(m_store->database(), *m_profiles);
        auto* controller = new OfflineController(window, *m_server, *m_store, true);
        QSignalSpy switches(controller, &OfflineController::switchRequested);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Said in the banner and the status bar.
        auto* banner = window.findChild<OfflineBanner*>(QStringLiteral("offlineBanner"));
        QVERIFY(banner && banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("Offline: %1 cannot be reached").arg(m_server->profile().location())),
                 qPrintable(banner->text()));
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("connectionStatusLabel"))->text().startsWith(QLatin1String("Offline")));
        // What needs the server is off, saying why.
        auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
        QVERIFY(!(navigation->item(MainWindow::Sending)->flags() & Qt::ItemIsEnabled));
        QVERIFY(navigation->item(MainWindow::Dashboard)->toolTip().contains(QLatin1String("Herald is offline")));
        QVERIFY(!(navigation->item(MainWindow::Suppressions)->flags() & Qt::ItemIsEnabled));
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier); // nor do the Go menu's shortcuts reach them
        QCOMPARE(window.currentPage(), MainWindow::Nonprofits);
        auto* import = window.findChild<QPushButton*>(QStringLiteral("importButton"));
        QVERIFY(import && !import->isEnabled());
        import->setEnabled(true); // the page's own logic cannot switch it back on
        QVERIFY(!import->isEnabled());
        QVERIFY(import->toolTip().contains(QLatin1String("Needs the server")));

        // Drafting works: the templates page edits the offline copy, the preview uses the cached nonprofits.
        window.showPage(MainWindow::Templates);
        auto* list = window.findChild<QTreeWidget*>(QStringLiteral("templateList"));
        QTRY_COMPARE(list->topLevelItemCount(), 1);
        list->setCurrentItem(list->topLevelItem(0));
        auto* subject = window.findChild<QLineEdit*>(QStringLiteral("subjectEdit"));
        QTRY_COMPARE(subject->text(), QStringLiteral("News for {{name}}"));
        subject->setText(QStringLiteral("Spring news for {{name}}"));
        auto* html = window.findChild<QPlainTextEdit*>(QStringLiteral("htmlEdit"));
        html->setPlainText(body(QStringLiteral("Our spring news, written on the train."), QStringLiteral("The gala is on May 3.")));
        QVERIFY(window.findChild<TemplatesPage*>()->save());
        QTRY_COMPARE(window.findChild<QLineEdit*>(QStringLiteral("previewSubject"))->text(),
                     QStringLiteral("Spring news for Harbor Food Bank 0"));
        test::saveScreenshot(&window, QStringLiteral("offline-banner.png"));

        // A new campaign on the train: the audience is estimated from the cached nonprofits, sending waits.
        window.showPage(MainWindow::Campaigns);
        auto* campaigns = window.findChild<CampaignsPage*>();
        QTest::mouseClick(campaigns->findChild<QPushButton*>(QStringLiteral("newCampaignButton")), Qt::LeftButton);
        QPointer<CampaignEditorDialog> editor = campaigns->findChild<CampaignEditorDialog*>();
        QVERIFY(editor);
        QVERIFY(QTest::qWaitForWindowExposed(editor));
        QTest::keyClicks(editor->findChild<QLineEdit*>(QStringLiteral("campaignNameEdit")), QStringLiteral("Train appeal"));
        QTRY_VERIFY(!editor->isCounting());
        const QString estimate = editor->findChild<QLabel*>(QStringLiteral("audienceCountLabel"))->text();
        QVERIFY2(estimate.startsWith(QLatin1String("3 recipient")), qPrintable(estimate));
        for (const char* name : {"queueButton", "testSendButton"}) {
            auto* button = editor->findChild<QPushButton*>(QString::fromLatin1(name));
            QVERIFY2(!button->isEnabled(), name);
            QVERIFY2(button->toolTip().contains(QLatin1String("Herald is offline")), qPrintable(button->toolTip()));
        }
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("saveDraftButton")), Qt::LeftButton);
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("closeButton")), Qt::LeftButton);
        QTRY_VERIFY(!editor);
        QCOMPARE(CampaignRepository(m_store->database()).list()->size(), 1);

        // Meanwhile someone changed the same template on the server.
        QVERIFY(m_cluster->resume());
        {
            Database other(m_server->profile());
            QVERIFY(other.open().ok());
            Template theirs = TemplateRepository(other).list()->first();
            theirs.htmlBody = body(QStringLiteral("Our spring news."), QStringLiteral("The gala moved to May 10."));
            theirs.subject = QStringLiteral("Gala news for {{name}}");
            QVERIFY(TemplateRepository(other).update(theirs).ok());
        }

        // The server is back: the sync runs and the conflict opens side by side.
        controller->sync().retryNow();
        QTRY_VERIFY_WITH_TIMEOUT(controller->conflictDialog() != nullptr, 20000);
        SyncConflictDialog* dialog = controller->conflictDialog();
        QTRY_VERIFY(dialog->isVisible());
        auto* fields = dialog->findChild<QTableWidget*>(QStringLiteral("conflictFields"));
        bool subjectShown = false;
        for (int row = 0; row < fields->rowCount(); ++row) {
            if (fields->item(row, 0)->text() == QLatin1String("Subject")) {
                QCOMPARE(fields->item(row, 1)->text(), QStringLiteral("Spring news for {{name}}"));
                QCOMPARE(fields->item(row, 2)->text(), QStringLiteral("Gala news for {{name}}"));
                subjectShown = true;
            }
        }
        QVERIFY(subjectShown);
        const QString diff = dialog->findChild<QTextBrowser*>(QStringLiteral("conflictBodyDiff"))->toPlainText();
        QVERIFY2(diff.contains(QStringLiteral("− <p>Our spring news, written on the train.</p>")), qPrintable(diff));
        QVERIFY2(diff.contains(QStringLiteral("+ <p>The gala moved to May 10.</p>")), qPrintable(diff));
        QVERIFY2(diff.contains(QStringLiteral("  <p>Dear {{name}},</p>")), qPrintable(diff));
        test::saveScreenshot(dialog, QStringLiteral("sync-conflict.png"));

        // Keep both: the server's version stays, mine becomes a new draft; then Herald goes back online.
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("keepBothButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(switches.size(), 1, 20000);
        QCOMPARE(switches.first().first().toBool(), false);
        auto templates = TemplateRepository(*m_server).list();
        QVERIFY(templates.ok());
        QCOMPARE(templates->size(), 2);
        QCOMPARE(templates->at(0).name, QStringLiteral("Newsletter"));
        QCOMPARE(templates->at(0).subject, QStringLiteral("Gala news for {{name}}"));
        QCOMPARE(templates->at(1).name, QStringLiteral("Newsletter (my copy)"));
        QCOMPARE(templates->at(1).subject, QStringLiteral("Spring news for {{name}}"));
        auto serverCampaigns = CampaignRepository(*m_server).list();
        QVERIFY(serverCampaigns.ok());
        QCOMPARE(serverCampaigns->size(), 1);
        QCOMPARE(serverCampaigns->first().name, QStringLiteral("Train appeal"));

        // The log shows it all.
        window.findChild<QAction*>(QStringLiteral("syncLogAction"))->trigger();
        auto* log = window.findChild<SyncLogDialog*>(QStringLiteral("syncLogDialog"));
        QVERIFY(log);
        auto* table = log->findChild<QTableWidget*>(QStringLiteral("syncLogTable"));
        QStringList actions;
        for (int row = 0; row < table->rowCount(); ++row)
            actions << table->item(row, 1)->text();
        QVERIFY2(actions.contains(QStringLiteral("Conflict")) && actions.contains(QStringLiteral("Conflict resolved"))
                     && actions.contains(QStringLiteral("Sent to the server")),
                 qPrintable(actions.join(QLatin1Char(','))));
        test::saveScreenshot(log, QStringLiteral("sync-log.png"));
        log->close();
        OfflineMode::setActive(false);
    }

    // While the server is away it is asked again after 2 s, then 4 s, 8 s … (never more than a minute apart).
    void reconnectsWithGrowingPauses()
    {
        QVERIFY(m_cluster->pause());
        SyncController sync(*m_server, *m_store);
        QSignalSpy retries(&sync, &SyncController::retryScheduled);
        QSignalSpy back(&sync, &SyncController::serverBack);
        sync.startReconnecting();
        QTRY_VERIFY_WITH_TIMEOUT(retries.size() >= 2, 20000);
        QCOMPARE(retries.at(0).at(0).toInt(), 2 * SyncController::FirstRetrySeconds);
        QCOMPARE(retries.at(1).at(0).toInt(), 4 * SyncController::FirstRetrySeconds);
        QVERIFY2(!retries.at(0).at(1).toString().isEmpty(), "the retry says why the server did not answer");
        QCOMPARE(back.size(), 0);

        QVERIFY(m_cluster->resume());
        sync.retryNow();
        QTRY_COMPARE_WITH_TIMEOUT(back.size(), 1, 20000);
        QCOMPARE(retries.size(), 2);
    }

    void theServerGoingAwayWhileOnline()
    {
        Config::instance().set(Config::OfflineNonprofitLimit, 2); // the setting is how many are kept
        MainWindow window(*m_server, *m_profiles);
        auto* controller = new OfflineController(window, *m_server, *m_store, false);
        QSignalSpy switches(controller, &OfflineController::switchRequested);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(!controller->sync().isSyncing(), 20000); // the sync at start
        QVERIFY(controller->sync().lastResult().ok());
        QCOMPARE(controller->sync().lastResult()->cachedNonprofits, 2);
        Config::instance().reset(Config::OfflineNonprofitLimit);

        // Unsaved changes: Herald says what happened and waits for the user instead of switching under them.
        window.showPage(MainWindow::Templates);
        auto* list = window.findChild<QTreeWidget*>(QStringLiteral("templateList"));
        QTRY_VERIFY(list->topLevelItemCount() > 0);
        list->setCurrentItem(list->topLevelItem(0));
        window.findChild<QLineEdit*>(QStringLiteral("subjectEdit"))->setText(QStringLiteral("Half-typed"));
        QVERIFY(window.findChild<TemplatesPage*>()->isModified());
        QVERIFY(m_cluster->pause());
        window.connectionMonitor()->checkNow();
        auto* banner = window.findChild<OfflineBanner*>(QStringLiteral("offlineBanner"));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
        QVERIFY2(banner->text().contains(QLatin1String("stopped answering")), qPrintable(banner->text()));
        QCOMPARE(switches.size(), 0);
        auto* workOffline = window.findChild<QPushButton*>(QStringLiteral("workOfflineButton"));
        QVERIFY(workOffline->isVisible());
        QTest::mouseClick(workOffline, Qt::LeftButton);
        QCOMPARE(switches.size(), 1);
        QCOMPARE(switches.first().first().toBool(), true);
        QVERIFY(m_cluster->resume());
    }
};

QTEST_MAIN(TestOfflineMode)
#include "TestOfflineMode.moc"
