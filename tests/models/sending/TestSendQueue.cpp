#include "QueueTestCase.h"
#include "sending/SendQueue.h"
#include "storage/NonprofitRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <thread>

using namespace herald;

class TestSendQueue : public test::QueueTestCase
{
    Q_OBJECT

private slots:
    void init()
    {
        openScratch();
        exec(QStringLiteral("INSERT INTO campaigns (id, uuid, name, status) VALUES (1, 'c1', 'Gala', 'draft')"));
    }

    void cleanup() { closeScratch(); }

    void enqueueIsSetBasedIdempotentAndSkipsSuppressed()
    {
        addNonprofits(30);
        addNonprofits(5, QStringLiteral("gala"));
        exec(QStringLiteral("INSERT INTO suppressions (email, reason) VALUES ('org3@example.org', 'unsubscribed')"));
        exec(QStringLiteral("UPDATE nonprofits SET status = 'bounced' WHERE email = 'org4@example.org'"));
        SendQueue queue(*m_database, QStringLiteral("test"));
        auto counts = queue.enqueue(1, {});
        QVERIFY2(counts.ok(), qPrintable(counts.error().message));
        QCOMPARE(counts->pending, qint64(33));
        QCOMPARE(counts->suppressed, qint64(1));
        counts = queue.enqueue(1, {}); // again: nothing new
        QCOMPARE(counts->pending, qint64(33));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends")), qint64(34));

        exec(QStringLiteral("INSERT INTO campaigns (id, uuid, name) VALUES (2, 'c2', 'Tagged')"));
        Audience tagged;
        tagged.anyOfTags = {QStringLiteral("gala")};
        QCOMPARE(queue.enqueue(2, tagged)->pending, qint64(5));
    }

    void claimsLeaseDueRowsOfSendingCampaignsOnly()
    {
        addNonprofits(10);
        SendQueue queue(*m_database, QStringLiteral("worker-a"));
        QVERIFY(queue.enqueue(1, {}).ok());
        QCOMPARE(queue.claim(100, 60)->size(), 0); // campaign still a draft
        exec(QStringLiteral("UPDATE campaigns SET status = 'sending'"));
        const auto first = queue.claim(4, 60);
        QVERIFY2(first.ok(), qPrintable(first.error().message));
        QCOMPARE(first->size(), 4);
        QCOMPARE(first->first().token, 1);
        QCOMPARE(first->first().recipient.name, QStringLiteral("Org 0"));
        QCOMPARE(first->first().recipient.city, QStringLiteral("Dover"));
        const auto rest = queue.claim(100, 60);
        QCOMPARE(rest->size(), 6);
        QCOMPARE(queue.claim(100, 60)->size(), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sending' AND lease_owner = 'worker-a'")), qint64(10));
    }

    void resultsAreFencedByToken()
    {
        addNonprofits(3);
        exec(QStringLiteral("UPDATE campaigns SET status = 'sending'"));
        SendQueue stalled(*m_database, QStringLiteral("stalled"));
        SendQueue healthy(*m_database, QStringLiteral("healthy"));
        QVERIFY(stalled.enqueue(1, {}).ok());
        const QList<ClaimedSend> old = stalled.claim(3, 0).value(); // lease ends at once
        QThread::msleep(20);
        const auto recovered = healthy.recoverExpiredLeases();
        QCOMPARE(recovered->returnedToPending, qint64(3));
        const QList<ClaimedSend> fresh = healthy.claim(3, 60).value();
        QCOMPARE(fresh.size(), 3);
        QCOMPARE(fresh.first().token, 2);
        QCOMPARE(fresh.first().attempt, 1); // the expired lease never handed them over: no attempt was made

        // The stalled sender wakes up: it may not mark the rows as being sent (so it sends none) …
        QVERIFY(stalled.markHanding(old)->isEmpty());
        QCOMPARE(healthy.markHanding(fresh)->size(), 3);
        // … and what it reports is not written.
        QList<SendResult> staleResults;
        for (const ClaimedSend& row : old)
            staleResults << resultFor(row, DeliveryOutcome::Kind::Permanent);
        QCOMPARE(stalled.record(staleResults).value(), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sending'")), qint64(3));

        QList<SendResult> results;
        for (const ClaimedSend& row : fresh)
            results << resultFor(row, DeliveryOutcome::Kind::Sent);
        QCOMPARE(healthy.record(results).value(), 3);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sent' AND sent_at IS NOT NULL "
                                      "AND message_id IS NOT NULL AND lease_owner IS NULL")), qint64(3));
        QCOMPARE(healthy.completeFinishedCampaigns().value(), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE status = 'completed'")), qint64(1));
    }

    void expiredHandedRowsBecomeUnknown()
    {
        addNonprofits(4);
        exec(QStringLiteral("UPDATE campaigns SET status = 'sending'"));
        SendQueue queue(*m_database, QStringLiteral("crashy"));
        QVERIFY(queue.enqueue(1, {}).ok());
        const QList<ClaimedSend> claimed = queue.claim(4, 0).value();
        QVERIFY(queue.markHanding(claimed.mid(0, 1)).ok());
        QThread::msleep(20);
        const auto recovered = queue.recoverExpiredLeases();
        QCOMPARE(recovered->returnedToPending, qint64(3));
        QCOMPARE(recovered->markedUnknown, qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'unknown' AND error IS NOT NULL")), qint64(1));

        // The sender that held it may still tell what happened.
        QCOMPARE(queue.record({resultFor(claimed.first(), DeliveryOutcome::Kind::Sent)}).value(), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'unknown'")), qint64(0));
    }

    void unknownRowsAreResolvedByTheUserOrThePolicy()
    {
        addNonprofits(2);
        exec(QStringLiteral("UPDATE campaigns SET status = 'sending'"));
        SendQueue queue(*m_database, QStringLiteral("q"));
        QVERIFY(queue.enqueue(1, {}).ok());
        QVERIFY(queue.markHanding(queue.claim(2, 0).value()).ok());
        QThread::msleep(20);
        QCOMPARE(queue.recoverExpiredLeases()->markedUnknown, qint64(2));
        QCOMPARE(queue.resolveUnknown(1, true).value(), 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'pending'")), qint64(2));

        exec(QStringLiteral("UPDATE campaigns SET unknown_policy = 'mark_sent'"));
        QVERIFY(queue.markHanding(queue.claim(2, 0).value()).ok());
        QThread::msleep(20);
        QVERIFY(queue.recoverExpiredLeases().ok());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sent'")), qint64(2));
    }

    void failedRowsAreRetriedBySelectionOnly()
    {
        addNonprofits(4);
        exec(QStringLiteral("INSERT INTO campaigns (id, uuid, name, status) VALUES (2, 'c2', 'Other', 'sending')"));
        exec(QStringLiteral("UPDATE campaigns SET status = 'sending'"));
        SendQueue queue(*m_database, QStringLiteral("q"));
        QVERIFY(queue.enqueue(1, {}).ok());
        QVERIFY(queue.enqueue(2, {}).ok());
        QList<SendResult> failures;
        const auto claimed = queue.claim(8, 60);
        QVERIFY(claimed.ok());
        for (const ClaimedSend& row : claimed.value())
            failures << resultFor(row, DeliveryOutcome::Kind::Permanent);
        QCOMPARE(queue.record(failures).value(), 8);
        QCOMPARE(queue.completeFinishedCampaigns().value(), 2);

        const QList<qint64> ids{failures[0].id, failures[1].id, failures[4].id}; // two of campaign 1, one of 2
        const qint64 otherCampaignRow = failures[4].id;
        QVERIFY(failures[4].id != failures[0].id);
        exec(QStringLiteral("UPDATE sends SET status = 'sent' WHERE id = %1").arg(failures[1].id)); // not failed now
        QCOMPARE(queue.retryFailed(1, ids).value(), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'pending' AND error IS NULL "
                                      "AND campaign_id = 1 AND id = %1").arg(failures[0].id)), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'failed' AND id = %1").arg(otherCampaignRow)),
                 qint64(1));
        // The finished campaign sends again; the other one stays completed.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE id = 1 AND status = 'sending'")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE id = 2 AND status = 'completed'")), qint64(1));
        QCOMPARE(queue.claim(8, 60)->size(), 1);
        QCOMPARE(queue.retryFailed(1, {}).value(), 0);
    }

    void temporaryFailuresRetryLaterAndHardBouncesSuppress()
    {
        addNonprofits(3);
        exec(QStringLiteral("UPDATE campaigns SET status = 'sending'"));
        SendQueue queue(*m_database, QStringLiteral("q"));
        QVERIFY(queue.enqueue(1, {}).ok());
        const QList<ClaimedSend> claimed = queue.claim(3, 60).value();
        SendResult bounce = resultFor(claimed.at(0), DeliveryOutcome::Kind::Permanent);
        bounce.outcome.code = 550;
        bounce.outcome.hardBounce = true;
        bounce.outcome.text = QStringLiteral("550 5.1.1 User unknown");
        const QList<SendResult> results{bounce, resultFor(claimed.at(1), DeliveryOutcome::Kind::Temporary, 60000),
                                        resultFor(claimed.at(2), DeliveryOutcome::Kind::Temporary, 0)};
        QCOMPARE(queue.record(results).value(), 3);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM suppressions WHERE reason = 'hard_bounce' AND email = 'org0@example.org'")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM nonprofits WHERE status = 'bounced'")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT smtp_code FROM sends WHERE status = 'failed'")), qint64(550));
        QThread::msleep(20);
        const auto again = queue.claim(10, 60);
        QCOMPARE(again->size(), 1); // only the one due now; the other waits a minute
        QCOMPARE(again->first().id, claimed.at(2).id);
        QCOMPARE(again->first().token, 2);
        QCOMPARE(again->first().attempt, 2); // a retry after a real attempt
    }

    // Rows given back unsent (pause, a campaign not yet seen sending, stopping) take back the attempt their claim
    // counted, while their lease token keeps rising: a later claim is attempt 1 again and a late write of the
    // earlier lease still finds nothing to change (the phantom attempts of issue 15).
    void releasedRowsKeepTheirAttemptsButNotTheirTokens()
    {
        addNonprofits(2);
        exec(QStringLiteral("UPDATE campaigns SET status = 'sending'"));
        SendQueue queue(*m_database, QStringLiteral("q"));
        QVERIFY(queue.enqueue(1, {}).ok());
        const QList<ClaimedSend> first = queue.claim(2, 60).value();
        QCOMPARE(first.first().attempt, 1);
        QVERIFY(queue.release(first).ok());
        QCOMPARE(count(QStringLiteral("SELECT sum(attempts) FROM sends")), qint64(0));
        const QList<ClaimedSend> second = queue.claim(2, 60).value();
        QCOMPARE(second.size(), 2);
        QCOMPARE(second.first().attempt, 1);
        QCOMPARE(second.first().token, 2);
        QCOMPARE(queue.markHanding(second)->size(), 2);
        QList<SendResult> late;
        for (const ClaimedSend& row : first)
            late << resultFor(row, DeliveryOutcome::Kind::Permanent);
        QCOMPARE(queue.record(late).value(), 0);
        QList<SendResult> results;
        for (const ClaimedSend& row : second)
            results << resultFor(row, DeliveryOutcome::Kind::Sent);
        QCOMPARE(queue.record(results).value(), 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sent' AND attempts = 1")), qint64(2));
    }

    void concurrentClaimersNeverShareARow()
    {
        addNonprofits(400);
        exec(QStringLiteral("UPDATE campaigns SET status = 'sending'"));
        QVERIFY(SendQueue(*m_database, QStringLiteral("setup")).enqueue(1, {}).ok());
        QList<qint64> claimedBy[4];
        std::vector<std::thread> claimers;
        for (int t = 0; t < 4; ++t) {
            claimers.emplace_back([&, t] {
                Database own(m_scratch->profile()); // a connection of its own, like another process
                SendQueue queue(own, QStringLiteral("worker-%1").arg(t));
                for (;;) {
                    const auto batch = queue.claim(7, 60);
                    if (!batch.ok()) {
                        QThread::msleep(5); // SQLite: the other writer holds the lock
                        continue;
                    }
                    if (batch->isEmpty())
                        break;
                    for (const ClaimedSend& row : batch.value())
                        claimedBy[t] << row.id;
                }
            });
        }
        for (auto& claimer : claimers)
            claimer.join();
        QSet<qint64> all;
        int total = 0;
        for (const auto& ids : claimedBy) {
            total += int(ids.size());
            all.unite(QSet<qint64>(ids.begin(), ids.end()));
        }
        QCOMPARE(total, 400);
        QCOMPARE(int(all.size()), 400);
    }
};

QTEST_GUILESS_MAIN(TestSendQueue)
#include "TestSendQueue.moc"
