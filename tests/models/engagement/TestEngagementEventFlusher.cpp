#include "DatabaseTestCase.h"
#include "engagement/EngagementEventFlusher.h"

#include <QSqlQuery>
#include <QTest>

using namespace herald;

namespace {
EngagementRecord click(qint64 sendId)
{
    EngagementRecord record;
    record.campaignId = 1;
    record.sendId = sendId;
    record.linkNo = 1;
    record.kind = EngagementKind::Click;
    record.occurredAtMs = 1'800'000'000'000;
    record.method = QStringLiteral("GET");
    record.agentClass = QStringLiteral("browser");
    record.clientNet = QStringLiteral("203.0.113.0/24");
    record.reason = QStringLiteral("person");
    return record;
}
} // namespace

// herald serve's batches of opens and clicks: what a kill -9 can lose is what the flusher has not yet written.
class TestEngagementEventFlusher : public test::DatabaseTestCase
{
    Q_OBJECT

    // Holds a write lock on engagement_events from the test's own connection until commit() or the end of the case.
    bool lockEvents()
    {
        QSqlQuery query(database().connection());
        if (database().backend() == Backend::Sqlite)
            return query.exec(QStringLiteral("BEGIN IMMEDIATE"));
        return query.exec(QStringLiteral("BEGIN")) && query.exec(QStringLiteral("LOCK TABLE engagement_events IN EXCLUSIVE MODE"));
    }
    bool unlockEvents() { return QSqlQuery(database().connection()).exec(QStringLiteral("COMMIT")); }

private slots:
    void writesEverythingOnStop()
    {
        EngagementEventFlusher flusher(database(), 250, [](const QString&) {});
        flusher.start();
        for (qint64 send = 1; send <= 500; ++send)
            flusher.record(click(send));
        QVERIFY(flusher.stop());
        QCOMPARE(flusher.written(), qint64(500));
        QCOMPARE(selectValue(QStringLiteral("SELECT count(*) FROM engagement_events WHERE campaign_id = :id"), 1).toInt(), 500);
    }

    // A batch is taken every interval, however long writing the one before took (here a lock holds it up): an
    // interval after the end of each write would let a kill -9 lose an interval and two writes' worth of events.
    void takesTheNextBatchAnIntervalAfterTheLastOne()
    {
        EngagementEventFlusher flusher(database(), 1000, [](const QString&) {});
        QVERIFY(lockEvents());
        flusher.record(click(1));
        flusher.start(); // the first batch is taken at 1 s and waits for the lock
        QTest::qWait(1300);
        flusher.record(click(2)); // due in the batch of 2 s
        QTest::qWait(1700);
        const qint64 writtenWhileLocked = flusher.written();
        QVERIFY(unlockEvents()); // at 3 s: the first batch is written, the second is overdue
        QCOMPARE(writtenWhileLocked, qint64(0));
        QTRY_COMPARE_WITH_TIMEOUT(flusher.written(), qint64(2), 600);
        QVERIFY(flusher.stop());
    }
};

QTEST_GUILESS_MAIN(TestEngagementEventFlusher)
#include "TestEngagementEventFlusher.moc"
