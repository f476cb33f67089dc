#include "QueueTestCase.h"
#include "sending/SendQueue.h"
#include "storage/CampaignSendCounts.h"
#include "storage/NonprofitRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace herald;

// The counts the triggers keep must equal counting the sends, after everything that changes the queue: queueing,
// claims, outcomes, retries, recovery, the user's decisions, erasure and deletion, on both backends.
class TestCampaignSendCounts : public test::QueueTestCase
{
    Q_OBJECT

    static Audience tagged(const QString& tag)
    {
        Audience audience;
        audience.anyOfTags = {tag};
        return audience;
    }

    // "campaign:status:retry=n" lines, sorted: what counting the rows gives.
    QStringList countedFromRows()
    {
        QSqlQuery query(m_database->connection());
        const bool ok = query.exec(QStringLiteral(
            "SELECT campaign_id, status, CASE WHEN status = 'pending' AND error IS NOT NULL THEN 1 ELSE 0 END, count(*) "
            "FROM sends GROUP BY 1, 2, 3"));
        if (!ok)
            return {query.lastError().text()};
        QHash<QString, qint64> lines;
        while (query.next()) {
            const QString key = QStringLiteral("%1:%2").arg(query.value(0).toLongLong()).arg(query.value(1).toString());
            lines[key] += query.value(3).toLongLong();
            if (query.value(2).toInt() == 1)
                lines[key + QStringLiteral(":retry")] += query.value(3).toLongLong();
        }
        return sortedLines(lines);
    }

    QStringList countedByTriggers(const QList<qint64>& campaigns = {})
    {
        auto counts = CampaignSendCounts(*m_database).forCampaigns(campaigns);
        if (!counts)
            return {counts.error().message};
        QHash<QString, qint64> lines;
        for (auto it = counts->cbegin(); it != counts->cend(); ++it) {
            for (auto status = it->byStatus.cbegin(); status != it->byStatus.cend(); ++status) {
                const QString key = QStringLiteral("%1:%2").arg(it.key()).arg(toString(status.key()));
                lines[key] = status.value();
                if (status.key() == SendStatus::Pending && it->pendingRetries > 0)
                    lines[key + QStringLiteral(":retry")] = it->pendingRetries;
            }
        }
        return sortedLines(lines);
    }

    static QStringList sortedLines(const QHash<QString, qint64>& lines)
    {
        QStringList list;
        for (auto it = lines.cbegin(); it != lines.cend(); ++it)
            list << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
        list.sort();
        return list;
    }

#define COMPARE_WITH_ROWS() QCOMPARE(countedByTriggers(), countedFromRows())

private slots:
    void init()
    {
        openScratch();
        exec(QStringLiteral("INSERT INTO campaigns (id, uuid, name, status, audience) VALUES "
                            "(1, 'c1', 'Gala', 'sending', '{\"anyOfTags\":[\"gala\"]}'), "
                            "(2, 'c2', 'Fair', 'sending', '{\"anyOfTags\":[\"fair\"]}')"));
        addNonprofits(6, QStringLiteral("gala"));
        addNonprofits(3, QStringLiteral("fair"));
        exec(QStringLiteral("INSERT INTO suppressions (email, reason, source) VALUES ('orggala5@example.org', 'manual', '')"));
    }

    void cleanup() { closeScratch(); }

    void followEveryChangeOfTheQueue()
    {
        SendQueue queue(*m_database, QStringLiteral("counter"));
        const auto queued = queue.enqueue(1, tagged(QStringLiteral("gala")));
        QVERIFY2(queued.ok(), qPrintable(queued.error().message));
        QCOMPARE(queued->pending, qint64(5));
        QCOMPARE(queued->suppressed, qint64(1));
        QCOMPARE(queue.enqueue(2, tagged(QStringLiteral("fair")))->pending, qint64(3));
        COMPARE_WITH_ROWS();

        // Claimed, handed over, then one outcome of each kind, a retry among them.
        const QList<ClaimedSend> claimed = queue.claim(5, 60).value();
        QCOMPARE(claimed.size(), 5);
        COMPARE_WITH_ROWS();
        QVERIFY(queue.markHanding(claimed).ok());
        COMPARE_WITH_ROWS();
        QList<SendResult> results;
        for (const ClaimedSend& row : claimed) {
            if (results.size() == 0)
                results << resultFor(row, DeliveryOutcome::Kind::Temporary, 0); // back to pending with its error
            else if (results.size() == 1)
                results << resultFor(row, DeliveryOutcome::Kind::Permanent);
            else if (results.size() == 2 && row.campaignId == 1)
                results << resultFor(row, DeliveryOutcome::Kind::Unknown);
            else
                results << resultFor(row, DeliveryOutcome::Kind::Sent);
        }
        QCOMPARE(queue.record(results).value(), 5);
        COMPARE_WITH_ROWS();
        const auto afterOutcomes = CampaignSendCounts(*m_database).forCampaigns();
        QCOMPARE(afterOutcomes->value(1).pendingRetries + afterOutcomes->value(2).pendingRetries, qint64(1));

        // The user's decisions: unknown resent, failed retried.
        QVERIFY(queue.resolveUnknown(1, true).ok());
        COMPARE_WITH_ROWS();
        QSqlQuery failedRow(m_database->connection());
        QVERIFY(failedRow.exec(QStringLiteral("SELECT id, campaign_id FROM sends WHERE status = 'failed'")));
        QVERIFY(failedRow.next());
        const auto retried = queue.retryFailed(failedRow.value(1).toLongLong(), {failedRow.value(0).toLongLong()});
        QCOMPARE(retried.value(), 1);
        COMPARE_WITH_ROWS();

        // A sender dies holding a lease: recovery returns some rows and marks the handed one unknown.
        const QList<ClaimedSend> held = queue.claim(3, 0).value();
        QVERIFY(!held.isEmpty());
        QVERIFY(queue.markHanding(held.mid(0, 1)).ok());
        QThread::msleep(20);
        QVERIFY(queue.recoverExpiredLeases().ok());
        COMPARE_WITH_ROWS();

        // Erasure rewrites addresses (no status change); a nonprofit deleted leaves its sends; a send deleted, a
        // whole campaign deleted.
        exec(QStringLiteral("UPDATE sends SET email = 'erased' WHERE id = (SELECT min(id) FROM sends)"));
        exec(QStringLiteral("DELETE FROM nonprofits WHERE email = 'orggala0@example.org'"));
        COMPARE_WITH_ROWS();
        exec(QStringLiteral("DELETE FROM sends WHERE id = (SELECT max(id) FROM sends WHERE campaign_id = 1)"));
        COMPARE_WITH_ROWS();
        exec(QStringLiteral("DELETE FROM campaigns WHERE id = 2"));
        COMPARE_WITH_ROWS();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaign_send_counts WHERE campaign_id = 2")), qint64(0));

        // Folding the deltas changes nothing a reader sees, and leaves one row per key.
        const QStringList before = countedByTriggers();
        QVERIFY(CampaignSendCounts(*m_database).compact().ok());
        QCOMPARE(countedByTriggers(), before);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM (SELECT DISTINCT campaign_id, status, failed_before "
                                      "FROM campaign_send_counts) AS keys")),
                 count(QStringLiteral("SELECT count(*) FROM campaign_send_counts")));
        COMPARE_WITH_ROWS();
    }

    void readsOneCampaignOrSeveral()
    {
        SendQueue queue(*m_database, QStringLiteral("counter"));
        QVERIFY(queue.enqueue(1, tagged(QStringLiteral("gala"))).ok());
        QVERIFY(queue.enqueue(2, tagged(QStringLiteral("fair"))).ok());
        const auto one = CampaignSendCounts(*m_database).forCampaign(2);
        QVERIFY2(one.ok(), qPrintable(one.error().message));
        QCOMPARE(one->of(SendStatus::Pending), qint64(3));
        QCOMPARE(one->of(SendStatus::Suppressed), qint64(0));
        QCOMPARE(countedByTriggers({1}), QStringList({QStringLiteral("1:pending=5"), QStringLiteral("1:suppressed=1")}));
        QCOMPARE(CampaignSendCounts(*m_database).forCampaign(99)->byStatus.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCampaignSendCounts)
#include "TestCampaignSendCounts.moc"
