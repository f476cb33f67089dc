#include "metrics/AlertEvaluator.h"

#include <QTest>

using namespace herald;

// Alerts from known figures: each one raised exactly past its threshold and cleared just before it.
class TestAlertEvaluator : public QObject
{
    Q_OBJECT

    static constexpr qint64 From = 1'800'000'000;

    // A 15-minute range in 10-second steps, nothing sent.
    static DashboardFigures figures()
    {
        DashboardFigures f;
        f.from = From;
        f.to = From + 900;
        f.stepSeconds = 10;
        for (int i = 0; i < 90; ++i) {
            DashboardFigures::Point point;
            point.start = From + i * 10;
            f.series << point;
        }
        f.queueSeries = QList<DashboardFigures::Queue>(90);
        return f;
    }

    // Spreads `sent` and `failed` over the last `seconds` of the series.
    static void finish(DashboardFigures& f, int seconds, qint64 sent, qint64 failed)
    {
        const int points = seconds / f.stepSeconds;
        for (int i = 0; i < points; ++i) {
            DashboardFigures::Point& point = f.series[f.series.size() - 1 - i];
            point.sent += sent / points + (i < sent % points ? 1 : 0);
            point.failed += failed / points + (i < failed % points ? 1 : 0);
        }
    }

    // The queue sampled every 10 s from `firstStep` on, with depths given by depthAt(step).
    template<typename Depth>
    static void sampleQueue(DashboardFigures& f, int firstStep, Depth depthAt)
    {
        for (int i = firstStep; i < f.queueSeries.size(); ++i)
            f.queueSeries[i] = {From + i * 10, depthAt(i), 0, 0};
    }

    static DashboardFigures::ProviderHealth provider(const QString& name, const QString& breaker, int senders)
    {
        DashboardFigures::ProviderHealth health;
        health.provider = name;
        health.breaker = breaker;
        health.senders = senders;
        return health;
    }

    static QList<Alert::Kind> kinds(const QList<Alert>& alerts)
    {
        QList<Alert::Kind> list;
        for (const Alert& alert : alerts)
            list << alert.kind;
        return list;
    }

private slots:
    void failureRateAtTheThreshold_data()
    {
        QTest::addColumn<qint64>("sent");
        QTest::addColumn<qint64>("failed");
        QTest::addColumn<bool>("raised");
        QTest::newRow("3 % exactly is not above") << qint64(97) << qint64(3) << false;
        QTest::newRow("just above 3 %") << qint64(9699) << qint64(301) << true; // 3.01 %
        QTest::newRow("4 of 100") << qint64(96) << qint64(4) << true;
        QTest::newRow("just below") << qint64(9701) << qint64(299) << false;
        QTest::newRow("too few to tell") << qint64(10) << qint64(9) << false; // 19 finished < 20
        QTest::newRow("just enough to tell") << qint64(11) << qint64(9) << true;
        QTest::newRow("nothing sent") << qint64(0) << qint64(0) << false;
    }

    void failureRateAtTheThreshold()
    {
        QFETCH(qint64, sent);
        QFETCH(qint64, failed);
        QFETCH(bool, raised);
        DashboardFigures f = figures();
        finish(f, 300, sent, failed);
        const QList<Alert> alerts = AlertEvaluator(AlertThresholds()).evaluate(f);
        QCOMPARE(alerts.size(), raised ? 1 : 0);
        if (raised) {
            QCOMPARE(alerts.first().kind, Alert::Kind::FailureRate);
            QVERIFY2(alerts.first().detail.contains(QLatin1String("over the last 5 minute")), qPrintable(alerts.first().detail));
        }
    }

    void failuresOutsideTheWindowDoNotCount()
    {
        DashboardFigures f = figures();
        finish(f, 600, 0, 50); // 50 failures spread over the last ten minutes …
        finish(f, 300, 1000, 0);
        // … only the 30 of the last five count: 30 of 1030 is 2.9 %.
        QVERIFY(AlertEvaluator(AlertThresholds()).evaluate(f).isEmpty());
        AlertThresholds tenMinutes;
        tenMinutes.failureWindowMinutes = 10;
        QCOMPARE(kinds(AlertEvaluator(tenMinutes).evaluate(f)), QList<Alert::Kind>{Alert::Kind::FailureRate}); // 50 of 1050: 4.8 %
        AlertThresholds higher;
        higher.failureWindowMinutes = 10;
        higher.failureRatePercent = 5;
        QVERIFY(AlertEvaluator(higher).evaluate(f).isEmpty());
    }

    void queueNotDrainingForTenMinutes()
    {
        // Sampled from step 20: 100 messages waiting and going down until step `stopsAt`, then standing still.
        for (const int stopsAt : {28, 29, 30}) {
            DashboardFigures f = figures();
            sampleQueue(f, 20, [stopsAt](int step) { return qint64(100 - std::min(step, stopsAt)); });
            // Standing still from step stopsAt to 89: (89 - stopsAt) × 10 s; raised at 600 s, not at 590 s.
            qint64 since = 0;
            const qint64 stalled = AlertEvaluator::stalledSeconds(f, &since);
            QCOMPARE(stalled, qint64(89 - stopsAt) * 10);
            QCOMPARE(since, From + stopsAt * 10);
            const QList<Alert> alerts = AlertEvaluator(AlertThresholds()).evaluate(f);
            QCOMPARE(alerts.size(), stopsAt <= 29 ? 1 : 0);
            if (!alerts.isEmpty()) {
                QCOMPARE(alerts.first().kind, Alert::Kind::QueueStalled);
                QCOMPARE(alerts.first().since, From + stopsAt * 10);
            }
        }
    }

    void queueAlertClearsWhenItMovesOrEmpties()
    {
        DashboardFigures f = figures();
        sampleQueue(f, 0, [](int) { return qint64(40); });
        QCOMPARE(kinds(AlertEvaluator(AlertThresholds()).evaluate(f)), QList<Alert::Kind>{Alert::Kind::QueueStalled});
        f.queueSeries.last().pending = 39; // one went out
        QVERIFY(AlertEvaluator(AlertThresholds()).evaluate(f).isEmpty());
        f.queueSeries.last().pending = 41; // growing is not draining either
        QCOMPARE(kinds(AlertEvaluator(AlertThresholds()).evaluate(f)), QList<Alert::Kind>{Alert::Kind::QueueStalled});
        f.queueSeries.last().pending = 0; // empty
        QVERIFY(AlertEvaluator(AlertThresholds()).evaluate(f).isEmpty());
        // A sample carried into later steps is one sample: no time passes.
        DashboardFigures carried = figures();
        for (auto& point : carried.queueSeries)
            point = {From, 40, 0, 0};
        QVERIFY(AlertEvaluator(AlertThresholds()).evaluate(carried).isEmpty());
        AlertThresholds off;
        off.queueStallMinutes = 0;
        QVERIFY(AlertEvaluator(off).evaluate(carried).isEmpty());
    }

    void circuitOpenWhileSomeoneSends()
    {
        DashboardFigures f = figures();
        f.health << provider(QStringLiteral("relay"), QStringLiteral("open"), 1);
        f.health.last().lastError = QStringLiteral("Connection refused");
        f.health << provider(QStringLiteral("api"), QStringLiteral("half-open"), 2);
        f.health << provider(QStringLiteral("old"), QStringLiteral("open"), 0); // nobody sends: stale
        const QList<Alert> alerts = AlertEvaluator(AlertThresholds()).evaluate(f);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.first().kind, Alert::Kind::CircuitOpen);
        QCOMPARE(alerts.first().subject, QStringLiteral("relay"));
        QVERIFY(alerts.first().detail.contains(QLatin1String("Connection refused")));
        QVERIFY(alerts.first().title().contains(QLatin1String("relay")));
        f.health.first().breaker = QStringLiteral("half-open"); // probing: cleared
        QVERIFY(AlertEvaluator(AlertThresholds()).evaluate(f).isEmpty());
        AlertThresholds off;
        off.circuitOpen = false;
        f.health.first().breaker = QStringLiteral("open");
        QVERIFY(AlertEvaluator(off).evaluate(f).isEmpty());
    }

    void rangeCoversTheLongestWindow()
    {
        QCOMPARE(AlertEvaluator(AlertThresholds()).rangeSeconds(), qint64(900));
        AlertThresholds longer;
        longer.queueStallMinutes = 30;
        QCOMPARE(AlertEvaluator(longer).rangeSeconds(), qint64(1860));
    }
};

QTEST_GUILESS_MAIN(TestAlertEvaluator)
#include "TestAlertEvaluator.moc"
