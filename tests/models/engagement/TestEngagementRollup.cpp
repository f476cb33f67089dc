#include "DatabaseTestCase.h"
#include "EngagementTraffic.h"
#include "SendingFixture.h"
#include "engagement/BurstDetector.h"
#include "engagement/CampaignLinkRepository.h"
#include "engagement/EngagementEventWriter.h"
#include "engagement/EngagementRollup.h"
#include "storage/SqlDialect.h"

#include <QSqlError>
#include <QSqlRecord>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <optional>
#include <thread>

using namespace herald;

// The roll-up on real rows: events written as `herald serve` writes them (EngagementEventWriter), rolled up, and every
// roll-up figure checked exactly. SQLite and PostgreSQL.
class TestEngagementRollup : public test::DatabaseTestCase
{
    Q_OBJECT

    // An hour boundary (1.8e9 s is a multiple of 3600) plus ten minutes; every event of a test falls in that hour.
    static constexpr qint64 HourStart = 1'800'000'000;
    static constexpr qint64 T0 = HourStart * 1000 + 600'000;
    static constexpr qint64 Minute = 60'000;
    static constexpr qint64 Campaign = 1;

    QList<qint64> m_sends; // the campaign's sends, by nonprofit
    qint64 m_now = 0;

    EngagementRollup roller(const QString& holder = QStringLiteral("serve-a"))
    {
        return EngagementRollup(database(), holder, [this] { return m_now; });
    }

    // A campaign with `links` tracked links and `recipients` sends, all delivered an hour before T0.
    void addCampaign(int links, int recipients)
    {
        m_sends.clear();
        m_now = T0 + 30 * Minute;
        QVERIFY(test::SendingFixture::addCampaign(database(), Campaign));
        QVERIFY(test::SendingFixture::addNonprofits(database(), recipients));
        QVERIFY(test::SendingFixture::startCampaign(database(), Campaign));
        QList<TrackedLink> tracked;
        for (int i = 1; i <= links; ++i)
            tracked.append({i, QStringLiteral("https://example.org/page%1").arg(i), false});
        QVERIFY(CampaignLinkRepository::store(database().connection(), Campaign, tracked).ok());
        QSqlQuery ids(database().connection());
        QVERIFY(ids.exec(QStringLiteral("SELECT id FROM sends ORDER BY id")));
        while (ids.next())
            m_sends.append(ids.value(0).toLongLong());
        QCOMPARE(int(m_sends.size()), recipients);
        for (qint64 send : std::as_const(m_sends))
            setSentAt(send, T0 - 60 * Minute);
    }

    void setSentAt(qint64 sendId, qint64 atMs)
    {
        QSqlQuery query(database().connection());
        query.prepare(QStringLiteral("UPDATE sends SET status = 'sent', sent_at = :at WHERE id = :id"));
        query.bindValue(QStringLiteral(":at"), SqlDialect(database().backend()).timestamp(QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC)));
        query.bindValue(QStringLiteral(":id"), sendId);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }

    static EngagementRecord open(qint64 sendId, qint64 atMs, const QString& reason = QStringLiteral("person"),
                                 const QString& clientNet = QStringLiteral("198.51.100.0/24"))
    {
        return test::EngagementTraffic::event(Campaign, EngagementKind::Open, sendId, 0, atMs, reason, clientNet);
    }
    static EngagementRecord click(qint64 sendId, int linkNo, qint64 atMs, const QString& reason = QStringLiteral("person"),
                                  const QString& clientNet = QStringLiteral("198.51.100.0/24"))
    {
        return test::EngagementTraffic::event(Campaign, EngagementKind::Click, sendId, linkNo, atMs, reason, clientNet);
    }

    void write(const QList<EngagementRecord>& events)
    {
        const Status written = EngagementEventWriter(database()).write(events);
        QVERIFY2(written.ok(), qPrintable(written.error().message));
    }

    // Runs passes of at most `batch` events until none is waiting; returns the passes' totals.
    RollupPass rollUp(int batch = EngagementRollup::DefaultBatch, const QString& holder = QStringLiteral("serve-a"))
    {
        const auto total = test::EngagementTraffic::rollUp(database(), m_now, batch, holder);
        if (!total) {
            qWarning("roll-up failed: %s", qPrintable(total.error().message));
            return {};
        }
        return total.value();
    }

    // The numbers of the one row `sql` selects (NULL as -1), or nothing when there is no row.
    QList<qint64> row(const QString& sql, const QVariantList& values)
    {
        QSqlQuery query(database().connection());
        query.prepare(sql);
        for (const QVariant& value : values)
            query.addBindValue(value);
        if (!query.exec()) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return {};
        }
        QList<qint64> numbers;
        if (query.next()) {
            for (int i = 0; i < query.record().count(); ++i)
                numbers << (query.value(i).isNull() ? -1 : query.value(i).toLongLong());
        }
        return numbers;
    }
    // opens, clicks, unique_opens, unique_clicks, implied_opens
    QList<qint64> campaignFigures(const char* verdict)
    {
        return row(QStringLiteral("SELECT opens, clicks, unique_opens, unique_clicks, implied_opens FROM campaign_engagement "
                                  "WHERE campaign_id = ? AND verdict = ?"),
                   {Campaign, QString::fromLatin1(verdict)});
    }
    // clicks, unique_clickers
    QList<qint64> linkFigures(int linkNo, const char* verdict)
    {
        return row(QStringLiteral("SELECT clicks, unique_clickers FROM link_engagement WHERE campaign_id = ? AND link_no = ? AND verdict = ?"),
                   {Campaign, linkNo, QString::fromLatin1(verdict)});
    }
    // opens, clicks
    QList<qint64> hourFigures(const char* verdict)
    {
        return row(QStringLiteral("SELECT opens, clicks FROM engagement_hourly WHERE campaign_id = ? AND hour_start = ? AND verdict = ?"),
                   {Campaign, HourStart, QString::fromLatin1(verdict)});
    }
    // first_human_open, first_machine_open, first_human_click, first_machine_click, human_opens, human_clicks, machine_events
    QList<qint64> sendFigures(qint64 sendId)
    {
        return row(QStringLiteral("SELECT first_human_open, first_machine_open, first_human_click, first_machine_click, human_opens, "
                                  "human_clicks, machine_events FROM send_engagement WHERE send_id = ? AND campaign_id = ?"),
                   {sendId, Campaign});
    }
    // human_clicks, machine_clicks
    QList<qint64> sendLinkFigures(qint64 sendId, int linkNo)
    {
        return row(QStringLiteral("SELECT human_clicks, machine_clicks FROM send_link_engagement WHERE send_id = ? AND link_no = ? "
                                  "AND campaign_id = ?"),
                   {sendId, linkNo, Campaign});
    }
    qint64 count(const QString& sql) { return test::SendingFixture::count(database(), sql); }
    // "verdict reason" of each click of the send, in time order.
    QStringList clickVerdicts(qint64 sendId)
    {
        QSqlQuery query(database().connection());
        query.prepare(QStringLiteral("SELECT verdict, reason FROM engagement_events WHERE send_id = ? AND kind = 'click' ORDER BY occurred_at"));
        query.addBindValue(sendId);
        QStringList verdicts;
        if (query.exec()) {
            while (query.next())
                verdicts << query.value(0).toString() + QLatin1Char(' ') + query.value(1).toString();
        }
        return verdicts;
    }

    static void addBatchSizes()
    {
        QTest::addColumn<int>("batch");
        QTest::newRow("one pass") << EngagementRollup::DefaultBatch;
        QTest::newRow("three events a pass") << 3;
        QTest::newRow("one event a pass") << 1;
    }

private slots:
    void perRecipientOpensClicksAndUniques_data() { addBatchSizes(); }
    void perRecipientOpensClicksAndUniques()
    {
        QFETCH(int, batch);
        addCampaign(3, 3);
        const qint64 a = m_sends[0], b = m_sends[1], c = m_sends[2];
        write({open(a, T0), open(a, T0 + Minute), click(a, 1, T0 + 2 * Minute), click(a, 1, T0 + 3 * Minute), click(a, 2, T0 + 5 * Minute),
               // b: Apple's fetcher opens; the person clicks without the pixel loading for them, then opens it again.
               open(b, T0 + 10'000, QStringLiteral("apple_mpp")), click(b, 1, T0 + 7 * Minute), open(b, T0 + 8 * Minute),
               // c: only a scanner.
               click(c, 2, T0 + 20'000, QStringLiteral("scanner_agent"))});

        const RollupPass pass = rollUp(batch);
        QVERIFY(pass.leaseHeld);
        QCOMPARE(pass.rolled, 9);
        QCOMPARE(pass.reclassified, 0);

        // opens: a's two, b's implied one and real one; uniques: a and b; implied: b's.
        QCOMPARE(campaignFigures("human"), (QList<qint64>{4, 4, 2, 2, 1}));
        QCOMPARE(campaignFigures("machine"), (QList<qint64>{1, 1, 1, 1, 0}));
        QCOMPARE(linkFigures(1, "human"), (QList<qint64>{3, 2}));
        QCOMPARE(linkFigures(2, "human"), (QList<qint64>{1, 1}));
        QCOMPARE(linkFigures(2, "machine"), (QList<qint64>{1, 1}));
        QCOMPARE(linkFigures(1, "machine"), QList<qint64>());
        QCOMPARE(hourFigures("human"), (QList<qint64>{4, 4}));
        QCOMPARE(hourFigures("machine"), (QList<qint64>{1, 1}));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM engagement_hourly")), qint64(2));
        QCOMPARE(sendFigures(a), (QList<qint64>{T0, -1, T0 + 2 * Minute, -1, 2, 3, 0}));
        QCOMPARE(sendFigures(b), (QList<qint64>{T0 + 7 * Minute, T0 + 10'000, T0 + 7 * Minute, -1, 2, 1, 1}));
        QCOMPARE(sendFigures(c), (QList<qint64>{-1, -1, -1, T0 + 20'000, 0, 0, 1}));
        QCOMPARE(sendLinkFigures(a, 1), (QList<qint64>{2, 0}));
        QCOMPARE(sendLinkFigures(a, 2), (QList<qint64>{1, 0}));
        QCOMPARE(sendLinkFigures(b, 1), (QList<qint64>{1, 0}));
        QCOMPARE(sendLinkFigures(c, 2), (QList<qint64>{0, 1}));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM send_link_engagement")), qint64(4));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM engagement_events WHERE rolled_up = false")), qint64(0));

        // Idempotent: nothing is waiting, so nothing more is counted.
        const RollupPass again = rollUp(batch);
        QVERIFY(again.leaseHeld);
        QCOMPARE(again.rolled, 0);
        QCOMPARE(campaignFigures("human"), (QList<qint64>{4, 4, 2, 2, 1}));
        QCOMPARE(sendFigures(b), (QList<qint64>{T0 + 7 * Minute, T0 + 10'000, T0 + 7 * Minute, -1, 2, 1, 1}));

        // Later events add to the same rows; a send counts once per verdict in the uniques.
        write({open(c, T0 + 20 * Minute), click(a, 3, T0 + 21 * Minute)});
        QCOMPARE(rollUp(batch).rolled, 2);
        QCOMPARE(campaignFigures("human"), (QList<qint64>{5, 5, 3, 2, 1}));
        QCOMPARE(linkFigures(3, "human"), (QList<qint64>{1, 1}));
        QCOMPARE(sendFigures(c), (QList<qint64>{T0 + 20 * Minute, -1, -1, T0 + 20'000, 1, 0, 1}));
        QCOMPARE(sendFigures(a), (QList<qint64>{T0, -1, T0 + 2 * Minute, -1, 2, 4, 0}));
    }

    void burstOfLinksIsAMachineSlowClicksAreNot_data() { addBatchSizes(); }
    void burstOfLinksIsAMachineSlowClicksAreNot()
    {
        QFETCH(int, batch);
        addCampaign(3, 2);
        const qint64 scanned = m_sends[0], read = m_sends[1];
        // Every link of one message within a second, looking like a browser: a scanner.
        write({click(scanned, 1, T0), click(scanned, 2, T0 + 300), click(scanned, 3, T0 + 600),
               // The same links minutes apart: a person.
               click(read, 1, T0), click(read, 2, T0 + 3 * Minute), click(read, 3, T0 + 6 * Minute)});

        const RollupPass pass = rollUp(batch);
        QCOMPARE(pass.rolled, 6);
        QCOMPARE(pass.reclassified, 3);
        QCOMPARE(clickVerdicts(scanned), (QStringList{QStringLiteral("machine burst"), QStringLiteral("machine burst"),
                                                      QStringLiteral("machine burst")}));
        QCOMPARE(clickVerdicts(read), (QStringList{QStringLiteral("human person"), QStringLiteral("human person"),
                                                   QStringLiteral("human person")}));
        // The scanner's clicks imply no open; the person's first click does.
        QCOMPARE(campaignFigures("human"), (QList<qint64>{1, 3, 1, 1, 1}));
        QCOMPARE(campaignFigures("machine"), (QList<qint64>{0, 3, 0, 1, 0}));
        for (int link = 1; link <= 3; ++link) {
            QCOMPARE(linkFigures(link, "human"), (QList<qint64>{1, 1}));
            QCOMPARE(linkFigures(link, "machine"), (QList<qint64>{1, 1}));
            QCOMPARE(sendLinkFigures(scanned, link), (QList<qint64>{0, 1}));
        }
        QCOMPARE(sendFigures(scanned), (QList<qint64>{-1, -1, -1, T0, 0, 0, 3}));
        QCOMPARE(sendFigures(read), (QList<qint64>{T0, -1, T0, -1, 1, 3, 0}));
    }

    void burstWithARolledUpNeighbour()
    {
        addCampaign(3, 1);
        const qint64 send = m_sends[0];
        // Link 1 is rolled up alone before the others arrive (written late, as a serve process that was slow to flush):
        // the later clicks still find it among their neighbours.
        write({click(send, 1, T0)});
        QCOMPARE(rollUp().rolled, 1);
        QCOMPARE(clickVerdicts(send), QStringList{QStringLiteral("human person")});
        write({click(send, 2, T0 + 400), click(send, 3, T0 + 800)});
        const RollupPass pass = rollUp();
        QCOMPARE(pass.rolled, 2);
        QCOMPARE(pass.reclassified, 2);
        // A rolled-up verdict is final: the first click stays a person's, and so does the open it implied.
        QCOMPARE(clickVerdicts(send), (QStringList{QStringLiteral("human person"), QStringLiteral("machine burst"),
                                                   QStringLiteral("machine burst")}));
        QCOMPARE(campaignFigures("human"), (QList<qint64>{1, 1, 1, 1, 1}));
        QCOMPARE(campaignFigures("machine"), (QList<qint64>{0, 2, 0, 1, 0}));
    }

    void clickSoonAfterDeliveryIsAMachine()
    {
        addCampaign(2, 3);
        const qint64 gateway = m_sends[0], justTooSoon = m_sends[1], person = m_sends[2];
        const qint64 windowMs = EngagementClassifier::ScannerClickWindowSeconds * 1000;
        for (qint64 send : std::as_const(m_sends))
            setSentAt(send, T0 + 123); // milliseconds count: the delivery time is read to the millisecond
        write({click(gateway, 1, T0 + 123 + 3000), click(justTooSoon, 1, T0 + 123 + windowMs - 1),
               click(person, 1, T0 + 123 + windowMs)});
        const RollupPass pass = rollUp();
        QCOMPARE(pass.rolled, 3);
        QCOMPARE(pass.reclassified, 2);
        QCOMPARE(clickVerdicts(gateway), QStringList{QStringLiteral("machine too_soon_after_delivery")});
        QCOMPARE(clickVerdicts(justTooSoon), QStringList{QStringLiteral("machine too_soon_after_delivery")});
        QCOMPARE(clickVerdicts(person), QStringList{QStringLiteral("human person")});
        QCOMPARE(campaignFigures("human"), (QList<qint64>{1, 1, 1, 1, 1}));
        QCOMPARE(campaignFigures("machine"), (QList<qint64>{0, 2, 0, 2, 0}));
        QCOMPARE(sendFigures(gateway), (QList<qint64>{-1, -1, -1, T0 + 123 + 3000, 0, 0, 1}));
    }

    void anonymousEventsCountInTotalsOnly()
    {
        addCampaign(3, 1);
        const QString office = QStringLiteral("203.0.113.0/24");
        write({open(0, T0, QStringLiteral("person"), office), open(0, T0 + Minute, QStringLiteral("person"), office),
               click(0, 1, T0 + 2 * Minute, QStringLiteral("person"), office),
               // Three links within a second from one network and agent: a scanner.
               click(0, 1, T0 + 10 * Minute, QStringLiteral("person"), QStringLiteral("192.0.2.0/24")),
               click(0, 2, T0 + 10 * Minute + 200, QStringLiteral("person"), QStringLiteral("192.0.2.0/24")),
               click(0, 3, T0 + 10 * Minute + 400, QStringLiteral("person"), QStringLiteral("192.0.2.0/24")),
               // The same three links within a second from three networks: three people.
               click(0, 1, T0 + 20 * Minute, QStringLiteral("person"), QStringLiteral("198.51.100.0/24")),
               click(0, 2, T0 + 20 * Minute + 200, QStringLiteral("person"), QStringLiteral("198.51.101.0/24")),
               click(0, 3, T0 + 20 * Minute + 400, QStringLiteral("person"), QStringLiteral("198.51.102.0/24"))});
        const RollupPass pass = rollUp();
        QCOMPARE(pass.rolled, 9);
        QCOMPARE(pass.reclassified, 3);
        // No uniques and no implied opens without a recipient.
        QCOMPARE(campaignFigures("human"), (QList<qint64>{2, 4, 0, 0, 0}));
        QCOMPARE(campaignFigures("machine"), (QList<qint64>{0, 3, 0, 0, 0}));
        QCOMPARE(linkFigures(1, "human"), (QList<qint64>{2, 0}));
        QCOMPARE(linkFigures(3, "machine"), (QList<qint64>{1, 0}));
        QCOMPARE(hourFigures("human"), (QList<qint64>{2, 4}));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM send_engagement")), qint64(0));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM send_link_engagement")), qint64(0));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM engagement_events WHERE reason = 'burst' AND client_net = '192.0.2.0/24'")),
                 qint64(3));
    }

    void eventsOfDeletedRowsNeverStopTheRollUp()
    {
        addCampaign(1, 2);
        const qint64 kept = m_sends[0], gone = m_sends[1];
        EngagementRecord ofGoneCampaign = open(0, T0);
        ofGoneCampaign.campaignId = 99;
        write({open(kept, T0), open(gone, T0 + 1), click(gone, 1, T0 + Minute), ofGoneCampaign});
        // The recipient was erased after the events came in: its send row is gone (send_engagement refers to it).
        QVERIFY(test::SendingFixture::exec(database(), QStringLiteral("DELETE FROM sends WHERE id = %1").arg(gone)));
        const RollupPass pass = rollUp();
        QCOMPARE(pass.rolled, 4);
        // The erased recipient's events count in the totals only; the unknown campaign's have nowhere to count.
        QCOMPARE(campaignFigures("human"), (QList<qint64>{2, 1, 1, 0, 0}));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaign_engagement")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM send_engagement")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM send_link_engagement")), qint64(0));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM engagement_events WHERE rolled_up = false")), qint64(0));
    }

    void youngEventsWaitForTheSettleTime()
    {
        addCampaign(1, 1);
        m_now = T0 + EngagementRollup::SettleMs;
        write({open(m_sends[0], T0), open(m_sends[0], T0 + 1)});
        QCOMPARE(rollUp().rolled, 1); // exactly SettleMs old
        QCOMPARE(campaignFigures("human"), (QList<qint64>{1, 0, 1, 0, 0}));
        m_now += 1;
        QCOMPARE(rollUp().rolled, 1);
        QCOMPARE(campaignFigures("human"), (QList<qint64>{2, 0, 1, 0, 0}));
    }

    void aLiveLeaseIsKeptALapsedOneTaken()
    {
        addCampaign(1, 1);
        write({open(m_sends[0], T0)});
        EngagementRollup a = roller(QStringLiteral("serve-a"));
        EngagementRollup b = roller(QStringLiteral("serve-b"));
        QVERIFY(a.runOnce()->leaseHeld);

        write({open(m_sends[0], T0 + 1)});
        m_now += EngagementRollup::LeaseMs - 1;
        const auto refused = b.runOnce();
        QVERIFY(refused.ok());
        QVERIFY(!refused->leaseHeld);
        QCOMPARE(refused->rolled, 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM engagement_events WHERE rolled_up = false")), qint64(1));

        m_now += 2; // a did not renew: its lease has lapsed
        const auto taken = b.runOnce();
        QVERIFY(taken->leaseHeld);
        QCOMPARE(taken->rolled, 1);
        QVERIFY(!a.runOnce()->leaseHeld);

        // Given up on shutdown, the lease is free at once.
        QVERIFY(b.release().ok());
        QVERIFY(a.runOnce()->leaseHeld);
        QCOMPARE(campaignFigures("human"), (QList<qint64>{2, 0, 1, 0, 0}));
    }

    void racingRollersNeverCountTwice()
    {
        const int recipients = 40;
        addCampaign(2, recipients);
        QList<EngagementRecord> events;
        for (int i = 0; i < recipients; ++i) {
            const qint64 at = T0 + i * 10;
            events << open(m_sends[i], at) << click(m_sends[i], 1, at + Minute) << open(m_sends[i], at + 2 * Minute)
                   << click(m_sends[i], 2, at + 3 * Minute);
        }
        write(events);
        // Every pass finds the other's lease lapsed, so the two take it from each other all the time.
        std::atomic<qint64> clock{T0 + 60 * Minute};
        std::atomic<int> rolled{0};
        std::atomic<int> failures{0};
        std::atomic<int> passesWithWork[2] = {0, 0};
        std::atomic<int> ready{0};
        std::vector<std::thread> rollers;
        for (int r = 0; r < 2; ++r) {
            rollers.emplace_back([&, r] {
                Database own(profile()); // a connection of its own, like another process
                EngagementRollup rollup(own, QStringLiteral("serve-%1").arg(r),
                                        [&clock] { return clock.fetch_add(EngagementRollup::LeaseMs + 1); });
                // Both connected before either starts, so that they do race.
                if (!own.checkedConnection().ok())
                    ++failures;
                ++ready;
                while (ready.load() < 2)
                    std::this_thread::yield();
                for (int pass = 0; pass < 2000 && rolled.load() < int(events.size()); ++pass) {
                    const auto done = rollup.runOnce(7);
                    if (!done.ok()) {
                        ++failures;
                        qWarning("roller %d: %s", r, qPrintable(done.error().message));
                        continue;
                    }
                    rolled += done->rolled;
                    passesWithWork[r] += done->rolled > 0 ? 1 : 0;
                }
                own.releaseThreadConnection();
            });
        }
        for (auto& thread : rollers)
            thread.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(rolled.load(), int(events.size()));
        QCOMPARE(campaignFigures("human"), (QList<qint64>{2 * recipients, 2 * recipients, recipients, recipients, 0}));
        QCOMPARE(linkFigures(1, "human"), (QList<qint64>{recipients, recipients}));
        QCOMPARE(linkFigures(2, "human"), (QList<qint64>{recipients, recipients}));
        QCOMPARE(hourFigures("human"), (QList<qint64>{2 * recipients, 2 * recipients}));
        QCOMPARE(count(QStringLiteral("SELECT sum(human_opens) + sum(human_clicks) FROM send_engagement")), qint64(events.size()));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM engagement_events WHERE rolled_up = false")), qint64(0));
        qInfo("passes with work: %d and %d", passesWithWork[0].load(), passesWithWork[1].load());
    }

    void aPassWhoseEventsWereCountedMeanwhileRollsBack()
    {
        if (database().backend() != Backend::Postgres)
            QSKIP("SQLite lets one writer in at a time, so no other writer can mark events while a pass runs");
        addCampaign(1, 1);
        write({open(m_sends[0], T0), open(m_sends[0], T0 + 1)});
        // Something that ignores the lease has marked the events rolled up, and not committed yet.
        Database intruder(profile());
        QSqlDatabase intruderDb = intruder.connection();
        QVERIFY(intruderDb.transaction());
        QSqlQuery mark(intruderDb);
        QVERIFY(mark.exec(QStringLiteral("UPDATE engagement_events SET rolled_up = true")));

        std::optional<Result<RollupPass>> outcome;
        std::thread pass([&] {
            Database own(profile());
            outcome = EngagementRollup(own, QStringLiteral("serve-a"), [this] { return m_now; }).runOnce();
            own.releaseThreadConnection();
        });
        // The pass has read the events and added them up, and now waits for the intruder's row locks to mark them.
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                                       "AND datname = current_database()")),
                                  qint64(1), 10000);
        QVERIFY(intruderDb.commit());
        pass.join();
        QVERIFY(outcome && !outcome->ok());
        QCOMPARE(outcome->error().kind, Error::Kind::Conflict);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaign_engagement")), qint64(0));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM send_engagement")), qint64(0));
        intruder.releaseThreadConnection();
    }
};

QTEST_GUILESS_MAIN(TestEngagementRollup)
#include "TestEngagementRollup.moc"
