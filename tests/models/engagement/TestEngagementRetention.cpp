#include "DatabaseTestCase.h"
#include "EngagementRows.h"
#include "engagement/EngagementRetention.h"

#include <QSqlQuery>
#include <QTest>

using namespace herald;

// How long raw opens and clicks are kept, on both backends: 13 months unless set, the setting checked and shared
// through the database, and pruning in batches that takes exactly the rolled-up events older than the period and
// leaves the roll-ups alone.
class TestEngagementRetention : public test::DatabaseTestCase
{
    Q_OBJECT

    const QDateTime m_now = QDateTime(QDate(2027, 6, 15), QTime(12, 0), Qt::UTC);

    qint64 count(const QString& sql)
    {
        QSqlQuery query(database().connection());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    // Events at `ages` (days before now) of one campaign, all rolled up but the last one.
    qint64 seed(const QList<int>& ages)
    {
        test::EngagementRows rows(database());
        const qint64 campaign = rows.campaign(QStringLiteral("Old appeal"), QStringLiteral("anonymous"));
        rows.totals(campaign, QStringLiteral("human"), 10, 2, 0, 0);
        for (qsizetype i = 0; i < ages.size(); ++i) {
            auto event = test::EngagementRows::Event::open(campaign, 0, m_now.addDays(-ages.at(i)));
            event.rolledUp = i + 1 < ages.size();
            rows.event(event);
        }
        [&] { QVERIFY2(rows.error().isEmpty(), qPrintable(rows.error())); }();
        return campaign;
    }

private slots:
    void periodIsThirteenMonthsUnlessSet()
    {
        EngagementRetention retention(database());
        QCOMPARE(retention.months().value(), EngagementRetention::DefaultMonths);
        QCOMPARE(EngagementRetention::cutoff(m_now, 13), QDateTime(QDate(2026, 5, 15), QTime(12, 0), Qt::UTC));
        QVERIFY(retention.setMonths(6).ok());
        QCOMPARE(EngagementRetention(database()).months().value(), 6);
        for (const int wrong : {0, -1, EngagementRetention::MaximumMonths + 1}) {
            const Status refused = retention.setMonths(wrong);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().kind, Error::Kind::Validation);
        }
        QCOMPARE(retention.months().value(), 6);
    }

    void pruneDeletesOldRolledUpEventsInBatches()
    {
        // 13 months before 2027-06-15 12:00 is 2026-05-15 12:00, 396 days earlier.
        seed({500, 450, 397, 396, 395, 10, 600}); // the last one is not rolled up yet
        EngagementRetention retention(database());
        QList<std::pair<qint64, qint64>> progress;
        JobControl control;
        control.progress = [&](qint64 done, qint64 total) { progress << std::pair{done, total}; };
        const auto pruned = retention.prune(control, m_now, 2);
        QVERIFY2(pruned.ok(), qPrintable(pruned.error().message));
        QCOMPARE(pruned.value(), qint64(3)); // 500, 450 and 397 days old
        QCOMPARE(progress.first(), (std::pair<qint64, qint64>{0, 3}));
        QCOMPARE(progress.last(), (std::pair<qint64, qint64>{3, 3}));
        QCOMPARE(progress.size(), 3); // before, a full batch of 2, the last one of 1
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM engagement_events")), qint64(4));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM engagement_events WHERE NOT rolled_up")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT opens FROM campaign_engagement")), qint64(10));

        // A shorter period takes more on the next run; nothing is left to take after it.
        QVERIFY(retention.setMonths(1).ok());
        QCOMPARE(retention.prune({}, m_now).value(), qint64(2));
        QCOMPARE(retention.prune({}, m_now).value(), qint64(0));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM engagement_events")), qint64(2));
    }

    void cancelStopsBetweenBatches()
    {
        seed({500, 450, 400, 10});
        JobControl control;
        int batches = 0;
        control.progress = [&](qint64 done, qint64) { batches += done > 0 ? 1 : 0; };
        control.isCancelled = [&] { return batches >= 1; };
        const auto pruned = EngagementRetention(database()).prune(control, m_now, 2);
        QVERIFY(pruned.ok());
        QCOMPARE(pruned.value(), qint64(2)); // the first batch, kept
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM engagement_events")), qint64(2));
    }
};

QTEST_GUILESS_MAIN(TestEngagementRetention)
#include "TestEngagementRetention.moc"
