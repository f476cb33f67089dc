#include "DatabaseTestCase.h"
#include "storage/CampaignRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/SendRepository.h"

#include <QSet>
#include <QTest>

using namespace herald;

class TestSendRepository : public test::DatabaseTestCase
{
    Q_OBJECT

    qint64 newCampaign(const QString& name)
    {
        Campaign campaign;
        campaign.name = name;
        return stored<CampaignRepository>(campaign).id;
    }

    qint64 newNonprofit(int number)
    {
        Nonprofit nonprofit;
        nonprofit.name = QStringLiteral("Org %1").arg(number);
        nonprofit.email = QStringLiteral("org%1@example.org").arg(number);
        return stored<NonprofitRepository>(nonprofit).id;
    }

    Send queued(qint64 campaignId, int number, SendStatus status = SendStatus::Pending)
    {
        Send send;
        send.campaignId = campaignId;
        send.nonprofitId = newNonprofit(number);
        send.email = QStringLiteral("org%1@example.org").arg(number);
        send.status = status;
        return stored<SendRepository>(send);
    }

private slots:
    void insertAndFindRoundTrip()
    {
        const qint64 campaignId = newCampaign(QStringLiteral("Gala"));
        SendRepository repository(database());
        Send sent;
        sent.campaignId = campaignId;
        sent.nonprofitId = newNonprofit(1);
        sent.email = QStringLiteral("org1@example.org");
        sent.status = SendStatus::Sent;
        sent.attempts = 2;
        sent.nextAttemptAt = QDateTime(QDate(2026, 3, 14), QTime(9, 0, 0, 125), Qt::UTC);
        sent.leaseOwner = QStringLiteral("worker-1");
        sent.leaseUntil = QDateTime(QDate(2026, 3, 14), QTime(9, 1, 0, 0), Qt::UTC);
        sent.provider = QStringLiteral("Office SMTP");
        sent.messageId = QStringLiteral("send-1.c1@example.org");
        sent.smtpCode = 250;
        sent.queuedAt = QDateTime(QDate(2026, 3, 14), QTime(8, 59, 59, 999), Qt::UTC);
        sent.sentAt = QDateTime(QDate(2026, 3, 14), QTime(9, 0, 1, 5), Qt::UTC);
        sent.latencyMs = 880;
        const Status done = repository.insert(sent);
        QVERIFY2(done.ok(), qPrintable(done.error().message));
        QVERIFY(sent.id > 0);

        const auto found = repository.find(sent.id);
        QVERIFY2(found.ok(), qPrintable(found.error().message));
        QCOMPARE(found->campaignId, campaignId);
        QCOMPARE(found->nonprofitId, sent.nonprofitId);
        QCOMPARE(found->email, sent.email);
        QVERIFY(found->status == SendStatus::Sent);
        QCOMPARE(found->attempts, 2);
        QCOMPARE(found->nextAttemptAt, sent.nextAttemptAt);
        QCOMPARE(found->leaseOwner, sent.leaseOwner);
        QCOMPARE(found->leaseUntil, sent.leaseUntil);
        QCOMPARE(found->provider, sent.provider);
        QCOMPARE(found->messageId, sent.messageId);
        QCOMPARE(found->smtpCode, 250);
        QCOMPARE(found->queuedAt, sent.queuedAt);
        QCOMPARE(found->sentAt, sent.sentAt);
        QCOMPARE(found->latencyMs, 880);
        QVERIFY(repository.find(sent.id + 1000).error().kind == Error::Kind::NotFound);
    }

    void unsetFieldsAreNullAndTimesDefaultToNow()
    {
        const qint64 campaignId = newCampaign(QStringLiteral("Gala"));
        SendRepository repository(database());
        const Send first = queued(campaignId, 1);
        QVERIFY(first.id > 0);
        QVERIFY(first.queuedAt.isValid());
        QVERIFY(qAbs(first.queuedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(first.nextAttemptAt, first.queuedAt);
        QCOMPARE(selectValue(QStringLiteral("SELECT count(*) FROM sends WHERE id = :id AND lease_owner IS NULL AND "
                                            "lease_until IS NULL AND provider IS NULL AND message_id IS NULL AND "
                                            "smtp_code IS NULL AND error IS NULL AND sent_at IS NULL AND "
                                            "latency_ms IS NULL"),
                             first.id)
                     .toInt(),
                 1);
        // message_id is unique: two sends without one must both fit.
        const Send second = queued(campaignId, 2);
        QVERIFY(second.id > 0);

        const Send stored = repository.find(first.id).value();
        QCOMPARE(stored.queuedAt, first.queuedAt);
        QVERIFY(!stored.sentAt.isValid());
        QVERIFY(!stored.leaseUntil.isValid());
        QVERIFY(stored.messageId.isEmpty());
        QCOMPARE(stored.smtpCode, 0);
    }

    void aRecipientIsQueuedOncePerCampaign()
    {
        const qint64 campaignId = newCampaign(QStringLiteral("Gala"));
        const Send first = queued(campaignId, 1);
        Send again;
        again.campaignId = campaignId;
        again.nonprofitId = first.nonprofitId;
        again.email = first.email;
        const Status done = SendRepository(database()).insert(again);
        QVERIFY(!done.ok());
        QVERIFY2(done.error().kind == Error::Kind::Duplicate, qPrintable(done.error().message));
        QVERIFY2(done.error().message.contains(first.email), qPrintable(done.error().message));
    }

    void countsByStatusCountsOneCampaign()
    {
        const qint64 gala = newCampaign(QStringLiteral("Gala"));
        const qint64 other = newCampaign(QStringLiteral("Other"));
        int number = 0;
        for (const auto& [status, count] : {std::pair{SendStatus::Pending, 4}, std::pair{SendStatus::Sent, 3},
                                            std::pair{SendStatus::Failed, 1}}) {
            for (int i = 0; i < count; ++i)
                QVERIFY(queued(gala, ++number, status).id > 0);
        }
        QVERIFY(queued(other, ++number, SendStatus::Suppressed).id > 0);

        const auto counts = SendRepository(database()).countsByStatus(gala);
        QVERIFY2(counts.ok(), qPrintable(counts.error().message));
        QCOMPARE(counts->size(), 3);
        QCOMPARE(counts->value(SendStatus::Pending), qint64(4));
        QCOMPARE(counts->value(SendStatus::Sent), qint64(3));
        QCOMPARE(counts->value(SendStatus::Failed), qint64(1));
        QCOMPARE(counts->value(SendStatus::Suppressed), qint64(0));
        QVERIFY(SendRepository(database()).countsByStatus(4242)->isEmpty());
    }

    void pagesCoverTheCampaignOnceInOrder_data()
    {
        QTest::addColumn<bool>("filtered");
        QTest::newRow("all") << false;
        QTest::newRow("failed only") << true;
    }

    void pagesCoverTheCampaignOnceInOrder()
    {
        QFETCH(bool, filtered);
        const qint64 gala = newCampaign(QStringLiteral("Gala"));
        const qint64 other = newCampaign(QStringLiteral("Other"));
        QList<qint64> expected;
        for (int i = 0; i < 25; ++i) {
            const SendStatus status = i % 3 == 0 ? SendStatus::Failed : SendStatus::Sent;
            const Send send = queued(i % 5 == 4 ? other : gala, i, status);
            QVERIFY(send.id > 0);
            if (send.campaignId == gala && (!filtered || status == SendStatus::Failed))
                expected << send.id;
        }
        SendRepository repository(database());
        const std::optional<SendStatus> status = filtered ? std::optional(SendStatus::Failed) : std::nullopt;
        QList<qint64> seen;
        SendCursor cursor;
        for (int pages = 0; pages < 20; ++pages) {
            const auto page = repository.listForCampaign(gala, status, cursor, 4);
            QVERIFY2(page.ok(), qPrintable(page.error().message));
            for (const Send& send : page->rows) {
                seen << send.id;
                QCOMPARE(send.campaignId, gala);
            }
            cursor = page->next;
            if (page->atEnd)
                break;
        }
        QCOMPARE(seen, expected);
        const auto past = repository.listForCampaign(gala, status, cursor, 4);
        QVERIFY(past->rows.isEmpty() && past->atEnd);
        QCOMPARE(past->next.id, cursor.id);
    }
};

QTEST_GUILESS_MAIN(TestSendRepository)
#include "TestSendRepository.moc"
