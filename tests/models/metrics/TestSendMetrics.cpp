#include "SendingFixture.h"
#include "SendGridTestServer.h"
#include "SmtpTestServer.h"
#include "TestDatabase.h"
#include "metrics/DashboardReader.h"
#include "sending/SendEngine.h"
#include "sending/providers/SendGridTransport.h"
#include "sending/providers/SmtpTransport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace herald;

// A real engine run against our SMTP test server writes send_metrics and the providers' message ids;
// what the dashboard reader makes of them must match what the server received. SQLite and PostgreSQL.
class TestSendMetrics : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;

    qint64 count(const QString& sql) { return test::SendingFixture::count(*m_database, sql); }

    static std::shared_ptr<ProviderPool> pool(int port)
    {
        Provider provider;
        provider.name = QStringLiteral("local");
        provider.host = QStringLiteral("127.0.0.1");
        provider.port = port;
        provider.tls = Provider::Tls::None;
        provider.ratePerSecond = 100000;
        provider.burst = 1000;
        return std::make_shared<ProviderPool>(QList<Provider>{provider}, [](const Provider& p) -> std::unique_ptr<MailTransport> {
            SmtpSettings settings = SmtpSettings::fromProvider(p, {});
            settings.timeoutMs = 10000;
            return std::make_unique<SmtpTransport>(settings);
        });
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

    void metricsMatchWhatTheServerReceived()
    {
        test::SmtpTestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        QVERIFY(test::SendingFixture::addCampaign(*m_database));
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, 300));
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, 3, QStringLiteral("+p550"), 1000));
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, 4, QStringLiteral("+once451"), 2000));
        QVERIFY(test::SendingFixture::startCampaign(*m_database));
        EngineSettings settings;
        settings.senders = 4;
        settings.claimBatch = 100;
        settings.retry.baseSeconds = 0;
        settings.recoveryIntervalMs = 200;
        const qint64 startedAt = QDateTime::currentSecsSinceEpoch();
        {
            SendEngine engine(*m_database, settings, pool(server.port()), QByteArrayLiteral("secret"));
            QVERIFY(engine.start().ok());
            QTRY_VERIFY_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE status = 'completed'")) == 1, 60000);
            engine.stop();
            QVERIFY2(engine.snapshot().lastError.isEmpty(), qPrintable(engine.snapshot().lastError));
        }
        const QList<QJsonObject> received = server.messages();
        QCOMPARE(received.size(), 304); // 300 + the 4 accepted on their second try

        auto figures = DashboardReader(*m_database).read(900, QDateTime::currentSecsSinceEpoch());
        QVERIFY2(figures.ok(), qPrintable(figures.ok() ? QString() : figures.error().message));
        const DashboardFigures& f = figures.value();
        QCOMPARE(f.totals.sent, qint64(received.size()));
        QCOMPARE(f.totals.failed, qint64(3));
        QCOMPARE(f.totals.retried, qint64(4));
        QCOMPARE(f.totals.unknown, qint64(0));
        QCOMPARE(f.providers.size(), 1);
        QCOMPARE(f.providers.first().provider, QStringLiteral("local"));
        QCOMPARE(f.totals.latency.count(), qint64(304 + 3 + 4)); // every attempt that reached the server
        QCOMPARE(f.failureRate, 3.0 / 307.0);
        QVERIFY(f.totals.latency.percentileMs(0.5) > 0);
        QVERIFY(f.totals.latency.percentileMs(0.5) <= f.totals.latency.percentileMs(0.99));
        // The series adds up to the totals, in the points of the minutes the run took.
        double seriesSent = 0;
        double seriesFailed = 0;
        for (const DashboardFigures::Point& point : f.series) {
            seriesSent += point.sentPerSecond * f.stepSeconds;
            seriesFailed += point.failedPerSecond * f.stepSeconds;
            if (point.sentPerSecond > 0)
                QVERIFY(point.start + f.stepSeconds > startedAt);
        }
        QCOMPARE(qRound64(seriesSent), qint64(304));
        QCOMPARE(qRound64(seriesFailed), qint64(3));
        QCOMPARE(f.series.size(), 90);
        QVERIFY(!f.reasons.isEmpty());
        QCOMPARE(f.reasons.first().reason, QStringLiteral("550 5.1.1"));
        QCOMPARE(f.reasons.first().count, qint64(3));
        QVERIFY(f.reasons.first().example.contains(QLatin1String("+p550")));
        // The engine sampled the queue as it went (once per 10-second slot) and reported its provider.
        QVERIFY(f.queue.known());
        QVERIFY(f.queue.at >= startedAt / 10 * 10);
        QVERIFY(f.queue.depth() <= 307);
        QCOMPARE(f.health.size(), 1);
        QCOMPARE(f.health.first().provider, QStringLiteral("local"));
        QCOMPARE(f.health.first().breaker, QStringLiteral("closed"));
        QCOMPARE(f.health.first().senders, 1);
        QCOMPARE(f.health.first().limitPerSecond, 100000.0);
        // The 5-minute roll-ups the long ranges read hold the same.
        auto day = DashboardReader(*m_database).read(86400, QDateTime::currentSecsSinceEpoch());
        QVERIFY(day.ok());
        QCOMPARE(day->totals.sent, f.totals.sent);
        QCOMPARE(day->totals.failed, f.totals.failed);
        QCOMPARE(day->totals.latency.count(), f.totals.latency.count());
        QCOMPARE(day->reasons.first().count, qint64(3));
    }

    void providerMessageIdIsTheServersQueueId()
    {
        test::SmtpTestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        QVERIFY(test::SendingFixture::addCampaign(*m_database));
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, 50));
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, 2, QStringLiteral("+once451"), 100));
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, 2, QStringLiteral("+p550"), 200));
        QVERIFY(test::SendingFixture::startCampaign(*m_database));
        EngineSettings settings;
        settings.retry.baseSeconds = 0;
        settings.recoveryIntervalMs = 200;
        {
            SendEngine engine(*m_database, settings, pool(server.port()), QByteArrayLiteral("secret"));
            QVERIFY(engine.start().ok());
            QTRY_VERIFY_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE status = 'completed'")) == 1, 60000);
            engine.stop();
        }
        QHash<QString, QString> queueIdByRecipient;
        for (const QJsonObject& record : server.messages())
            queueIdByRecipient.insert(record.value(QStringLiteral("rcpt_tos")).toArray().first().toString(),
                                      record.value(QStringLiteral("queue_id")).toString());
        QCOMPARE(queueIdByRecipient.size(), 52);
        QSqlQuery query(m_database->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT email, provider_message_id FROM sends WHERE status = 'sent'")));
        int checked = 0;
        while (query.next()) {
            const QString expected = queueIdByRecipient.value(query.value(0).toString());
            QVERIFY(!expected.isEmpty());
            QCOMPARE(query.value(1).toString(), expected);
            ++checked;
        }
        QCOMPARE(checked, 52);
        QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT provider_message_id) FROM sends")), qint64(52));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'failed' AND provider_message_id IS NULL "
                                      "AND failed_at IS NOT NULL")), qint64(2));
    }

    void sendGridMessageIdIsStored()
    {
        test::SendGridTestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        QVERIFY(test::SendingFixture::addCampaign(*m_database));
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, 20));
        QVERIFY(test::SendingFixture::startCampaign(*m_database));
        Provider api;
        api.name = QStringLiteral("sendgrid");
        api.kind = Provider::Kind::Http;
        api.ratePerSecond = 100000;
        const int port = server.port();
        auto providers = std::make_shared<ProviderPool>(QList<Provider>{api}, [port](const Provider&) -> std::unique_ptr<MailTransport> {
            SendGridSettings settings;
            settings.baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
            settings.apiKey = test::SendGridTestServer::DefaultKey;
            return std::make_unique<SendGridTransport>(settings);
        });
        {
            SendEngine engine(*m_database, EngineSettings(), providers, QByteArrayLiteral("secret"));
            QVERIFY(engine.start().ok());
            QTRY_VERIFY_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE status = 'completed'")) == 1, 60000);
            engine.stop();
        }
        QHash<QString, QString> idByRecipient;
        for (const QJsonObject& request : server.requests()) {
            const QJsonObject to = request[QStringLiteral("body")][QStringLiteral("personalizations")][0][QStringLiteral("to")][0].toObject();
            idByRecipient.insert(to[QStringLiteral("email")].toString(), request[QStringLiteral("message_id")].toString());
        }
        QCOMPARE(idByRecipient.size(), 20);
        QSqlQuery query(m_database->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT email, provider_message_id FROM sends WHERE status = 'sent'")));
        int checked = 0;
        while (query.next()) {
            QCOMPARE(query.value(1).toString(), idByRecipient.value(query.value(0).toString()));
            QVERIFY(!query.value(1).toString().isEmpty());
            ++checked;
        }
        QCOMPARE(checked, 20);
    }
};

QTEST_GUILESS_MAIN(TestSendMetrics)
#include "TestSendMetrics.moc"
