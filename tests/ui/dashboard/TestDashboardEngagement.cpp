#include "DesktopTestEnvironment.h"
#include "EngagementTraffic.h"
#include "SendingFixture.h"
#include "TestDatabase.h"
#include "config/Config.h"
#include "dashboard/ChartPanel.h"
#include "dashboard/DashboardPage.h"
#include "engagement/CampaignLinkRepository.h"
#include "settings/EngagementSettingsPanel.h"
#include "shell/MainWindow.h"
#include "storage/CampaignRepository.h"
#include "storage/ProfileStore.h"
#include "storage/SqlDialect.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace herald;
using test::EngagementTraffic;
using test::SendingFixture;

// The Dashboard's engagement across recent campaigns on the real window, on both backends, over campaigns queued by
// SendQueue and opens and clicks written and rolled up as `herald serve` does it: "No tracked campaigns yet" while
// only an untracked campaign has sent; then people's open and click rates per campaign, newest on top, machines'
// opens and clicks and the untracked campaign left out, the anonymous campaign marked approximate. Screenshots of
// the chart and of Settings → Engagement at 1254×784 in English, Spanish and French.
class TestDashboardEngagement : public QObject
{
    Q_OBJECT

    static constexpr int Recipients = 10;
    static constexpr qint64 Minute = 60'000;

    QTemporaryDir m_dir;
    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MainWindow> m_window;
    const qint64 m_nowMs = QDateTime::currentMSecsSinceEpoch();

    DashboardPage* page() const { return m_window->findChild<DashboardPage*>(QStringLiteral("dashboardPage")); }
    ChartPanel* panel() const { return page()->panel(QStringLiteral("engagement")); }
    QHorizontalBarSeries* series() const { return qobject_cast<QHorizontalBarSeries*>(panel()->chart()->series().value(0)); }

    QStringList categories(ChartPanel* chartPanel = nullptr) const
    {
        const QList<QAbstractAxis*> axes = (chartPanel ? chartPanel : panel())->chart()->axes(Qt::Vertical);
        auto* axis = axes.isEmpty() ? nullptr : qobject_cast<QBarCategoryAxis*>(axes.first());
        return axis ? axis->categories() : QStringList{QStringLiteral("no category axis")};
    }

    static QList<qreal> values(const QBarSet* set)
    {
        QList<qreal> rounded;
        for (int i = 0; i < set->count(); ++i)
            rounded << std::round(set->at(i) * 100) / 100;
        return rounded;
    }

    // A campaign to every nonprofit queued by SendQueue, `delivered` of its sends accepted at `sentAtMs` and the rest
    // failed, its sending over, one tracked link; its sends in order go to `sends`.
    void deliveredCampaign(qint64 id, const QString& name, Tracking tracking, int delivered, qint64 sentAtMs,
                           QList<qint64>* sends = nullptr)
    {
        QVERIFY(SendingFixture::addCampaign(*m_database, id));
        CampaignRepository campaigns(*m_database);
        auto found = campaigns.find(id);
        QVERIFY2(found.ok(), qPrintable(found.error().message));
        Campaign campaign = found.value();
        campaign.name = name;
        campaign.tracking = tracking;
        const Status updated = campaigns.update(campaign);
        QVERIFY2(updated.ok(), qPrintable(updated.error().message));
        QVERIFY(SendingFixture::startCampaign(*m_database, id));
        QVERIFY(campaigns.setStatus(id, CampaignStatus::Sending, CampaignStatus::Completed).ok());
        QVERIFY(CampaignLinkRepository::store(m_database->connection(), id, {{1, QStringLiteral("https://example.org/donate"), false}})
                    .ok());
        QList<qint64> ids;
        QSqlQuery query(m_database->connection());
        query.prepare(QStringLiteral("SELECT id FROM sends WHERE campaign_id = :campaign ORDER BY id"));
        query.bindValue(QStringLiteral(":campaign"), id);
        QVERIFY(query.exec());
        while (query.next())
            ids << query.value(0).toLongLong();
        QCOMPARE(ids.size(), Recipients);
        QSqlQuery outcome(m_database->connection());
        outcome.prepare(QStringLiteral("UPDATE sends SET status = :status, sent_at = :at WHERE id = :id"));
        const QVariant sentAt = SqlDialect(m_database->backend()).timestamp(QDateTime::fromMSecsSinceEpoch(sentAtMs, Qt::UTC));
        for (int i = 0; i < ids.size(); ++i) {
            outcome.bindValue(QStringLiteral(":status"), i < delivered ? QStringLiteral("sent") : QStringLiteral("failed"));
            outcome.bindValue(QStringLiteral(":at"), i < delivered ? sentAt : QVariant());
            outcome.bindValue(QStringLiteral(":id"), ids.at(i));
            QVERIFY2(outcome.exec(), qPrintable(outcome.lastError().text()));
        }
        if (sends)
            *sends = ids;
    }

    void writeAndRollUp(const QList<EngagementRecord>& events)
    {
        const Status written = EngagementTraffic::write(*m_database, events);
        QVERIFY2(written.ok(), qPrintable(written.error().message));
        const auto rolled = EngagementTraffic::rollUp(*m_database, QStringLiteral("serve-test"),
                                                      [] { return QDateTime::currentMSecsSinceEpoch(); });
        QVERIFY2(rolled.ok(), qPrintable(rolled.error().message));
        QCOMPARE(rolled->rolled, int(events.size()));
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
        QVERIFY(SendingFixture::addNonprofits(*m_database, Recipients));
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

    // Only a campaign without tracking has sent (its opens, had any reached herald serve, do not count).
    void emptyUntilACampaignIsTracked()
    {
        QList<qint64> board;
        deliveredCampaign(1, QStringLiteral("Board update"), Tracking::Off, Recipients, m_nowMs - 3 * 24 * 60 * Minute, &board);
        QCOMPARE(board.size(), Recipients);
        writeAndRollUp({EngagementTraffic::open(1, board.at(0), m_nowMs - 3 * 24 * 60 * Minute + 30 * Minute)});
        m_window->showPage(MainWindow::Dashboard);
        QTRY_VERIFY(page()->readsShown() > 0);
        auto* placeholder = panel()->findChild<QLabel*>(QStringLiteral("engagementPlaceholder"));
        QVERIFY(placeholder);
        QTRY_VERIFY(placeholder->isVisible());
        QCOMPARE(placeholder->text(), QStringLiteral("No tracked campaigns yet"));
        QVERIFY(!panel()->view()->isVisible());
        QVERIFY(panel()->rows().isEmpty());
    }

    void ratesOfRecentCampaignsByPeople()
    {
        // Per-recipient, 8 of 10 delivered two days ago: four people opened (one twice, one known from a click
        // only), two clicked; a privacy proxy opened two more and a link scanner clicked: not people.
        const qint64 springSent = m_nowMs - 2 * 24 * 60 * Minute;
        QList<qint64> spring;
        deliveredCampaign(2, QStringLiteral("Spring appeal"), Tracking::PerRecipient, 8, springSent, &spring);
        QCOMPARE(spring.size(), Recipients);
        const qint64 t = springSent + 60 * Minute;
        writeAndRollUp({EngagementTraffic::open(2, spring.at(0), t), EngagementTraffic::open(2, spring.at(0), t + Minute),
                        EngagementTraffic::click(2, spring.at(0), 1, t + 2 * Minute), EngagementTraffic::open(2, spring.at(1), t),
                        EngagementTraffic::open(2, spring.at(2), t + 3 * Minute),
                        EngagementTraffic::click(2, spring.at(3), 1, t + 4 * Minute),
                        EngagementTraffic::open(2, spring.at(4), t, QStringLiteral("apple_mpp")),
                        EngagementTraffic::open(2, spring.at(5), t, QStringLiteral("apple_mpp")),
                        EngagementTraffic::click(2, spring.at(6), 1, t, QStringLiteral("scanner_agent"))});
        // Anonymous, all 10 delivered yesterday: people's 9 opens and 3 clicks (events, not people), a proxy's 6.
        const qint64 summerSent = m_nowMs - 24 * 60 * Minute;
        deliveredCampaign(3, QStringLiteral("Summer fair"), Tracking::Anonymous, Recipients, summerSent);
        QList<EngagementRecord> summer;
        for (int i = 0; i < 9; ++i)
            summer << EngagementTraffic::open(3, 0, summerSent + (30 + i) * Minute, QStringLiteral("person"),
                                              QStringLiteral("203.0.113.0/24"));
        for (int i = 0; i < 3; ++i)
            summer << EngagementTraffic::click(3, 0, 1, summerSent + (50 + 5 * i) * Minute, QStringLiteral("person"),
                                               QStringLiteral("203.0.113.0/24"));
        for (int i = 0; i < 6; ++i)
            summer << EngagementTraffic::open(3, 0, summerSent + (40 + i) * Minute, QStringLiteral("apple_mpp"),
                                              QStringLiteral("17.58.0.0/24"));
        writeAndRollUp(summer);

        // Read at its own pace (every EngagementIntervalMs), not on every tick of the figures …
        const int reads = page()->readsShown();
        QTRY_VERIFY(page()->readsShown() >= reads + 2);
        QVERIFY(panel()->findChild<QLabel*>(QStringLiteral("engagementPlaceholder"))->isVisible());
        // … and at once when asked.
        page()->refreshEngagement();
        QTRY_VERIFY(panel()->view()->isVisible());
        QVERIFY(!panel()->findChild<QLabel*>(QStringLiteral("engagementPlaceholder"))->isVisible());

        // Newest on top (the axis draws its first category at the bottom); the untracked campaign is not there.
        QCOMPARE(categories(), (QStringList{QStringLiteral("Spring appeal"), QStringLiteral("~ Summer fair")}));
        const QList<QBarSet*> sets = series()->barSets();
        QCOMPARE(sets.size(), 2);
        QCOMPARE(sets.at(0)->label(), QStringLiteral("Open rate"));
        QCOMPARE(values(sets.at(0)), (QList<qreal>{50, 90})); // 4 of 8; 9 opens for 10 messages
        QCOMPARE(sets.at(1)->label(), QStringLiteral("Click rate"));
        QCOMPARE(values(sets.at(1)), (QList<qreal>{25, 30})); // 2 of 8; 3 clicks for 10 messages
        // The approximate campaign's bars are drawn lighter.
        for (QBarSet* set : sets)
            QCOMPARE(set->selectedBars(), QList<int>{1});
        auto* note = panel()->findChild<QLabel*>(QStringLiteral("engagementNote"));
        QVERIFY(note && note->isVisible() && note->text().contains(QLatin1String("~ Approximate")));
        // The data behind it, newest first, as the CSV export writes it.
        QCOMPARE(panel()->rows(),
                 (QList<QStringList>{{QStringLiteral("Summer fair"), QStringLiteral("anonymous"), QStringLiteral("10"),
                                      QStringLiteral("90.00"), QStringLiteral("30.00"), QStringLiteral("yes")},
                                     {QStringLiteral("Spring appeal"), QStringLiteral("per_recipient"), QStringLiteral("8"),
                                      QStringLiteral("50.00"), QStringLiteral("25.00"), QStringLiteral("no")}}));
    }

    // Two campaigns of one name keep a bar each (the axis has one category per name).
    void campaignsOfOneNameKeepTheirOwnBars()
    {
        const qint64 sent = m_nowMs - 12 * 60 * Minute;
        QList<qint64> again;
        deliveredCampaign(4, QStringLiteral("Spring appeal"), Tracking::PerRecipient, 5, sent, &again);
        QCOMPARE(again.size(), Recipients);
        writeAndRollUp({EngagementTraffic::open(4, again.at(0), sent + 30 * Minute)});
        page()->refreshEngagement();
        QTRY_COMPARE(categories().size(), 3);
        QCOMPARE(categories(), (QStringList{QStringLiteral("Spring appeal"), QStringLiteral("~ Summer fair"),
                                            QStringLiteral("Spring appeal (#4)")}));
        QCOMPARE(values(series()->barSets().at(0)), (QList<qreal>{50, 90, 20}));
        for (QBarSet* set : series()->barSets())
            QCOMPARE(set->selectedBars(), QList<int>{1});
    }

    void screenshotsInEachLanguage_data()
    {
        QTest::addColumn<QString>("qmFile");
        QTest::newRow("en") << QString();
        QTest::newRow("es") << QStringLiteral(":/i18n/herald_es.qm");
        QTest::newRow("fr") << QStringLiteral(":/i18n/herald_fr.qm");
    }

    void screenshotsInEachLanguage()
    {
        QFETCH(QString, qmFile);
        const QString language = QString::fromLatin1(QTest::currentDataTag());
        m_window.reset(); // one window at a time, in the language it was built in
        QTranslator translator;
        if (!qmFile.isEmpty()) {
            QVERIFY(translator.load(qmFile));
            QVERIFY(QCoreApplication::installTranslator(&translator));
        }
        QLocale::setDefault(QLocale(language));
        {
            MainWindow window(*m_database, *m_profiles);
            window.resize(1254, 784);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.showPage(MainWindow::Dashboard);
            auto* dashboard = window.findChild<DashboardPage*>(QStringLiteral("dashboardPage"));
            ChartPanel* engagement = dashboard->panel(QStringLiteral("engagement"));
            QTRY_VERIFY(engagement->view()->isVisible());
            QTRY_COMPARE(categories(engagement).size(), 3); // read on a worker thread: the bars, not an empty frame
            const QString note = engagement->findChild<QLabel*>(QStringLiteral("engagementNote"))->text();
            QVERIFY2(note.startsWith(QLatin1String("People only")) == qmFile.isEmpty(), qPrintable(note)); // translated
            window.grab(); // let the page lay out
            test::saveScreenshot(engagement, QStringLiteral("dashboard-engagement-chart-%1.png").arg(language));
            auto* scroll = dashboard->findChild<QScrollArea*>();
            scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum()); // the chart is the last panel
            test::saveScreenshot(&window, QStringLiteral("dashboard-engagement-%1.png").arg(language));

            window.showPage(MainWindow::Settings);
            auto* settings = window.findChild<EngagementSettingsPanel*>(QStringLiteral("engagementSettingsPanel"));
            QVERIFY(settings);
            window.findChild<QScrollArea*>(QStringLiteral("settingsScroll"))->ensureWidgetVisible(settings, 0, 0);
            test::saveScreenshot(&window, QStringLiteral("settings-engagement-%1.png").arg(language));
        }
        QCoreApplication::removeTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
};

QTEST_MAIN(TestDashboardEngagement)
#include "TestDashboardEngagement.moc"
