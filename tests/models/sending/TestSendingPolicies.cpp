#include "sending/CircuitBreaker.h"
#include "sending/RetryPolicy.h"
#include "sending/TokenBucket.h"

#include <QTest>

using namespace herald;

// The pure rules of sending, on a clock the test controls.
class TestSendingPolicies : public QObject
{
    Q_OBJECT

private slots:
    void backoffGrowsWithJitterUpToTheCap()
    {
        RetryPolicy policy;
        policy.baseSeconds = 10;
        policy.capSeconds = 300;
        QRandomGenerator random(42);
        for (int attempt = 1; attempt <= 12; ++attempt) {
            const qint64 ceiling = std::min<qint64>(300000, 10000LL << (attempt - 1));
            QSet<qint64> seen;
            for (int i = 0; i < 200; ++i) {
                const qint64 delay = policy.delayMs(attempt, random);
                QVERIFY(delay >= ceiling / 10);
                QVERIFY(delay <= ceiling);
                seen.insert(delay);
            }
            QVERIFY2(seen.size() > 150, "jitter spreads retries"); // not all the same
        }
        QCOMPARE(policy.delayMs(1, random, 120), qint64(120000)); // Retry-After wins when longer
        QVERIFY(policy.mayRetry(7));
        QVERIFY(!policy.mayRetry(8));
    }

    void tokenBucketHoldsTheRate()
    {
        TokenBucket bucket(100, 10, 0);
        int taken = 0;
        for (qint64 now = 0; now <= 10000; ++now) { // 10 s, asking every millisecond
            while (bucket.tryTake(now))
                ++taken;
        }
        QVERIFY2(taken >= 1000 && taken <= 1010 + 10, qPrintable(QString::number(taken))); // 100/s + burst
        TokenBucket empty(100, 1, 0);
        QVERIFY(empty.tryTake(0));
        QVERIFY(!empty.tryTake(0));
        QCOMPARE(empty.waitMs(0), qint64(10));
        empty.setRate(50, 0);
        QCOMPARE(empty.waitMs(0), qint64(20));
    }

    void breakerOpensHalfOpensAndCloses()
    {
        CircuitBreaker breaker(3, 1000);
        QVERIFY(breaker.allow(0));
        breaker.recordFailure(0, QStringLiteral("connection refused"));
        breaker.recordFailure(1, QStringLiteral("connection refused"));
        QVERIFY(breaker.state(2) == CircuitBreaker::State::Closed);
        breaker.recordFailure(2, QStringLiteral("connection refused"));
        QVERIFY(breaker.state(3) == CircuitBreaker::State::Open);
        QVERIFY(!breaker.allow(500));
        QVERIFY(breaker.state(1002) == CircuitBreaker::State::HalfOpen);
        QVERIFY(breaker.allow(1002));  // the probe
        QVERIFY(!breaker.allow(1003)); // only one probe at a time
        breaker.recordFailure(1004, QStringLiteral("still down"));
        QVERIFY(breaker.state(1005) == CircuitBreaker::State::Open);
        QCOMPARE(breaker.lastError(), QStringLiteral("still down"));
        QVERIFY(breaker.allow(2100));
        breaker.recordSuccess();
        QVERIFY(breaker.state(2101) == CircuitBreaker::State::Closed);
        QVERIFY(breaker.allow(2102) && breaker.allow(2103));
    }
};

QTEST_GUILESS_MAIN(TestSendingPolicies)
#include "TestSendingPolicies.moc"
