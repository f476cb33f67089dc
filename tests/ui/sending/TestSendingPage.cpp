#include "DesktopTestEnvironment.h"
#include "ImapTestServer.h"
#include "SendingFixture.h"
#include "SmtpTestServer.h"
#include "TestDatabase.h"
#include "common/MessageBox.h"
#include "config/Config.h"
#include "deliverability/MailboxSettings.h"
#include "sending/CampaignPanel.h"
#include "sending/FeedbackIntakeRunner.h"
#include "sending/SendQueue.h"
#include "sending/SendingPage.h"
#include "shell/MainWindow.h"
#include "shell/Translations.h"
#include "storage/CampaignRepository.h"
#include "storage/FeedbackRepository.h"
#include "storage/ProfileStore.h"
#include "storage/ProviderRepository.h"
#include "storage/SecretStore.h"
#include "storage/SuppressionRepository.h"

#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QSpinBox>
#include <QLineEdit>
#include <QLocale>
#include <QDir>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace herald;
using test::SendingFixture;

// The Sending page on the real window, sending a real campaign to the SMTP test server: counts and progress
// that match what the server received, pause and resume, unknown outcomes, retries of failed rows, and
// closing the window while sending.
class TestSendingPage : public QObject
{
    Q_OBJECT

    static constexpr int Plain = 290;
    static constexpr int HardBounces = 4;  // +p550: fail for good
    static constexpr int FailOnce = 3;     // +once550: fail the first time, accepted when retried
    static constexpr int DropData = 3;     // +dropdata: the outcome is unknown
    static constexpr int Total = Plain + HardBounces + FailOnce + DropData;

    QTemporaryDir m_dir;
    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MainWindow> m_window;
    test::SmtpTestServer m_server;
    std::unique_ptr<test::ImapTestServer> m_imap;

    template<typename T> T* find(const char* name, QObject* parent = nullptr) const
    {
        return (parent ? parent : m_window.get())->findChild<T*>(QString::fromLatin1(name));
    }
    CampaignPanel* panel(qint64 id) const { return find<SendingPage>("sendingPage")->panel(id); }
    QString label(const char* name, qint64 id = 1) const
    {
        QLabel* found = panel(id) ? find<QLabel>(name, panel(id)) : nullptr;
        return found ? found->text() : QString();
    }
    qint64 count(const QString& sql) const { return SendingFixture::count(*m_database, sql); }
    // A sample report (tests/data/feedback) about the `offset`-th message the campaign sent; its address.
    QString deliverReport(const QString& sample, qint64 campaignId, int offset)
    {
        QSqlQuery sent(m_database->connection());
        sent.exec(QStringLiteral("SELECT email, message_id FROM sends WHERE campaign_id = %1 AND status = 'sent' "
                                 // an address suppressed by an earlier report would keep that reason
                                 "AND email NOT IN (SELECT email FROM suppressions) "
                                 "ORDER BY id LIMIT 1 OFFSET %2").arg(campaignId).arg(offset));
        if (!sent.next())
            return QString();
        QFile file(QStringLiteral(HERALD_TEST_DATA_DIR "/feedback/") + sample);
        if (!file.open(QIODevice::ReadOnly))
            return QString();
        const QString email = sent.value(0).toString();
        const QByteArray report = file.readAll()
                                      .replace("{{RECIPIENT}}", email.toUtf8())
                                      .replace("{{MESSAGE_ID}}", sent.value(1).toString().toUtf8())
                                      // each report its own Message-ID: the intake records one report once
                                      .replace("Message-ID: <arf-", QStringLiteral("Message-ID: <c%1-%2-arf-").arg(campaignId).arg(offset).toUtf8());
        return m_imap->deliver(report) ? email : QString();
    }
    QString campaignStatus(qint64 id) const
    {
        QSqlQuery query(m_database->connection());
        query.exec(QStringLiteral("SELECT status FROM campaigns WHERE id = %1").arg(id));
        return query.next() ? query.value(0).toString() : QString();
    }
    void click(const char* name, qint64 id = 1)
    {
        auto* button = find<QPushButton>(name, panel(id));
        QVERIFY2(button && button->isVisible() && button->isEnabled(), name);
        QTest::mouseClick(button, Qt::LeftButton);
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
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));

        // A provider slow enough to watch (about five seconds for the campaign), through the repository.
        Provider provider;
        provider.name = QStringLiteral("Test relay");
        provider.host = QStringLiteral("127.0.0.1");
        provider.port = m_server.port();
        provider.tls = Provider::Tls::None;
        provider.ratePerSecond = 60;
        provider.burst = 10;
        provider.connections = 2;
        const Status stored = ProviderRepository(*m_database).insert(provider);
        QVERIFY2(stored.ok(), qPrintable(stored.error().message));

        QVERIFY(SendingFixture::addNonprofits(*m_database, Plain));
        QVERIFY(SendingFixture::addNonprofits(*m_database, HardBounces, QStringLiteral("+p550"), 1000));
        QVERIFY(SendingFixture::addNonprofits(*m_database, FailOnce, QStringLiteral("+once550"), 2000));
        QVERIFY(SendingFixture::addNonprofits(*m_database, DropData, QStringLiteral("+dropdata"), 3000));
        QVERIFY(SendingFixture::addCampaign(*m_database, 1));
        auto queued = SendQueue(*m_database, QStringLiteral("test")).enqueue(1, {});
        QVERIFY(queued.ok());
        QCOMPARE(queued->pending, qint64(Total));
        // Queued but paused: the user starts it from the Sending page.
        QVERIFY(CampaignRepository(*m_database).setStatus(1, CampaignStatus::Draft, CampaignStatus::Paused).ok());

        m_profiles = std::make_unique<ProfileStore>(Config::instance());
        m_window = std::make_unique<MainWindow>(*m_database, *m_profiles);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + MainWindow::Sending), Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::Sending);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_database.reset();
        m_scratch.reset();
    }

    void sendsTheCampaignWithPauseAndResume()
    {
        QTRY_VERIFY(panel(1));
        QTRY_COMPARE(label("campaignStatus"), QStringLiteral("Paused"));
        QCOMPARE(label("pendingCount"), QStringLiteral("Pending %1").arg(Total));
        QTest::qWait(600);
        QCOMPARE(m_server.messages().size(), 0); // paused: nothing goes out

        click("resumeButton");
        QTRY_COMPARE_WITH_TIMEOUT(campaignStatus(1), QStringLiteral("sending"), 1000);
        QTRY_VERIFY_WITH_TIMEOUT(label("sentCount").mid(5).toInt() >= 60, 10000);
        // Rates come from the database's counts, so they move while the campaign goes out.
        QTRY_VERIFY(panel(1)->sendsPerSecond() > 5);
        auto* chart = find<QChartView>("rateChart", panel(1));
        QVERIFY(chart && chart->isVisible());
        auto* sentSeries = qobject_cast<QLineSeries*>(chart->chart()->series().value(0));
        QVERIFY(sentSeries && sentSeries->count() >= 3);
        QVERIFY2(label("rateLabel").contains(QString::fromUtf8("msgs/s · ETA ")), qPrintable(label("rateLabel")));

        // Closing while sending asks first; keeping the window open goes on sending.
        MessageBox::setNextAnswer(QMessageBox::No);
        m_window->close();
        QVERIFY(m_window->isVisible());
        QVERIFY(MessageBox::lastText().contains(QLatin1String("Stop sending and quit?")));

        click("pauseButton");
        QTRY_COMPARE_WITH_TIMEOUT(campaignStatus(1), QStringLiteral("paused"), 1000);
        QTRY_COMPARE(label("campaignStatus"), QStringLiteral("Paused"));
        QTest::qWait(1000); // the messages already being handed over finish
        const int received = int(m_server.messages().size());
        QVERIFY2(received < Plain, qPrintable(QString::number(received)));
        QTest::qWait(1500);
        QCOMPARE(int(m_server.messages().size()), received);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sending'")), 0); // leases returned

        click("resumeButton");
        QTRY_VERIFY_WITH_TIMEOUT(label("sentCount").mid(5).toInt() >= 230, 10000);
        test::saveScreenshot(m_window.get(), QStringLiteral("sending-page.png")); // mid-send, the pause in the chart
        QTRY_COMPARE_WITH_TIMEOUT(label("campaignStatus"), QStringLiteral("Completed"), 30000);
        QTRY_COMPARE(int(m_server.messages().size()), Plain);
        QTRY_COMPARE(label("sentCount"), QStringLiteral("Sent %1").arg(Plain));
        QCOMPARE(int(m_server.messages().size()), Plain);
        QCOMPARE(label("failedCount"), QStringLiteral("Failed %1").arg(HardBounces + FailOnce));
        QCOMPARE(label("unknownCount"), QStringLiteral("Unknown %1").arg(DropData));
        QCOMPARE(label("pendingCount"), QStringLiteral("Pending 0"));
        auto* progress = find<QProgressBar>("progressBar", panel(1));
        QCOMPARE(progress->maximum(), Total);
        QCOMPARE(progress->value(), Plain + HardBounces + FailOnce);
        QTRY_VERIFY(find<QChartView>("deliveryChart", panel(1))->isVisible());
        QTRY_VERIFY(!find<QChartView>("deliveryChart", panel(1))->chart()->series().isEmpty());
        test::saveScreenshot(m_window.get(), QStringLiteral("sending-page-completed.png"));
    }

    void resolvesUnknownOutcomes()
    {
        // "%n message(s)" until update_translations brings the new strings into herald_en.ts.
        QTRY_VERIFY(label("unknownLabel").startsWith(QLatin1String("3 message")));
        QVERIFY(label("unknownLabel").endsWith(QLatin1String(" an unknown outcome.")));
        // Attempts count claims too (a row returned unsent on pause keeps its count), so compare with before.
        const QString droppedAttempts = QStringLiteral("SELECT sum(attempts) FROM sends WHERE email LIKE '%+dropdata%'");
        const QString droppedUnknown = QStringLiteral("SELECT count(*) FROM sends WHERE email LIKE '%+dropdata%' AND status = 'unknown'");
        QCOMPARE(count(droppedUnknown), qint64(DropData));
        const qint64 attemptsBefore = count(droppedAttempts);

        // Send again: back in the queue, the campaign sends again (the engine starts on demand) and the
        // server drops them once more.
        click("resendUnknownButton");
        QTRY_COMPARE_WITH_TIMEOUT(count(droppedAttempts), attemptsBefore + DropData, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(count(droppedUnknown), qint64(DropData), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(label("campaignStatus"), QStringLiteral("Completed"), 10000);

        click("markSentButton");
        QTRY_COMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'unknown'")), 0);
        QTRY_COMPARE(label("sentCount"), QStringLiteral("Sent %1").arg(Plain + DropData));
        QTRY_VERIFY(!find<QWidget>("unknownBox", panel(1))->isVisible());
    }

    void retriesSelectedFailedRows()
    {
        auto* list = find<QTreeWidget>("failedList", panel(1));
        QTRY_COMPARE(list->topLevelItemCount(), HardBounces + FailOnce);
        list->clearSelection();
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            QTreeWidgetItem* item = list->topLevelItem(i);
            QVERIFY(item->text(2).toInt() >= 1);
            if (item->text(0).contains(QLatin1String("+once550")))
                item->setSelected(true);
            else
                QVERIFY2(item->text(1).contains(QLatin1String("550 5.1.1")), qPrintable(item->text(1)));
        }
        const QString onceAttempts = QStringLiteral("SELECT sum(attempts) FROM sends WHERE email LIKE '%+once550%'");
        const QString hardAttempts = QStringLiteral("SELECT sum(attempts) FROM sends WHERE email LIKE '%+p550%'");
        const qint64 onceBefore = count(onceAttempts);
        const qint64 hardBefore = count(hardAttempts);
        click("retryFailedButton");
        // The window's event loop must run meanwhile: it is what starts the engine again.
        QTRY_COMPARE_WITH_TIMEOUT(int(m_server.messages().size()), Plain + FailOnce, 15000);
        QTRY_COMPARE(label("failedCount"), QStringLiteral("Failed %1").arg(HardBounces));
        QTRY_COMPARE(list->topLevelItemCount(), HardBounces);
        QTRY_COMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE email LIKE '%+once550%' AND status = 'sent'")),
                     qint64(FailOnce));
        QCOMPARE(count(onceAttempts), onceBefore + FailOnce);
        // The rows not selected were left alone.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE email LIKE '%+p550%' AND status = 'failed'")),
                 qint64(HardBounces));
        QCOMPARE(count(hardAttempts), hardBefore);
        QTRY_COMPARE_WITH_TIMEOUT(label("campaignStatus"), QStringLiteral("Completed"), 10000);
    }

    void showsBouncesAndComplaintsOfTheCampaign()
    {
        // What the bounce intake records: one hard bounce and two complaints about messages of campaign 1.
        QSqlQuery sends(m_database->connection());
        QVERIFY(sends.exec(QStringLiteral("SELECT id FROM sends WHERE campaign_id = 1 AND status = 'sent' ORDER BY id LIMIT 3")));
        QStringList kinds = {QStringLiteral("hard_bounce"), QStringLiteral("complaint"), QStringLiteral("complaint")};
        for (int i = 0; sends.next(); ++i) {
            FeedbackEntry entry{QStringLiteral("report-%1@example.net").arg(i), kinds.at(i), 1, sends.value(0).toLongLong(),
                                QStringLiteral("5.1.1")};
            QVERIFY(FeedbackRepository(*m_database).record(entry).value());
        }
        const int sent = Plain + DropData + FailOnce;
        const QString complaintRate = QLocale().toString(200.0 / sent, 'f', 2);
        QTRY_COMPARE_WITH_TIMEOUT(label("feedbackLabel"),
                                  QStringLiteral("Bounced 1 (%1 %), soft bounces 0 · Complaints 2 (%2 %) · Unsubscribed 0")
                                      .arg(QLocale().toString(100.0 / sent, 'f', 2), complaintRate),
                                  15000);
        QVERIFY(find<QLabel>("feedbackLabel", panel(1))->isVisible());
        QVERIFY(find<QLabel>("feedbackLabel", panel(1))->styleSheet().contains(QLatin1String("#b3261e"))); // above 0.3 %
        test::saveScreenshot(panel(1), QStringLiteral("sending-campaign-feedback.png"));
    }

    void savesTheFeedbackMailboxInSettings()
    {
        QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + MainWindow::Settings), Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::Settings);
        auto* section = find<QWidget>("feedbackMailboxPanel");
        QVERIFY(section);
        QTest::keyClicks(find<QLineEdit>("intakeHostEdit", section), QStringLiteral("imap.example.org"));
        QTest::keyClicks(find<QLineEdit>("intakeUserEdit", section), QStringLiteral("bounces@example.org"));
        QTest::keyClicks(find<QLineEdit>("intakePasswordEdit", section), QStringLiteral("s3cret"));
        find<QDoubleSpinBox>("complaintThresholdSpin", section)->setValue(0.25);
        QTest::mouseClick(find<QPushButton>("saveIntakeButton", section), Qt::LeftButton);
        auto saved = MailboxSettings::load(*m_database);
        QVERIFY2(saved, qPrintable(saved.error().message));
        QCOMPARE(saved->host, QStringLiteral("imap.example.org"));
        QCOMPARE(saved->port, 993);
        QCOMPARE(saved->tls, MailboxSettings::Tls::Implicit);
        QCOMPARE(saved->username, QStringLiteral("bounces@example.org"));
        QCOMPARE(saved->folder, QStringLiteral("INBOX"));
        QCOMPARE(saved->complaintRateThreshold, 0.0025);
        QCOMPARE(saved->password, QStringLiteral("s3cret")); // no keychain in tests: kept for the session
        QVERIFY(find<QLineEdit>("intakePasswordEdit", section)->text().isEmpty());
        test::saveScreenshot(section, QStringLiteral("settings-feedback-mailbox.png"));

        // No encryption to a remote server is refused, naming what to choose.
        auto* tls = find<QComboBox>("intakeTlsCombo", section);
        tls->setCurrentIndex(tls->findData(int(MailboxSettings::Tls::None)));
        QTest::mouseClick(find<QPushButton>("saveIntakeButton", section), Qt::LeftButton);
        QVERIFY2(find<QLabel>("intakeResultLabel", section)->text().contains(QLatin1String("choose TLS or STARTTLS")),
                 qPrintable(find<QLabel>("intakeResultLabel", section)->text()));
        QCOMPARE(MailboxSettings::load(*m_database)->tls, MailboxSettings::Tls::Implicit);
        QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + MainWindow::Sending), Qt::ControlModifier);
    }

    void checksTheFeedbackMailboxFromSettings()
    {
        m_imap = std::make_unique<test::ImapTestServer>();
        QVERIFY2(m_imap->start(), qPrintable(m_imap->lastError()));
        const QString bounced = deliverReport(QStringLiteral("dsn-hard-bounce.eml"), 1, 10);
        const QString complained = deliverReport(QStringLiteral("arf-complaint.eml"), 1, 11);
        QVERIFY(!bounced.isEmpty() && !complained.isEmpty());

        QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + MainWindow::Settings), Qt::ControlModifier);
        auto* section = find<QWidget>("feedbackMailboxPanel");
        find<QLineEdit>("intakeHostEdit", section)->setText(QStringLiteral("127.0.0.1"));
        auto* tls = find<QComboBox>("intakeTlsCombo", section);
        tls->setCurrentIndex(tls->findData(int(MailboxSettings::Tls::StartTls)));
        find<QSpinBox>("intakePortSpin", section)->setValue(m_imap->port());
        find<QCheckBox>("intakeVerifyCheck", section)->setChecked(false); // the test server's certificate is self-signed
        find<QLineEdit>("intakeUserEdit", section)->setText(test::ImapTestServer::user());
        auto* result = find<QLabel>("intakeResultLabel", section);
        auto* check = find<QPushButton>("checkIntakeButton", section);

        // A refused login names the mailbox and the server, in red; nothing is read.
        find<QLineEdit>("intakePasswordEdit", section)->setText(QStringLiteral("wrong"));
        QTest::mouseClick(check, Qt::LeftButton);
        const QString server = QStringLiteral("(127.0.0.1:%1)").arg(m_imap->port());
        QTRY_VERIFY2_WITH_TIMEOUT(result->text().contains(server), qPrintable(result->text()), 20000);
        QVERIFY(result->styleSheet().contains(QLatin1String("#b3261e")));
        QCOMPARE(check->text(), QStringLiteral("Check &now"));

        find<QLineEdit>("intakePasswordEdit", section)->setText(test::ImapTestServer::password());
        QTest::mouseClick(check, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(result->text().startsWith(QLatin1String("Read 2 message")), qPrintable(result->text()), 20000);
        QVERIFY2(result->text().contains(QLatin1String("1 hard bounce(s), 0 soft bounce(s), 1 complaint(s), 0 unsubscribe(s); 0 left")),
                 qPrintable(result->text()));
        QVERIFY(result->styleSheet().isEmpty());
        QVERIFY(SuppressionRepository(*m_database).find(bounced)->reason == SuppressionReason::HardBounce);
        QVERIFY(SuppressionRepository(*m_database).find(complained)->reason == SuppressionReason::Complaint);
        for (const QJsonObject& message : m_imap->listing())
            QVERIFY(message.value(QStringLiteral("flags")).toArray().contains(QStringLiteral("$HeraldProcessed")));
        test::saveScreenshot(m_window.get(), QStringLiteral("settings-feedback-checked.png"));

        // The campaign panel counts them with the reports recorded before.
        QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + MainWindow::Sending), Qt::ControlModifier);
        QTRY_VERIFY2_WITH_TIMEOUT(label("feedbackLabel").startsWith(QLatin1String("Bounced 2 ")), qPrintable(label("feedbackLabel")), 15000);
        QVERIFY2(label("feedbackLabel").contains(QLatin1String("Complaints 3 ")), qPrintable(label("feedbackLabel")));
    }

    void readsTheFeedbackMailboxWhileSending()
    {
        auto* runner = m_window->findChild<FeedbackIntakeRunner*>(QStringLiteral("feedbackIntakeRunner"));
        QVERIFY(runner);
        runner->setInterval(300);
        QVERIFY(SendingFixture::addCampaign(*m_database, 3));
        QVERIFY(SendQueue(*m_database, QStringLiteral("test")).enqueue(3, {}).ok());
        QVERIFY(CampaignRepository(*m_database).setStatus(3, CampaignStatus::Draft, CampaignStatus::Sending).ok());
        const QString sent3 = QStringLiteral("SELECT count(*) FROM sends WHERE campaign_id = 3 AND status = 'sent'");
        QTRY_VERIFY_WITH_TIMEOUT(count(sent3) > 5, 10000);
        const QString complained = deliverReport(QStringLiteral("arf-complaint.eml"), 3, 2);
        QVERIFY(!complained.isEmpty());

        // Nobody clicks anything: the pass on the timer finds the complaint while the campaign is still going.
        auto* state = find<QLabel>("intakeStateLabel");
        const QString complaints3 = QStringLiteral("SELECT count(*) FROM feedback_reports WHERE campaign_id = 3 AND kind = 'complaint'");
        QTRY_VERIFY2_WITH_TIMEOUT(count(complaints3) == 1, qPrintable(state->text()), 15000);
        QTRY_VERIFY2_WITH_TIMEOUT(state->text().contains(QLatin1String("1 complaint(s)")), qPrintable(state->text()), 5000);
        QVERIFY(state->isVisible());
        // The report is recorded before the address is suppressed (and the label may still show an earlier
        // pass), so the suppression is waited for, not assumed.
        const auto suppressedFor = [this](const QString& email) {
            const auto found = SuppressionRepository(*m_database).find(email);
            return found.ok() && found->reason == SuppressionReason::Complaint;
        };
        QTRY_VERIFY_WITH_TIMEOUT(suppressedFor(complained), 10000);
        QTRY_VERIFY2_WITH_TIMEOUT(label("feedbackLabel", 3).contains(QLatin1String("Complaints 1 ")), qPrintable(label("feedbackLabel", 3)), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(campaignStatus(3), QStringLiteral("completed"), 20000);
        test::saveScreenshot(find<SendingPage>("sendingPage"), QStringLiteral("sending-intake-while-sending.png"));
    }

    void closingWhileSendingStopsTheEngine()
    {
        QVERIFY(SendingFixture::addCampaign(*m_database, 2));
        QVERIFY(SendQueue(*m_database, QStringLiteral("test")).enqueue(2, {}).ok());
        QVERIFY(CampaignRepository(*m_database).setStatus(2, CampaignStatus::Draft, CampaignStatus::Sending).ok());
        const QString sent2 = QStringLiteral("SELECT count(*) FROM sends WHERE campaign_id = 2 AND status = 'sent'");
        QTRY_VERIFY_WITH_TIMEOUT(count(sent2) > 20, 10000);

        MessageBox::setNextAnswer(QMessageBox::Yes);
        QVERIFY(m_window->close());
        QVERIFY(!m_window->isVisible());
        // Every leased row went back to the queue; the rest waits for the next sender.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sending'")), 0);
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM sends WHERE campaign_id = 2 AND status = 'pending'")) > 0);
        QCOMPARE(campaignStatus(2), QStringLiteral("sending"));
        const qint64 sentAtClose = count(sent2);
        QTest::qWait(800);
        QCOMPARE(count(sent2), sentAtClose);
    }
};

QTEST_MAIN(TestSendingPage)
#include "TestSendingPage.moc"
