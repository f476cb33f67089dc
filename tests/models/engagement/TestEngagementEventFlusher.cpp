#include "DatabaseTestCase.h"
#include "EngagementRows.h"
#include "engagement/EngagementEventFlusher.h"
#include "engagement/EngagementSpool.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

namespace {
EngagementRecord click(qint64 sendId)
{
    return test::EngagementRows::servedClick(1, sendId);
}
} // namespace

// herald serve's batches of opens and clicks, from the spool to the database (TestEngagementSpool has what a kill
// leaves in the spool).
class TestEngagementEventFlusher : public test::DatabaseTestCase
{
    Q_OBJECT

    QTemporaryDir m_spoolDir;
    std::unique_ptr<EngagementSpool> openSpool()
    {
        auto spool = EngagementSpool::open(m_spoolDir.path(), EngagementSpool::DefaultCapBytes, [](const QString&) {});
        if (!spool)
            qWarning("%s", qPrintable(spool.error().message));
        return spool ? std::move(spool).value() : nullptr;
    }

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
        const auto spool = openSpool();
        QVERIFY(spool);
        EngagementEventFlusher flusher(database(), *spool, 250, [](const QString&) {});
        flusher.start();
        for (qint64 send = 1; send <= 500; ++send)
            flusher.record(click(send));
        QVERIFY(flusher.stop());
        QCOMPARE(flusher.written(), qint64(500));
        QCOMPARE(selectValue(QStringLiteral("SELECT count(*) FROM engagement_events WHERE campaign_id = :id"), 1).toInt(), 500);
    }

    // A batch is taken every interval, however long writing the one before took (here a lock holds it up): events
    // reach the database an interval and a write after they came at most, not an interval after the end of each write.
    void takesTheNextBatchAnIntervalAfterTheLastOne()
    {
        const auto spool = openSpool();
        QVERIFY(spool);
        EngagementEventFlusher flusher(database(), *spool, 1000, [](const QString&) {});
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
