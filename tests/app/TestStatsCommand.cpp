#include "HeraldProcess.h"
#include "SendingFixture.h"
#include "TestDatabase.h"
#include "metrics/ProviderStatusWriter.h"
#include "metrics/SendMetricsWriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace herald;

// `herald stats` as the real executable on a PostgreSQL profile: the JSON keeps to the schema its help
// documents and carries the figures written, --prometheus is valid text exposition format.
class TestStatsCommand : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<test::HeraldProcess> m_herald;

    static SendResult result(const QString& provider, DeliveryOutcome::Kind kind, int latencyMs, qint64 retryDelayMs = -1)
    {
        SendResult r;
        r.provider = provider;
        r.outcome.kind = kind;
        r.latencyMs = latencyMs;
        r.retryDelayMs = retryDelayMs;
        return r;
    }

    static QStringList keys(const QJsonObject& object)
    {
        QStringList names = object.keys();
        names.sort();
        return names;
    }

private slots:
    void initTestCase()
    {
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        m_herald = std::make_unique<test::HeraldProcess>(QStringLiteral(HERALD_EXECUTABLE));
        const ConnectionProfile& profile = m_scratch->profile();
        QCOMPARE(m_herald->run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Team"), QStringLiteral("--host"),
                                profile.host, QStringLiteral("--port"), QString::number(profile.port), QStringLiteral("--database"),
                                profile.database, QStringLiteral("--user"), profile.user, QStringLiteral("--sslmode"),
                                QStringLiteral("disable")})
                     .exitCode,
                 0);
        QCOMPARE(m_herald->run({QStringLiteral("profile"), QStringLiteral("use"), QStringLiteral("Team")}).exitCode, 0);

        // 90 sent and 6 failed through "relay \"a\"" (a name that needs escaping), 4 retried through "api", now.
        QList<SendResult> results;
        for (int i = 0; i < 90; ++i)
            results << result(QStringLiteral("relay \"a\""), DeliveryOutcome::Kind::Sent, 40);
        for (int i = 0; i < 6; ++i) {
            results << result(QStringLiteral("relay \"a\""), DeliveryOutcome::Kind::Permanent, 40);
            results.last().outcome = DeliveryOutcome::fromSmtpReply(550, QStringLiteral("550 5.1.1 <r%1@example.net>: User unknown").arg(i));
        }
        for (int i = 0; i < 4; ++i)
            results << result(QStringLiteral("api"), DeliveryOutcome::Kind::Temporary, 400, 1000);
        QVERIFY(SendMetricsWriter(*m_database).add(results, QDateTime::currentSecsSinceEpoch()).ok());
        ProviderPool::ProviderState open{QStringLiteral("relay \"a\""), QStringLiteral("open"), 5, 10, QStringLiteral("Connection refused")};
        QVERIFY(ProviderStatusWriter(*m_database, QStringLiteral("host:1:abc")).write({open}, QDateTime::currentSecsSinceEpoch()).ok());
        // The queue comes from a sample `herald stats` takes of sends; the failure reasons from the metrics written.
        QVERIFY(test::SendingFixture::addCampaign(*m_database));
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, 10));
        QVERIFY(test::SendingFixture::startCampaign(*m_database));
        QVERIFY(test::SendingFixture::exec(*m_database, QStringLiteral(
            "UPDATE sends SET status = 'failed', smtp_code = 550, failed_at = now(), error = '550 5.1.1 <' || email || '>: User unknown'"
            " WHERE id IN (SELECT id FROM sends ORDER BY id LIMIT 3)")));
        QVERIFY(test::SendingFixture::exec(*m_database, QStringLiteral(
            "UPDATE sends SET attempts = 1 WHERE id IN (SELECT id FROM sends WHERE status = 'pending' ORDER BY id LIMIT 2)")));
    }

    void cleanupTestCase()
    {
        m_herald.reset();
        m_database.reset();
        m_scratch.reset();
    }

    void jsonFollowsTheDocumentedSchema()
    {
        const auto help = m_herald->run({QStringLiteral("stats"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        const auto run = m_herald->run({QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--range"), QStringLiteral("15m")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QJsonParseError error;
        const QJsonObject stats = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + run.out));

        // Every key the help documents is there, and nothing else.
        const QStringList top{QStringLiteral("failure_rate"), QStringLiteral("provider_health"), QStringLiteral("providers"),
                              QStringLiteral("queue"), QStringLiteral("range"), QStringLiteral("series"),
                              QStringLiteral("top_failure_reasons"), QStringLiteral("totals")};
        QCOMPARE(keys(stats), top);
        for (const QString& key : top)
            QVERIFY2(help.out.contains(key + QLatin1Char(':')), qPrintable(key));
        const QStringList outcomeKeys{QStringLiteral("failed"), QStringLiteral("failed_per_second"), QStringLiteral("latency_ms"),
                                      QStringLiteral("retried"), QStringLiteral("sent"), QStringLiteral("sent_per_second"),
                                      QStringLiteral("unknown")};
        QCOMPARE(keys(stats[QStringLiteral("totals")].toObject()), outcomeKeys);
        const QStringList nested[] = {
            keys(stats[QStringLiteral("range")].toObject()),
            keys(stats[QStringLiteral("failure_rate")].toObject()),
            keys(stats[QStringLiteral("queue")].toObject()),
            keys(stats[QStringLiteral("totals")][QStringLiteral("latency_ms")].toObject()),
            keys(stats[QStringLiteral("series")][0].toObject()),
            keys(stats[QStringLiteral("top_failure_reasons")][0].toObject()),
            keys(stats[QStringLiteral("provider_health")][0].toObject()),
        };
        for (const QStringList& names : nested) {
            for (const QString& key : names)
                QVERIFY2(help.out.contains(key), qPrintable(key));
        }
        QCOMPARE(nested[0], QStringList({"from", "seconds", "step_seconds", "to"}));
        QCOMPARE(nested[3], QStringList({"count", "mean", "p50", "p95", "p99"}));

        // The figures written.
        const QJsonObject totals = stats[QStringLiteral("totals")].toObject();
        QCOMPARE(totals[QStringLiteral("sent")].toInt(), 90);
        QCOMPARE(totals[QStringLiteral("failed")].toInt(), 6);
        QCOMPARE(totals[QStringLiteral("retried")].toInt(), 4);
        QCOMPARE(stats[QStringLiteral("range")][QStringLiteral("seconds")].toInt(), 900);
        QCOMPARE(stats[QStringLiteral("failure_rate")][QStringLiteral("range")].toDouble(), 6.0 / 96.0);
        QCOMPARE(stats[QStringLiteral("failure_rate")][QStringLiteral("recent")].toDouble(), 6.0 / 96.0);
        QCOMPARE(totals[QStringLiteral("latency_ms")][QStringLiteral("count")].toInt(), 100);
        QCOMPARE(totals[QStringLiteral("latency_ms")][QStringLiteral("p50")].toDouble(), 25.0 + 50.0 / 96.0 * 25.0); // in (25, 50]
        QCOMPARE(stats[QStringLiteral("providers")].toArray().size(), 2);
        QCOMPARE(stats[QStringLiteral("series")].toArray().size(), 90);
        const QJsonObject reason = stats[QStringLiteral("top_failure_reasons")][0].toObject();
        QCOMPARE(reason[QStringLiteral("reason")].toString(), QStringLiteral("550 5.1.1"));
        QCOMPARE(reason[QStringLiteral("count")].toInt(), 6);
        QVERIFY(reason[QStringLiteral("example")].toString().startsWith(QLatin1String("550 5.1.1 <r")));
        const QJsonObject queue = stats[QStringLiteral("queue")].toObject();
        QCOMPARE(queue[QStringLiteral("pending")].toInt(), 7);
        QCOMPARE(queue[QStringLiteral("retrying")].toInt(), 2);
        QCOMPARE(queue[QStringLiteral("in_flight")].toInt(), 0);
        QVERIFY(QDateTime::fromString(queue[QStringLiteral("sampled_at")].toString(), Qt::ISODate).isValid());
        // A provider someone reported recently: its circuit, and the rate of the last minute's whole buckets.
        QCOMPARE(nested[6], QStringList({"allowed_per_second", "breaker", "current_per_second", "last_error", "last_error_at",
                                         "limit_per_second", "name", "senders"}));
        const QJsonArray health = stats[QStringLiteral("provider_health")].toArray();
        QVERIFY2(std::any_of(health.begin(), health.end(), [](const QJsonValue& p) {
                     return p[QStringLiteral("name")].toString() == QLatin1String("relay \"a\"")
                         && p[QStringLiteral("breaker")].toString() == QLatin1String("open") && p[QStringLiteral("senders")].toInt() == 1
                         && p[QStringLiteral("last_error")].toString() == QLatin1String("Connection refused");
                 }), qPrintable(QJsonDocument(health).toJson()));
    }

    void prometheusIsValidExpositionFormat()
    {
        const auto run = m_herald->run({QStringLiteral("stats"), QStringLiteral("--prometheus")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        static const QRegularExpression help(QStringLiteral("^# HELP (herald_[a-z_]+) \\S.*$"));
        static const QRegularExpression type(QStringLiteral("^# TYPE (herald_[a-z_]+) (gauge|counter|summary|histogram)$"));
        static const QRegularExpression sample(QStringLiteral(
            "^(herald_[a-z_]+)(\\{[a-z_]+=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"(?:,[a-z_]+=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")*\\})? "
            "(-?[0-9.eE+-]+|NaN|[+-]Inf)$"));
        QString family;
        QSet<QString> typed;
        QHash<QString, double> values;
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(run.out.endsWith(QLatin1Char('\n')));
        for (const QString& line : lines) {
            if (const auto m = help.match(line); m.hasMatch()) {
                family = m.captured(1);
                continue;
            }
            if (const auto m = type.match(line); m.hasMatch()) {
                QCOMPARE(m.captured(1), family); // TYPE follows its HELP
                QVERIFY2(!typed.contains(family), qPrintable(family)); // one block per family
                typed.insert(family);
                continue;
            }
            const auto m = sample.match(line);
            QVERIFY2(m.hasMatch(), qPrintable(line));
            const QString name = m.captured(1);
            QVERIFY2(name == family || name == family + QLatin1String("_sum") || name == family + QLatin1String("_count"), qPrintable(line));
            QVERIFY2(typed.contains(family), qPrintable(line));
            values.insert(name + m.captured(2), m.captured(3).toDouble());
        }
        QCOMPARE(values.value(QStringLiteral("herald_sends{provider=\"relay \\\"a\\\"\",outcome=\"sent\"}")), 90.0);
        QCOMPARE(values.value(QStringLiteral("herald_sends{provider=\"api\",outcome=\"retried\"}")), 4.0);
        QCOMPARE(values.value(QStringLiteral("herald_queue_messages{state=\"pending\"}")), 7.0);
        QCOMPARE(values.value(QStringLiteral("herald_send_latency_milliseconds_count{provider=\"api\"}")), 4.0);
        QVERIFY(values.contains(QStringLiteral("herald_send_latency_milliseconds{provider=\"api\",quantile=\"0.95\"}")));
        QCOMPARE(values.value(QStringLiteral("herald_range_seconds")), 3600.0);
        QCOMPARE(values.value(QStringLiteral("herald_provider_circuit{provider=\"relay \\\"a\\\"\",state=\"open\"}")), 1.0);
    }

    void textAndMistakes()
    {
        const auto text = m_herald->run({QStringLiteral("stats"), QStringLiteral("--range"), QStringLiteral("24h")});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(QLatin1String("Sent 90, failed 6, retried 4, unknown 0")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QLatin1String("550 5.1.1")), qPrintable(text.out));
        QCOMPARE(m_herald->run({QStringLiteral("stats"), QStringLiteral("--range"), QStringLiteral("2w")}).exitCode, 2);
        QCOMPARE(m_herald->run({QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--prometheus")}).exitCode, 2);
        const auto missing = m_herald->run({QStringLiteral("stats"), QStringLiteral("--profile"), QStringLiteral("Nowhere")});
        QCOMPARE(missing.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestStatsCommand)
#include "TestStatsCommand.moc"
