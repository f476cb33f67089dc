#include "metrics/DashboardReader.h"
#include "metrics/FailureRate.h"
#include "metrics/LatencyHistogram.h"
#include "sending/DeliveryOutcome.h"
#include "sending/ProviderPool.h"

#include <QTest>

using namespace herald;

// The sums behind the dashboards on inputs worked out by hand: percentiles from the latency
// histogram, failure rates over a rolling window, the series step; and the rules the engine feeds them
// with (queue ids in SMTP replies, slowing down when a provider asks).
class TestDashboardMath : public QObject
{
    Q_OBJECT

private slots:
    void latencyLandsInTheBucketOfItsUpperBound_data()
    {
        QTest::addColumn<int>("latency");
        QTest::addColumn<int>("bucket");
        QTest::newRow("zero") << 0 << 0;
        QTest::newRow("on the first bound") << 10 << 0;
        QTest::newRow("just above it") << 11 << 1;
        QTest::newRow("on 100") << 100 << 3;
        QTest::newRow("on the last bound") << 10000 << 9;
        QTest::newRow("above every bound") << 60000 << 10;
    }

    void latencyLandsInTheBucketOfItsUpperBound()
    {
        QFETCH(int, latency);
        QFETCH(int, bucket);
        QCOMPARE(LatencyHistogram::bucketFor(latency), bucket);
        QCOMPARE(LatencyHistogram::columns().size(), LatencyHistogram::BucketCount);
        QCOMPARE(LatencyHistogram::columns().first(), QStringLiteral("le_10"));
        QCOMPARE(LatencyHistogram::columns().last(), QStringLiteral("le_inf"));
    }

    void percentilesInterpolateInsideTheBucket()
    {
        LatencyHistogram histogram;
        QCOMPARE(histogram.percentileMs(0.5), 0.0); // empty
        // 100 sends: 50 in (0, 10], 40 in (10, 25], 9 in (100, 250], 1 above 10 s.
        for (int i = 0; i < 50; ++i)
            histogram.add(5);
        for (int i = 0; i < 40; ++i)
            histogram.add(20);
        for (int i = 0; i < 9; ++i)
            histogram.add(200);
        histogram.add(20000);
        QCOMPARE(histogram.count(), qint64(100));
        QCOMPARE(histogram.sumMs(), qint64(50 * 5 + 40 * 20 + 9 * 200 + 20000));
        QCOMPARE(histogram.meanMs(), 228.5);
        QCOMPARE(histogram.percentileMs(0.5), 10.0);   // rank 50: the end of the first bucket
        QCOMPARE(histogram.percentileMs(0.25), 5.0);   // rank 25: half way through (0, 10]
        QCOMPARE(histogram.percentileMs(0.7), 17.5);   // rank 70: 20 of 40 into (10, 25]
        QCOMPARE(histogram.percentileMs(0.95), 100.0 + 5.0 / 9.0 * 150.0); // rank 95: 5 of 9 into (100, 250]
        QCOMPARE(histogram.percentileMs(0.99), 250.0); // rank 99: the last of (100, 250]
        QCOMPARE(histogram.percentileMs(1.0), 10000.0); // the open last bucket answers with the last bound

        std::array<qint64, LatencyHistogram::BucketCount> counts{};
        counts[3] = 4; // four sends in (50, 100]
        LatencyHistogram stored;
        stored.addCounts(counts, 300);
        QCOMPARE(stored.percentileMs(0.5), 75.0);
        stored.merge(histogram);
        QCOMPARE(stored.count(), qint64(104));
    }

    void failureRateOverARollingWindow()
    {
        QCOMPARE(FailureRate::of(0, 0), 0.0);
        QCOMPARE(FailureRate::of(90, 10), 0.1);
        const QList<FailureRate::Counts> points{{10, 0}, {10, 10}, {0, 0}, {30, 10}, {20, 0}};
        const QList<double> rates = FailureRate::rolling(points, 3);
        QCOMPARE(rates.size(), 5);
        QCOMPARE(rates[0], 0.0);          // 0 of 10
        QCOMPARE(rates[1], 10.0 / 30.0);  // 10 of 30
        QCOMPARE(rates[2], 10.0 / 30.0);  // an empty point changes nothing
        QCOMPARE(rates[3], 20.0 / 60.0);  // the window is points 1..3
        QCOMPARE(rates[4], 10.0 / 60.0);  // points 2..4: the failures of point 1 have left it
        QCOMPARE(FailureRate::rolling(points, 1)[1], 0.5);
    }

    void stepKeepsTheSeriesShort_data()
    {
        QTest::addColumn<qint64>("range");
        QTest::addColumn<int>("step");
        QTest::newRow("15m") << qint64(900) << 10;
        QTest::newRow("1h") << qint64(3600) << 30;
        QTest::newRow("24h") << qint64(86400) << 900; // whole 5-minute roll-ups from 24 h on
        QTest::newRow("7d") << qint64(604800) << 5100;
    }

    void stepKeepsTheSeriesShort()
    {
        QFETCH(qint64, range);
        QFETCH(int, step);
        QCOMPARE(DashboardReader::stepFor(range), step);
        QVERIFY(range / step <= 120);
    }

    void queueIdsAreReadFromAcceptingReplies_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("id");
        QTest::newRow("postfix") << "250 2.0.0 Ok: queued as 4BxYz1Kq2Pz" << "4BxYz1Kq2Pz";
        QTest::newRow("exim") << "250 OK id=1rXyZ2-000abc-Qd" << "1rXyZ2-000abc-Qd";
        QTest::newRow("exchange") << "250 2.6.0 <a1b2@mail.example.org> [InternalId=123] Queued mail for delivery"
                                  << "a1b2@mail.example.org";
        QTest::newRow("ses") << "250 Ok 0100018c1a2b3c4d-5e6f-000000" << "0100018c1a2b3c4d-5e6f-000000";
        QTest::newRow("gmail") << "250 2.0.0 OK  1700000000 a1-20020a05600c0b0100b004 - gsmtp" << "a1-20020a05600c0b0100b004";
        QTest::newRow("none") << "250 2.0.0 Ok" << "";
    }

    void queueIdsAreReadFromAcceptingReplies()
    {
        QFETCH(QString, reply);
        QFETCH(QString, id);
        const DeliveryOutcome outcome = DeliveryOutcome::fromSmtpReply(250, reply);
        QVERIFY(outcome.isSent());
        QCOMPARE(outcome.providerMessageId, id);
        QVERIFY(DeliveryOutcome::fromSmtpReply(550, QStringLiteral("550 5.1.1 queued as nothing")).providerMessageId.isEmpty());
    }

    void slowDownHalvesTheRateOncePerBurstOfReplies()
    {
        Provider provider;
        provider.name = QStringLiteral("smtp");
        provider.ratePerSecond = 80;
        provider.burst = 1;
        ProviderPool pool({provider}, [](const Provider&) { return std::unique_ptr<MailTransport>(); });
        QCOMPARE(pool.currentRate(0), 80.0);
        const DeliveryOutcome throttled = DeliveryOutcome::fromSmtpReply(421, QStringLiteral("421 4.7.0 Too many messages, slow down"));
        QVERIFY(throttled.slowDown);
        pool.report(0, throttled);
        QCOMPARE(pool.currentRate(0), 40.0);
        pool.report(0, throttled); // a reply to a message already in flight: not a new request
        QCOMPARE(pool.currentRate(0), 40.0);
        QCOMPARE(pool.states().first().ratePerSecond, 40.0);
        QTest::qWait(1100);
        pool.report(0, DeliveryOutcome::fromHttpStatus(429, QStringLiteral("Too Many Requests"), 2));
        QCOMPARE(pool.currentRate(0), 20.0); // asked again later: halved again
        pool.report(0, DeliveryOutcome::fromSmtpReply(250, QStringLiteral("250 2.0.0 Ok")));
        QCOMPARE(pool.currentRate(0), 20.0); // success does not lift it before its time

        // The local bucket keeps to the lowered rate: 20/s, after the one token of burst.
        qint64 waitMs = 0;
        QCOMPARE(pool.acquire(&waitMs), 0);
        QCOMPARE(pool.acquire(&waitMs), -1);
        QVERIFY2(waitMs > 30 && waitMs <= 50, qPrintable(QString::number(waitMs)));
    }
};

QTEST_GUILESS_MAIN(TestDashboardMath)
#include "TestDashboardMath.moc"
