#include "SendingFixture.h"
#include "TestDatabase.h"
#include "sending/CampaignProgressReader.h"

#include <QTest>

using namespace herald;
using test::SendingFixture;

// The Sending page's figures, counted in the database: which campaigns show, and each status bucket.
class TestCampaignProgressReader : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;

    void exec(const QString& sql) { QVERIFY(SendingFixture::exec(*m_database, sql)); }

private slots:
    void init()
    {
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        QVERIFY(m_database);
    }

    void cleanup()
    {
        m_database.reset();
        m_scratch.reset();
    }

    void countsEveryStatusOfTheCampaignsOnShow()
    {
        QVERIFY(SendingFixture::addNonprofits(*m_database, 12));
        for (qint64 id = 1; id <= 6; ++id)
            QVERIFY(SendingFixture::addCampaign(*m_database, id));
        QVERIFY(SendingFixture::startCampaign(*m_database, 1));
        // Campaign 1: 2 sent, 1 failed, 1 unknown, 1 suppressed, 1 retrying (pending with an error),
        // 1 being sent, the other 5 pending.
        exec(QStringLiteral("UPDATE sends SET status = 'sent' WHERE id IN (1, 2)"));
        exec(QStringLiteral("UPDATE sends SET status = 'failed', error = '550 no' WHERE id = 3"));
        exec(QStringLiteral("UPDATE sends SET status = 'unknown' WHERE id = 4"));
        exec(QStringLiteral("UPDATE sends SET status = 'suppressed' WHERE id = 5"));
        exec(QStringLiteral("UPDATE sends SET attempts = 1, error = '451 later' WHERE id = 6"));
        exec(QStringLiteral("UPDATE sends SET status = 'sending', attempts = 1 WHERE id = 7"));
        exec(QStringLiteral("UPDATE sends SET attempts = 1 WHERE id = 8")); // returned unsent on pause: pending
        exec(QStringLiteral("UPDATE campaigns SET status = 'paused' WHERE id = 2"));
        exec(QStringLiteral("UPDATE campaigns SET status = 'completed' WHERE id IN (3, 4, 5, 6)"));
        exec(QStringLiteral("UPDATE campaigns SET updated_at = '2020-01-01T00:00:00Z' WHERE id = 3")); // the oldest

        auto read = CampaignProgressReader(*m_database).read();
        QVERIFY2(read.ok(), qPrintable(read.error().message));
        QList<qint64> ids;
        for (const CampaignProgress& progress : read.value())
            ids << progress.campaignId;
        QCOMPARE(ids.mid(0, 2), (QList<qint64>{1, 2}));
        QCOMPARE(ids.size(), 2 + CampaignProgressReader::RecentlyFinished);
        QVERIFY(!ids.contains(3)); // draft 3 was finished longest ago

        const CampaignProgress first = read->first();
        QCOMPARE(first.name, QStringLiteral("Gala"));
        QVERIFY(first.status == CampaignStatus::Sending);
        QCOMPARE(first.sent, qint64(2));
        QCOMPARE(first.failed, qint64(1));
        QCOMPARE(first.unknown, qint64(1));
        QCOMPARE(first.suppressed, qint64(1));
        QCOMPARE(first.retrying, qint64(1));
        QCOMPARE(first.pending, qint64(6));
        QCOMPARE(first.total(), qint64(12));
        QCOMPARE(first.left(), qint64(7));
        QCOMPARE(read->at(1).total(), qint64(0)); // paused with nothing queued still shows

        auto reasons = CampaignProgressReader(*m_database).failureReasons(1);
        QVERIFY(reasons.ok());
        QCOMPARE(reasons->size(), 1);
        QCOMPARE(reasons->first().count, qint64(1));
        QCOMPARE(reasons->first().example, QStringLiteral("550 no"));
    }
};

QTEST_MAIN(TestCampaignProgressReader)
#include "TestCampaignProgressReader.moc"
