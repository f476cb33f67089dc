#include "DesktopTestEnvironment.h"
#include "SendingFixture.h"
#include "TestDatabase.h"
#include "common/FileDialog.h"
#include "config/Config.h"
#include "dashboard/AlertBanner.h"
#include "dashboard/AlertMonitor.h"
#include "dashboard/ChartPanel.h"
#include "dashboard/DashboardPage.h"
#include "deliverability/MailboxSettings.h"
#include "metrics/AlertSettings.h"
#include "metrics/DashboardReader.h"
#include "metrics/ProviderStatusWriter.h"
#include "metrics/QueueSampler.h"
#include "metrics/SendMetricsWriter.h"
#include "shell/MainWindow.h"
#include "shell/Translations.h"
#include "storage/FeedbackRepository.h"
#include "storage/ProfileStore.h"
#include "storage/SecretStore.h"

#include <QAction>
#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace herald;
using test::SendingFixture;

// The Dashboard page on the real window, over a quarter of an hour of history written the way engines write
// it (SendMetricsWriter, QueueSampler over real sends, ProviderStatusWriter): charts with the figures, live
// reads only while visible, PNG and CSV exports, the bounce and complaint rates of the campaign as the intake
// records them, and the alert banner once the failure rate passes 3 %.
class TestDashboardPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MainWindow> m_window;
    static constexpr int Steps = 81; // 10-second steps: well inside the last 15 minutes however long the test takes
    qint64 m_sent = 0;
    qint64 m_failed = 0;

    template<typename T> T* find(const QString& name) const { return m_window->findChild<T*>(name); }
    DashboardPage* page() const { return find<DashboardPage>(QStringLiteral("dashboardPage")); }

    static SendResult result(const QString& provider, DeliveryOutcome outcome, int latencyMs)
    {
        SendResult r;
        r.provider = provider;
        r.outcome = std::move(outcome);
        r.latencyMs = latencyMs;
        return r;
    }

    // Over thirteen minutes of sending, one flush per 10-second bucket: a steady rate through "Main relay" and a
    // little through "Backup API", failures rising in the last five minutes; the queue of a real campaign
    // drained step by step and sampled as it went.
    void writeHistory(qint64 now)
    {
        QVERIFY(SendingFixture::addNonprofits(*m_database, 900));
        QVERIFY(SendingFixture::addCampaign(*m_database));
        QVERIFY(SendingFixture::startCampaign(*m_database));
        SendMetricsWriter writer(*m_database);
        QueueSampler sampler(*m_database);
        const qint64 start = now - (Steps - 1) * 10;
        for (int step = 0; step < Steps; ++step) {
            const qint64 at = start + step * 10;
            QList<SendResult> results;
            const int relay = 40 + (step % 12) * 3;
            for (int i = 0; i < relay; ++i)
                results << result(QStringLiteral("Main relay"), DeliveryOutcome::fromSmtpReply(250, QStringLiteral("250 2.0.0 Ok")),
                                  30 + (i * 37) % 250);
            for (int i = 0; i < 6; ++i)
                results << result(QStringLiteral("Backup API"), DeliveryOutcome::fromHttpStatus(202, QString()), 180 + i * 60);
            const int failures = step >= Steps - 30 ? 3 + step % 3 : step % 7 == 0 ? 1 : 0;
            for (int i = 0; i < failures; ++i) {
                results << result(QStringLiteral("Main relay"),
                                  i % 3 == 2 ? DeliveryOutcome::fromSmtpReply(552, QStringLiteral("552 5.2.2 Mailbox full"))
                                             : DeliveryOutcome::fromSmtpReply(550, QStringLiteral("550 5.1.1 <u%1@example.net>: User unknown").arg(step)),
                                  60);
            }
            for (const SendResult& r : std::as_const(results))
                (r.tally() == SendResult::Tally::Sent ? m_sent : m_failed) += 1;
            QVERIFY(writer.add(results, at).ok());
            // The queue drains by ten a step, and stops draining for the last two minutes.
            if (step < Steps - 12) {
                QVERIFY(SendingFixture::exec(*m_database, QStringLiteral(
                    "UPDATE sends SET status = 'sent' WHERE id IN (SELECT id FROM sends WHERE status = 'pending' ORDER BY id LIMIT 10)")));
            }
            if (step == 40) {
                QVERIFY(SendingFixture::exec(*m_database, QStringLiteral(
                    "UPDATE sends SET attempts = 1 WHERE id IN (SELECT id FROM sends WHERE status = 'pending' ORDER BY id DESC LIMIT 25)")));
                QVERIFY(SendingFixture::exec(*m_database, QStringLiteral(
                    "UPDATE sends SET status = 'sending' WHERE id IN (SELECT id FROM sends WHERE status = 'pending' ORDER BY id LIMIT 8)")));
            }
            QVERIFY(sampler.sampleIfDue(at).value());
        }
        // No provider rows: this window's own engine would start sending the campaign. The states come from the
        // two processes below, as from workers elsewhere.
        using State = ProviderPool::ProviderState;
        QVERIFY(ProviderStatusWriter(*m_database, QStringLiteral("office-pc:4242:a1b2c3"))
                    .write({State{QStringLiteral("Main relay"), QStringLiteral("closed"), 20, 20, {}},
                            State{QStringLiteral("Backup API"), QStringLiteral("open"), 5, 5,
                                  QStringLiteral("HTTP 503: Service Unavailable")}}, now)
                    .ok());
        QVERIFY(ProviderStatusWriter(*m_database, QStringLiteral("server:77:d4e5f6"))
                    .write({State{QStringLiteral("Main relay"), QStringLiteral("closed"), 10, 20, QStringLiteral("421 4.7.0 Slow down")}}, now)
                    .ok());
    }

    // What the bounce and complaint intake records about messages of the campaign: two hard bounces, a soft
    // bounce, three complaints (one mailbox complaining twice counts once) and an unsubscribe.
    void writeFeedback()
    {
        QSqlQuery sends(m_database->connection());
        QVERIFY(sends.exec(QStringLiteral("SELECT id FROM sends WHERE campaign_id = 1 AND status = 'sent' ORDER BY id LIMIT 7")));
        const QStringList kinds = {QStringLiteral("hard_bounce"), QStringLiteral("hard_bounce"), QStringLiteral("soft_bounce"),
                                   QStringLiteral("complaint"),   QStringLiteral("complaint"),   QStringLiteral("complaint"),
                                   QStringLiteral("unsubscribe")};
        QList<qint64> ids;
        while (sends.next())
            ids << sends.value(0).toLongLong();
        QCOMPARE(ids.size(), kinds.size());
        FeedbackRepository feedback(*m_database);
        for (int i = 0; i < kinds.size(); ++i)
            QVERIFY(feedback.record({QStringLiteral("report-%1@example.net").arg(i), kinds.at(i), 1, ids.at(i), {}}).value());
        QVERIFY(feedback.record({QStringLiteral("report-again@example.net"), QStringLiteral("complaint"), 1, ids.at(5), {}}).value());
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
        writeHistory(QDateTime::currentSecsSinceEpoch());
        writeFeedback();

        m_profiles = std::make_unique<ProfileStore>(Config::instance());
        m_window = std::make_unique<MainWindow>(*m_database, *m_profiles);
        m_window->resize(1440, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_database.reset();
        m_scratch.reset();
    }

    void showsTheFiguresLive()
    {
        QVERIFY(!page()->isLive()); // not visible yet: no reads
        QTest::keyClick(m_window.get(), Qt::Key_6, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::Dashboard);
        QVERIFY(page()->isLive());
        QTRY_VERIFY(page()->readsShown() > 0);
        const DashboardFigures& f = page()->figures();
        QCOMPARE(f.totals.sent, m_sent);
        QCOMPARE(f.totals.failed, m_failed);

        // Throughput: one point per 10-second step with data, adding up to what was written.
        auto* throughput = qobject_cast<QLineSeries*>(page()->panel(QStringLiteral("throughput"))->chart()->series().value(0));
        QVERIFY(throughput && throughput->count() >= Steps);
        // Queue: the samples, draining by ten a step.
        auto* pending = qobject_cast<QLineSeries*>(page()->panel(QStringLiteral("queue"))->chart()->series().value(0));
        QVERIFY(pending && pending->count() >= Steps);
        QCOMPARE(qint64(pending->at(pending->count() - 1).y()), f.queue.pending);
        QCOMPARE(f.queue.inFlight, qint64(8));
        QCOMPARE(f.queue.retrying, qint64(25));
        // The failure rate against the alert threshold line at 3 %.
        const QList<QAbstractSeries*> rateSeries = page()->panel(QStringLiteral("failureRate"))->chart()->series();
        auto* threshold = qobject_cast<QLineSeries*>(rateSeries.value(1));
        QVERIFY(threshold && threshold->count() == 2);
        QCOMPARE(threshold->at(0).y(), 3.0);
        QVERIFY(threshold->name().contains(QLatin1String("3 %")));
        // Latency: all providers, then each, three percentiles.
        auto* latency = qobject_cast<QBarSeries*>(page()->panel(QStringLiteral("latency"))->chart()->series().value(0));
        QVERIFY(latency);
        QCOMPARE(latency->barSets().size(), 3);
        QCOMPARE(latency->barSets().first()->count(), 3);
        QVERIFY(latency->barSets().at(0)->at(0) <= latency->barSets().at(2)->at(0));
        // Providers from both processes; the reasons.
        auto* providers = find<QTreeWidget>(QStringLiteral("providerTable"));
        QCOMPARE(providers->topLevelItemCount(), 2);
        const QTreeWidgetItem* relay = providers->findItems(QStringLiteral("Main relay"), Qt::MatchExactly).value(0);
        const QTreeWidgetItem* backup = providers->findItems(QStringLiteral("Backup API"), Qt::MatchExactly).value(0);
        QVERIFY(relay && backup);
        QCOMPARE(relay->text(2), QStringLiteral("2"));
        QVERIFY2(relay->text(3).endsWith(QLatin1String("/s")) && relay->text(3).at(0) >= QLatin1Char('4'),
                 qPrintable(relay->text(3))); // 4 to 9 attempts a second over the last minute
        QVERIFY(relay->text(4).contains(QLatin1String("slowed")));
        QVERIFY(relay->text(5).contains(QLatin1String("421 4.7.0")));
        QVERIFY(backup->text(1).startsWith(QLatin1String("Open")));
        auto* reasons = find<QTreeWidget>(QStringLiteral("reasonTable"));
        QCOMPARE(reasons->topLevelItem(0)->text(0), QStringLiteral("550 5.1.1"));
        QCOMPARE(reasons->topLevelItemCount(), 2);
        QVERIFY(find<QLabel>(QStringLiteral("queueTile"))->text().contains(QLatin1String("in flight")));
        // Bounces and complaints of the campaign: 3 complaints of the messages sent is above the 0.3 % that pauses.
        auto* feedback = find<QTreeWidget>(QStringLiteral("feedbackTable"));
        QCOMPARE(feedback->topLevelItemCount(), 1);
        const QTreeWidgetItem* gala = feedback->topLevelItem(0);
        const qint64 sent = SendingFixture::count(*m_database, QStringLiteral("SELECT count(*) FROM sends WHERE campaign_id = 1 AND status = 'sent'"));
        QVERIFY(sent > 300 && sent < 1000);
        const QLocale locale;
        QCOMPARE(gala->text(0), QStringLiteral("Gala"));
        QCOMPARE(gala->text(1), locale.toString(sent));
        QCOMPARE(gala->text(2), QStringLiteral("2 (%1 %)").arg(locale.toString(200.0 / sent, 'f', 2)));
        QCOMPARE(gala->text(3), QStringLiteral("1"));
        QCOMPARE(gala->text(4), QStringLiteral("3 (%1 %)").arg(locale.toString(300.0 / sent, 'f', 2)));
        QCOMPARE(gala->text(5), QStringLiteral("1"));
        QCOMPARE(gala->foreground(4).color(), QColor(0xb3, 0x26, 0x1e));
        QCOMPARE(gala->foreground(2).style(), Qt::NoBrush); // bounces are not flagged
        // The pause threshold comes from Settings: at 1 % the same complaints are no longer flagged.
        MailboxSettings settings;
        settings.complaintRateThreshold = 0.01;
        QVERIFY(settings.save(*m_database).ok());
        QTRY_COMPARE(feedback->topLevelItem(0)->foreground(4).style(), Qt::NoBrush);
        settings.complaintRateThreshold = 0.003;
        QVERIFY(settings.save(*m_database).ok());
        QTRY_COMPARE(feedback->topLevelItem(0)->foreground(4).color(), QColor(0xb3, 0x26, 0x1e));

        // Live: reads go on while the page shows …
        const int reads = page()->readsShown();
        QTRY_VERIFY_WITH_TIMEOUT(page()->readsShown() >= reads + 2, 5000);
        m_window->grab(); // let the charts lay out before the screenshot
        test::saveScreenshot(m_window.get(), QStringLiteral("dashboard.png"));
        // … and stop when it does not.
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
        QVERIFY(!page()->isLive());
        QTRY_VERIFY(!page()->isReading());
        const int stopped = page()->readsShown();
        QTest::qWait(3 * DashboardPage::RefreshIntervalMs);
        QCOMPARE(page()->readsShown(), stopped);
        QTest::keyClick(m_window.get(), Qt::Key_6, Qt::ControlModifier);
        QTRY_VERIFY(page()->readsShown() > stopped);
    }

    void switchesRangeAndWindow()
    {
        auto* range = find<QComboBox>(QStringLiteral("rangeBox"));
        auto* window = find<QComboBox>(QStringLiteral("windowBox"));
        range->setCurrentIndex(3);
        QTRY_COMPARE(page()->figures().stepSeconds, DashboardReader::stepFor(7 * 86400));
        QVERIFY(page()->figures().seconds() >= 7 * 86400);
        QCOMPARE(page()->figures().totals.sent, m_sent); // the 5-minute roll-ups hold the same
        window->setCurrentIndex(2);
        range->setCurrentIndex(0);
        QTRY_COMPARE(page()->figures().windowSeconds, 3600);
        QTRY_COMPARE(page()->figures().stepSeconds, 10);
        window->setCurrentIndex(0);
        QTRY_COMPARE(page()->figures().windowSeconds, 60);
    }

    // Issue 15 (4.8): the data export writes a cell a spreadsheet would evaluate behind a quote.
    void chartDataCellsAreInert()
    {
        ChartPanel panel(QStringLiteral("probe"), QStringLiteral("Probe"), new QChart);
        panel.setTable({QStringLiteral("reason"), QStringLiteral("failures")},
                       {{QStringLiteral("=HYPERLINK(\"http://evil.example/x\",\"click\")"), QStringLiteral("3")},
                        {QStringLiteral("@SUM(A1)"), QStringLiteral("-1")}});
        const QString csv = m_dir.filePath(QStringLiteral("probe.csv"));
        QVERIFY(panel.saveCsv(csv).ok());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("reason,failures\r\n\"'=HYPERLINK(\"\"http://evil.example/x\"\",\"\"click\"\")\",3\r\n"
                                            "'@SUM(A1),'-1\r\n"));
    }

    void exportsChartAndData()
    {
        ChartPanel* throughput = page()->panel(QStringLiteral("throughput"));
        const QString csv = m_dir.filePath(QStringLiteral("throughput.csv"));
        FileDialog::setNextFileName(csv);
        find<QAction>(QStringLiteral("throughputExportCsv"))->trigger();
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("start,sent,failed,sent_per_second,failed_per_second"));
        QCOMPARE(lines.size() - 1, throughput->rows().size());
        qint64 sent = 0;
        qint64 failed = 0;
        for (const QString& line : lines.mid(1)) {
            const QStringList fields = line.split(QLatin1Char(','));
            QCOMPARE(fields.size(), 5);
            QVERIFY(QDateTime::fromString(fields.at(0), Qt::ISODate).isValid());
            sent += fields.at(1).toLongLong();
            failed += fields.at(2).toLongLong();
        }
        QCOMPARE(sent, m_sent);
        QCOMPARE(failed, m_failed);

        const QString png = m_dir.filePath(QStringLiteral("queue.png"));
        // The PNG is the chart as shown when it was saved (live reads may relayout the page a moment later).
        QCoreApplication::processEvents();
        const QSize shown = page()->panel(QStringLiteral("queue"))->view()->grab().size();
        FileDialog::setNextFileName(png);
        find<QAction>(QStringLiteral("queueExportPng"))->trigger();
        QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), shown);
        // The menu is a keyboard-reachable button.
        auto* button = find<QWidget>(QStringLiteral("latencyExportButton"));
        QVERIFY(button && button->focusPolicy() & Qt::TabFocus);
    }

    void bannerShowsRaisedAlerts()
    {
        auto* banner = find<AlertBanner>(QStringLiteral("alertBanner"));
        m_window->alertMonitor()->checkNow();
        // The last five minutes failed 4 % of the time; "Backup API" has its circuit open in a running process.
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
        QVERIFY2(banner->text().contains(QLatin1String("High failure rate")), qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(QLatin1String("Backup API is failing")), qPrintable(banner->text()));
        QVERIFY(banner->text().contains(QLatin1String(" since ")));
        QCOMPARE(SendingFixture::count(*m_database, QStringLiteral("SELECT count(*) FROM alerts WHERE cleared_at IS NULL")), qint64(2));
        test::saveScreenshot(m_window.get(), QStringLiteral("alert-banner.png"));

        QTest::mouseClick(find<QPushButton>(QStringLiteral("alertDismissButton")), Qt::LeftButton);
        QVERIFY(!banner->isVisible());
        m_window->alertMonitor()->checkNow(); // the same alerts: it stays dismissed
        QTest::qWait(500);
        QVERIFY(!banner->isVisible());
    }

    void thresholdsAreEditedInSettings()
    {
        QTest::keyClick(m_window.get(), Qt::Key_7, Qt::ControlModifier);
        auto* rate = find<QDoubleSpinBox>(QStringLiteral("alertFailureRate"));
        QCOMPARE(rate->value(), 3.0);
        rate->setValue(10.0);
        QTest::mouseClick(find<QPushButton>(QStringLiteral("saveAlertsButton")), Qt::LeftButton);
        QCOMPARE(AlertSettings(*m_database).load()->failureRatePercent, 10.0);
        // Checked again at once: 6 % is no longer an alert, the open circuit still is (the banner was dismissed
        // for both; one cleared, so what is left shows only when something new is raised).
        QTRY_COMPARE(SendingFixture::count(*m_database, QStringLiteral("SELECT count(*) FROM alerts WHERE cleared_at IS NULL")), qint64(1));
        QTRY_COMPARE(m_window->alertMonitor()->alerts().size(), 1);
        QCOMPARE(m_window->alertMonitor()->alerts().first().kind, Alert::Kind::CircuitOpen);
        QTest::keyClick(m_window.get(), Qt::Key_6, Qt::ControlModifier);
        auto* threshold = qobject_cast<QLineSeries*>(page()->panel(QStringLiteral("failureRate"))->chart()->series().value(1));
        QTRY_COMPARE(threshold->at(0).y(), 10.0);
    }
};

QTEST_MAIN(TestDashboardPage)
#include "TestDashboardPage.moc"
