#include "SendingFixture.h"
#include "TestDatabase.h"
#include "metrics/AlertSettings.h"
#include "metrics/DashboardReader.h"
#include "metrics/ProviderStatusWriter.h"
#include "metrics/QueueSampler.h"
#include "metrics/SendMetricsWriter.h"
#include "storage/AlertRepository.h"

#include <QDateTime>
#include <QTest>

using namespace herald;
using test::SendingFixture;

// The small tables the dashboards read instead of sends, on SQLite and PostgreSQL: the 5-minute roll-ups
// agree with the 10-second buckets, failure reasons are counted as they happen, the queue is sampled once per
// slot whoever asks, provider states from several processes combine, and alerts and their thresholds are kept.
class TestDashboardStorage : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;

    static SendResult result(const QString& provider, DeliveryOutcome outcome, int latencyMs = 30)
    {
        SendResult r;
        r.provider = provider;
        r.outcome = std::move(outcome);
        r.latencyMs = latencyMs;
        return r;
    }
    static DeliveryOutcome sent() { return DeliveryOutcome::fromSmtpReply(250, QStringLiteral("250 2.0.0 Ok: queued as X")); }
    static DeliveryOutcome unknownUser(int i)
    {
        return DeliveryOutcome::fromSmtpReply(550, QStringLiteral("550 5.1.1 <u%1@example.net>: User unknown").arg(i));
    }

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

    void rollupsAndReasonsAgreeWithTheBuckets()
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        SendMetricsWriter writer(*m_database);
        // Three flushes: an hour ago, twenty minutes ago and now.
        for (const qint64 at : {now - 3600, now - 1200, now}) {
            QList<SendResult> results;
            for (int i = 0; i < 40; ++i)
                results << result(QStringLiteral("relay"), sent(), 20 + i);
            for (int i = 0; i < 3; ++i)
                results << result(QStringLiteral("relay"), unknownUser(i));
            results << result(QStringLiteral("api"), DeliveryOutcome::fromHttpStatus(400, QStringLiteral("Bad Request: invalid to address")));
            QVERIFY(writer.add(results, at).ok());
        }
        QCOMPARE(SendingFixture::count(*m_database, QStringLiteral("SELECT count(*) FROM send_metrics_5min")), qint64(6));

        for (const qint64 range : {qint64(900), qint64(7200), qint64(86400), qint64(7 * 86400)}) {
            auto read = DashboardReader(*m_database).read(range, now);
            QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
            const DashboardFigures& f = read.value();
            const qint64 flushes = range == 900 ? 1 : range == 7200 ? 3 : 3;
            QCOMPARE(f.totals.sent, 40 * flushes);
            QCOMPARE(f.totals.failed, 4 * flushes);
            QCOMPARE(f.totals.latency.count(), 44 * flushes);
            QCOMPARE(f.reasons.size(), 2);
            QCOMPARE(f.reasons.first().reason, QStringLiteral("550 5.1.1"));
            QCOMPARE(f.reasons.first().count, 3 * flushes);
            QVERIFY(f.reasons.first().example.startsWith(QLatin1String("550 5.1.1 <u")));
            QCOMPARE(f.reasons.at(1).reason, QStringLiteral("400 Bad Request: invalid to address"));
            qint64 seriesSent = 0;
            for (const auto& point : f.series)
                seriesSent += point.sent;
            QCOMPARE(seriesSent, 40 * flushes);
            QVERIFY2(f.series.size() <= 120, qPrintable(QString::number(f.series.size())));
            QCOMPARE(f.stepSeconds % DashboardReader::bucketFor(range), 0);
        }
        QCOMPARE(DashboardReader::stepFor(86400), 900);
        QCOMPARE(DashboardReader::bucketFor(86400), SendMetricsWriter::RollupSeconds);
    }

    void queueIsSampledOncePerSlot()
    {
        QVERIFY(SendingFixture::addCampaign(*m_database, 1));
        QVERIFY(SendingFixture::addCampaign(*m_database, 2));
        QVERIFY(SendingFixture::addNonprofits(*m_database, 12));
        QVERIFY(SendingFixture::startCampaign(*m_database, 1));
        QVERIFY(SendingFixture::startCampaign(*m_database, 2));
        QVERIFY(SendingFixture::exec(*m_database, QStringLiteral("UPDATE sends SET attempts = 1 WHERE campaign_id = 1 AND id % 3 = 0")));
        QVERIFY(SendingFixture::exec(*m_database, QStringLiteral("UPDATE sends SET status = 'sending' WHERE campaign_id = 1 AND id % 4 = 0")));
        // A paused campaign's messages wait on purpose: not in the queue the alerts watch.
        QVERIFY(SendingFixture::exec(*m_database, QStringLiteral("UPDATE campaigns SET status = 'paused' WHERE id = 2")));
        const qint64 pending = SendingFixture::count(
            *m_database, QStringLiteral("SELECT count(*) FROM sends WHERE campaign_id = 1 AND status = 'pending'"));
        const qint64 retrying = SendingFixture::count(
            *m_database, QStringLiteral("SELECT count(*) FROM sends WHERE campaign_id = 1 AND status = 'pending' AND attempts > 0"));
        const qint64 inFlight = SendingFixture::count(*m_database, QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sending'"));
        QVERIFY(pending > 0 && retrying > 0 && inFlight > 0);

        const qint64 now = QDateTime::currentSecsSinceEpoch() / 10 * 10;
        QueueSampler sampler(*m_database);
        QVERIFY(sampler.sampleIfDue(now - QueueSampler::KeptSeconds - 100).ok()); // too old: removed by the next sample
        QCOMPARE(sampler.sampleIfDue(now - 30).value(), true);
        QCOMPARE(sampler.sampleIfDue(now - 25).value(), false); // the same slot: someone took it
        QVERIFY(SendingFixture::exec(*m_database, QStringLiteral("UPDATE sends SET status = 'sent' WHERE campaign_id = 1 AND status = 'pending' AND attempts = 0")));
        QCOMPARE(sampler.sampleIfDue(now).value(), true);
        QCOMPARE(sampler.sampleIfDue(now + 1).value(), false);
        QCOMPARE(SendingFixture::count(*m_database, QStringLiteral("SELECT count(*) FROM queue_samples")), qint64(2));

        auto read = DashboardReader(*m_database).read(900, now);
        QVERIFY(read.ok());
        const DashboardFigures& f = read.value();
        QCOMPARE(f.queue.at, now);
        QCOMPARE(f.queue.pending, retrying);
        QCOMPARE(f.queue.retrying, retrying);
        QCOMPARE(f.queue.inFlight, inFlight);
        QCOMPARE(f.queueSeries.size(), f.series.size());
        // Steps before the first sample are unknown; the one holding now - 30 has the first; the last, the latest.
        QVERIFY(!f.queueSeries.first().known());
        const qsizetype firstKnown = std::find_if(f.queueSeries.begin(), f.queueSeries.end(), [](const auto& q) { return q.known(); })
            - f.queueSeries.begin();
        QCOMPARE(f.queueSeries.at(firstKnown).at, now - 30);
        QCOMPARE(f.queueSeries.at(firstKnown).pending, pending);
        QCOMPARE(f.queueSeries.last().at, now);
    }

    void providerStatesOfSeveralProcessesCombine()
    {
        QVERIFY(SendingFixture::addSmtpProvider(*m_database, QStringLiteral("relay"), 2525, 1, 50));
        QVERIFY(SendingFixture::addSmtpProvider(*m_database, QStringLiteral("spare"), 2526, 2, 20));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        ProviderStatusWriter a(*m_database, QStringLiteral("a:1:x"));
        ProviderStatusWriter b(*m_database, QStringLiteral("b:2:y"));
        ProviderStatusWriter gone(*m_database, QStringLiteral("c:3:z"));
        using State = ProviderPool::ProviderState;
        QVERIFY(gone.write({State{QStringLiteral("relay"), QStringLiteral("open"), 50, 50, QStringLiteral("old news")}}, now - 60).ok());
        QVERIFY(a.write({State{QStringLiteral("relay"), QStringLiteral("closed"), 50, 50, {}}}, now - 5).ok());
        QVERIFY(b.write({State{QStringLiteral("relay"), QStringLiteral("half-open"), 25, 50, QStringLiteral("421 4.7.0 Try later")}}, now - 3).ok());
        QVERIFY(b.write({State{QStringLiteral("relay"), QStringLiteral("open"), 25, 50, QStringLiteral("421 4.7.0 Try later")}}, now - 1).ok());
        QList<SendResult> results;
        for (int i = 0; i < 120; ++i)
            results << result(QStringLiteral("relay"), sent());
        QVERIFY(SendMetricsWriter(*m_database).add(results, now - 20).ok());

        auto read = DashboardReader(*m_database).read(900, now);
        QVERIFY(read.ok());
        const QList<DashboardFigures::ProviderHealth>& health = read->health;
        QCOMPARE(health.size(), 2);
        QCOMPARE(health.at(0).provider, QStringLiteral("relay"));
        QCOMPARE(health.at(0).breaker, QStringLiteral("open")); // the worst of the processes sending now
        QCOMPARE(health.at(0).senders, 2);
        QCOMPARE(health.at(0).allowedPerSecond, 25.0);
        QCOMPARE(health.at(0).limitPerSecond, 50.0);
        QCOMPARE(health.at(0).currentPerSecond, 2.0); // 120 in the last minute
        QCOMPARE(health.at(0).lastError, QStringLiteral("421 4.7.0 Try later"));
        QCOMPARE(health.at(0).lastErrorAt, now - 3); // when it was first seen
        QCOMPARE(health.at(1).provider, QStringLiteral("spare"));
        QCOMPARE(health.at(1).breaker, QStringLiteral("idle"));
        QCOMPARE(health.at(1).senders, 0);
        QCOMPARE(health.at(1).limitPerSecond, 20.0);
        // A day later, only the states written since are left.
        QVERIFY(a.write({State{QStringLiteral("relay"), QStringLiteral("closed"), 50, 50, {}}}, now + ProviderStatusWriter::KeptSeconds).ok());
        QCOMPARE(SendingFixture::count(*m_database, QStringLiteral("SELECT count(*) FROM provider_status")), qint64(1));
    }

    void thresholdsAreStoredWithDefaults()
    {
        AlertSettings settings(*m_database);
        auto defaults = settings.load();
        QVERIFY(defaults.ok());
        QVERIFY(defaults.value() == AlertThresholds());
        QCOMPARE(defaults->failureRatePercent, 3.0);
        QCOMPARE(defaults->failureWindowMinutes, 5);
        QCOMPARE(defaults->queueStallMinutes, 10);
        QVERIFY(defaults->circuitOpen);
        AlertThresholds changed;
        changed.failureRatePercent = 2.5;
        changed.failureWindowMinutes = 15;
        changed.queueStallMinutes = 0;
        changed.circuitOpen = false;
        QVERIFY(settings.save(changed).ok());
        QVERIFY(AlertSettings(*m_database).load().value() == changed);
        AlertThresholds wrong;
        wrong.failureRatePercent = 0;
        const Status refused = settings.save(wrong);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QLatin1String("failure rate")));
        QVERIFY(AlertSettings(*m_database).load().value() == changed);
    }

    void alertsAreRaisedOnceAndCleared()
    {
        AlertRepository alerts(*m_database);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const Alert failing{Alert::Kind::FailureRate, QString(), QStringLiteral("5 % of 100"), now - 10};
        const Alert circuit{Alert::Kind::CircuitOpen, QStringLiteral("relay"), QStringLiteral("refused"), now - 10};
        auto first = alerts.record({failing, circuit}, now - 10);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(first->size(), 2);
        // Another instance raising the same a little later finds it open, with the first one's time.
        Alert again = failing;
        again.since = now;
        auto second = AlertRepository(*m_database).record({again, circuit}, now);
        QVERIFY(second.ok());
        QCOMPARE(second->first().since, now - 10);
        QCOMPARE(SendingFixture::count(*m_database, QStringLiteral("SELECT count(*) FROM alerts")), qint64(2));
        // The failure rate went down: cleared; the circuit stays open.
        auto third = alerts.record({circuit}, now + 5);
        QVERIFY(third.ok());
        QCOMPARE(third->size(), 1);
        QCOMPARE(SendingFixture::count(*m_database, QStringLiteral("SELECT count(*) FROM alerts WHERE cleared_at IS NULL")), qint64(1));
        // Raised again later: a new record.
        QVERIFY(alerts.record({circuit, failing}, now + 10).ok());
        auto history = alerts.history(now - 3600);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 3);
        const auto cleared = std::find_if(history->begin(), history->end(), [](const auto& e) { return e.clearedAt != 0; });
        QVERIFY(cleared != history->end());
        QCOMPARE(cleared->alert.kind, Alert::Kind::FailureRate);
        QCOMPARE(cleared->clearedAt, now + 5);
        QVERIFY(alerts.record({}, now + 20).ok());
        QCOMPARE(SendingFixture::count(*m_database, QStringLiteral("SELECT count(*) FROM alerts WHERE cleared_at IS NULL")), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestDashboardStorage)
#include "TestDashboardStorage.moc"
