#include "ParsedMessage.h"
#include "SendingFixture.h"
#include "SmtpTestServer.h"
#include "TestDatabase.h"
#include "sending/SendEngine.h"
#include "sending/SendQueue.h"
#include "sending/providers/SmtpTransport.h"
#include "storage/NonprofitRepository.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>

using namespace herald;

// The whole engine against our SMTP test server, on SQLite and on PostgreSQL.
class TestSendEngine : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;

    bool exec(const QString& sql) { return test::SendingFixture::exec(*m_database, sql); }
    qint64 count(const QString& sql) { return test::SendingFixture::count(*m_database, sql); }
    void addNonprofits(int n, const QString& localSuffix = {}, int first = 0)
    {
        QVERIFY(test::SendingFixture::addNonprofits(*m_database, n, localSuffix, first));
    }
    void startCampaign() { QVERIFY(test::SendingFixture::startCampaign(*m_database)); }

    static Provider smtpProvider(const QString& name, int port, int priority = 100, double rate = 100000, int connections = 4)
    {
        Provider provider;
        provider.connections = connections;
        provider.name = name;
        provider.host = QStringLiteral("127.0.0.1");
        provider.port = port;
        provider.tls = Provider::Tls::None;
        provider.priority = priority;
        provider.ratePerSecond = rate;
        provider.burst = int(std::min(rate, 1000.0));
        return provider;
    }

    static std::shared_ptr<ProviderPool> pool(const QList<Provider>& providers)
    {
        return std::make_shared<ProviderPool>(providers, [](const Provider& provider) -> std::unique_ptr<MailTransport> {
            SmtpSettings settings = SmtpSettings::fromProvider(provider, {});
            settings.timeoutMs = 10000;
            settings.connectTimeoutMs = 2000;
            return std::make_unique<SmtpTransport>(settings);
        });
    }

    static EngineSettings fastSettings()
    {
        EngineSettings settings;
        settings.senders = 4;
        settings.claimBatch = 200;
        settings.retry.baseSeconds = 0; // retry at once: the test controls the faults
        settings.retry.maxAttempts = 3;
        settings.recoveryIntervalMs = 200;
        return settings;
    }

    bool waitForCampaign(const QString& status, int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            if (count(QStringLiteral("SELECT count(*) FROM campaigns WHERE id = 1 AND status = '%1'").arg(status)) == 1)
                return true;
            QTest::qWait(50);
        }
        return false;
    }

    // Each sending thread carries its share of a provider's connections at once (TransferLoop): a thread
    // of its own per connection, and several connections on one thread, must behave the same; so must a
    // server offering PIPELINING, where each busy connection takes the next message behind its own.
    static void addLayouts()
    {
        QTest::addColumn<int>("senders");
        QTest::addColumn<int>("connections");
        QTest::addColumn<bool>("pipelining");
        QTest::newRow("a connection per thread") << 4 << 4 << false;
        QTest::newRow("three connections on one thread") << 1 << 3 << false;
        QTest::newRow("a pipelining connection per thread") << 4 << 4 << true;
        QTest::newRow("three pipelining connections on one thread") << 1 << 3 << true;
    }

    static void addPipelining()
    {
        QTest::addColumn<bool>("pipelining");
        QTest::newRow("one command at a time") << false;
        QTest::newRow("pipelined") << true;
    }

    static QStringList serverOptions(bool pipelining)
    {
        return pipelining ? QStringList{QStringLiteral("--pipelining")} : QStringList();
    }

private slots:
    void init()
    {
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_database = m_scratch->open();
        QVERIFY(test::SendingFixture::addCampaign(*m_database));
    }

    void cleanup()
    {
        m_database.reset();
        m_scratch.reset();
    }

    void everyRecipientGetsExactlyOneMessage_data() { addPipelining(); }
    void everyRecipientGetsExactlyOneMessage()
    {
        QFETCH(bool, pipelining);
        test::SmtpTestServer server;
        QVERIFY2(server.start(serverOptions(pipelining)), qPrintable(server.lastError()));
        const int recipients = 10000;
        addNonprofits(recipients);
        startCampaign();
        SendEngine engine(*m_database, fastSettings(), pool({smtpProvider(QStringLiteral("local"), server.port())}),
                          QByteArrayLiteral("secret"));
        QElapsedTimer clock;
        clock.start();
        QVERIFY(engine.start().ok());
        QVERIFY2(waitForCampaign(QStringLiteral("completed"), 120000), qPrintable(engine.snapshot().lastError));
        engine.stop();
        const qint64 elapsed = clock.elapsed();
        QVERIFY(server.waitForMessages(recipients, 5000));
        const auto received = server.messages();
        QSet<QString> ids;
        QSet<QString> addresses;
        for (const QJsonObject& record : received) {
            ids.insert(record.value(QStringLiteral("message_id")).toString());
            addresses.insert(record.value(QStringLiteral("rcpt_tos")).toArray().first().toString());
        }
        qInfo("%d messages in %lld ms (%.0f/s) on %s", int(received.size()), elapsed, received.size() * 1000.0 / elapsed,
              qPrintable(test::TestDatabase::backendName()));
        QCOMPARE(int(received.size()), recipients); // nothing twice
        QCOMPARE(int(ids.size()), recipients);
        QCOMPARE(int(addresses.size()), recipients); // nothing lost
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sent' AND message_id IS NOT NULL")), qint64(recipients));
        QCOMPARE(engine.snapshot().sent, qint64(recipients));
    }

    void oneThreadKeepsAllItsConnectionsBusy_data() { addPipelining(); }
    void oneThreadKeepsAllItsConnectionsBusy()
    {
        QFETCH(bool, pipelining);
        test::SmtpTestServer server;
        QVERIFY2(server.start(serverOptions(pipelining)), qPrintable(server.lastError()));
        const int recipients = 600;
        addNonprofits(recipients);
        startCampaign();
        EngineSettings settings = fastSettings();
        settings.senders = 1;
        SendEngine engine(*m_database, settings, pool({smtpProvider(QStringLiteral("local"), server.port(), 100, 100000, 3)}),
                          QByteArrayLiteral("secret"));
        QVERIFY(engine.start().ok());
        QVERIFY2(waitForCampaign(QStringLiteral("completed"), 60000), qPrintable(engine.snapshot().lastError));
        engine.stop();
        QVERIFY(server.waitForMessages(recipients, 5000));
        QSet<QString> ids;
        QSet<QString> peers;
        int followed = 0;
        for (const QJsonObject& record : server.messages()) {
            ids.insert(record.value(QStringLiteral("message_id")).toString());
            peers.insert(record.value(QStringLiteral("peer")).toString());
            followed += record.value(QStringLiteral("followed_by_commands")).toBool() ? 1 : 0;
        }
        QCOMPARE(int(server.messages().size()), recipients);
        QCOMPARE(int(ids.size()), recipients);
        // The thread's three connections, each kept open for the whole campaign.
        QCOMPARE(int(peers.size()), 3);
        // With PIPELINING, each connection had the next message queued behind the one it sent, so the next
        // envelope went with the data before: for nearly all (not the last of each connection, nor where the
        // thread was between two batches of work); without it, never.
        qInfo("%d of %d messages followed by the next envelope", followed, recipients);
        if (pipelining)
            QVERIFY2(followed >= recipients / 2, qPrintable(QString::number(followed)));
        else
            QCOMPARE(followed, 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sent'")), qint64(recipients));
    }

    void faultsAreRetriedOrFailedAsTheyShouldBe_data() { addLayouts(); }
    void faultsAreRetriedOrFailedAsTheyShouldBe()
    {
        QFETCH(int, senders);
        QFETCH(int, connections);
        QFETCH(bool, pipelining);
        test::SmtpTestServer server;
        QVERIFY(server.start(serverOptions(pipelining)));
        addNonprofits(20);
        addNonprofits(3, QStringLiteral("+once451"), 100);
        addNonprofits(2, QStringLiteral("+p550"), 200);
        addNonprofits(2, QStringLiteral("+t452"), 300);
        addNonprofits(1, QStringLiteral("+p554d"), 400);
        startCampaign();
        EngineSettings settings = fastSettings();
        settings.senders = senders;
        SendEngine engine(*m_database, settings, pool({smtpProvider(QStringLiteral("local"), server.port(), 100, 100000, connections)}),
                          QByteArrayLiteral("secret"));
        QVERIFY(engine.start().ok());
        QVERIFY2(waitForCampaign(QStringLiteral("completed"), 30000), qPrintable(engine.snapshot().lastError));
        engine.stop();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sent'")), qint64(23)); // 20 + the 3 retried
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sent' AND email LIKE '%once451%' AND attempts = 2")), qint64(3));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'failed' AND smtp_code = 550 AND attempts = 1")), qint64(2));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM suppressions WHERE reason = 'hard_bounce'")), qint64(2));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'failed' AND smtp_code = 452 AND attempts = 3")), qint64(2)); // gave up after 3
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'failed' AND smtp_code = 554 AND error LIKE '%5.7.1%'")), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM suppressions")), qint64(2)); // 554 content is not a bounce
    }

    void failsOverWhenTheFirstProviderIsDown_data() { addLayouts(); }
    void failsOverWhenTheFirstProviderIsDown()
    {
        QFETCH(int, senders);
        QFETCH(int, connections);
        QFETCH(bool, pipelining);
        test::SmtpTestServer server;
        QVERIFY(server.start(serverOptions(pipelining)));
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const int deadPort = closed.serverPort();
        closed.close();
        addNonprofits(100);
        startCampaign();
        EngineSettings settings = fastSettings();
        settings.senders = senders;
        SendEngine engine(*m_database, settings,
                          pool({smtpProvider(QStringLiteral("primary"), deadPort, 1, 100000, connections),
                                smtpProvider(QStringLiteral("backup"), server.port(), 2, 100000, connections)}),
                          QByteArrayLiteral("secret"));
        QVERIFY(engine.start().ok());
        QVERIFY2(waitForCampaign(QStringLiteral("completed"), 30000), qPrintable(engine.snapshot().lastError));
        const auto states = engine.providers().states();
        engine.stop();
        QCOMPARE(server.messages().size(), 100);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sent' AND provider = 'backup'")), qint64(100));
        QCOMPARE(states.first().name, QStringLiteral("primary"));
        QCOMPARE(states.first().breaker, QStringLiteral("open"));
    }

    // A name is data: one stored with line breaks and control characters (as an import lets in) is flattened
    // into the To display name like a subject, and its message is delivered (issue 15, 4.6).
    void aNameWithLineBreaksIsDeliveredWithAFlattenedToName()
    {
        test::SmtpTestServer server;
        QVERIFY2(server.start({QStringLiteral("--keep-data")}), qPrintable(server.lastError()));
        Nonprofit nonprofit;
        nonprofit.name = QStringLiteral("Food Bank\r\nBcc: someone@example.com\n\tof\x01 Vermont\x1b\u2028Inc");
        nonprofit.email = QStringLiteral("foodbank@example.net");
        const Status inserted = NonprofitRepository(*m_database).insert(nonprofit);
        QVERIFY2(inserted.ok(), qPrintable(inserted.error().message));
        startCampaign();
        SendEngine engine(*m_database, fastSettings(), pool({smtpProvider(QStringLiteral("local"), server.port())}),
                          QByteArrayLiteral("secret"));
        QVERIFY(engine.start().ok());
        QVERIFY2(waitForCampaign(QStringLiteral("completed"), 30000), qPrintable(engine.snapshot().lastError));
        engine.stop();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sent'")), qint64(1));
        QVERIFY(server.waitForMessages(1));
        const QJsonObject record = server.messages().first();
        QCOMPARE(record.value(QStringLiteral("rcpt_tos")).toArray(), QJsonArray{QStringLiteral("foodbank@example.net")});
        const QJsonObject parsed = test::parseMessage(QByteArray::fromBase64(record.value(QStringLiteral("data")).toString().toLatin1()));
        const QJsonObject headers = parsed.value(QStringLiteral("headers")).toObject();
        QCOMPARE(headers.value(QStringLiteral("To")).toString(),
                 QStringLiteral("\"Food Bank Bcc: someone@example.com of Vermont Inc\" <foodbank@example.net>"));
        QVERIFY(!headers.contains(QStringLiteral("Bcc")));
        QCOMPARE(parsed.value(QStringLiteral("defects")).toArray().size(), 0);
    }

    void rateLimitHolds()
    {
        test::SmtpTestServer server;
        QVERIFY(server.start());
        addNonprofits(150);
        startCampaign();
        Provider limited = smtpProvider(QStringLiteral("limited"), server.port(), 1, 50);
        limited.burst = 1;
        SendEngine engine(*m_database, fastSettings(), pool({limited}), QByteArrayLiteral("secret"));
        QElapsedTimer clock;
        clock.start();
        QVERIFY(engine.start().ok());
        QVERIFY(waitForCampaign(QStringLiteral("completed"), 30000));
        const double seconds = clock.elapsed() / 1000.0;
        engine.stop();
        const double rate = 150 / seconds;
        qInfo("150 messages at a 50/s limit took %.2f s: %.1f/s", seconds, rate);
        QVERIFY2(rate <= 55.0, qPrintable(QString::number(rate))); // within 10 % of the limit
        // Not a speed test (this machine is shared and a busy one sent at 28/s): only a limiter far too strict,
        // e.g. one counting in the wrong unit, falls below this.
        QVERIFY2(rate >= 10.0, qPrintable(QString::number(rate)));
    }

    void pauseTakesEffectWithinASecondAndResumeFinishes()
    {
        test::SmtpTestServer server;
        QVERIFY(server.start());
        addNonprofits(400);
        startCampaign();
        Provider limited = smtpProvider(QStringLiteral("limited"), server.port(), 1, 100);
        limited.burst = 1;
        SendEngine engine(*m_database, fastSettings(), pool({limited}), QByteArrayLiteral("secret"));
        QVERIFY(engine.start().ok());
        QTRY_VERIFY_WITH_TIMEOUT(server.messages().size() >= 50, 10000);
        QVERIFY(exec(QStringLiteral("UPDATE campaigns SET status = 'paused' WHERE id = 1")));
        QTest::qWait(1000);
        const qsizetype atPause = server.messages().size();
        QTest::qWait(1000);
        QCOMPARE(server.messages().size(), atPause); // nothing more went out
        QVERIFY(atPause < 400);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sending'")), qint64(0)); // released
        QVERIFY(exec(QStringLiteral("UPDATE campaigns SET status = 'sending' WHERE id = 1")));
        QVERIFY(waitForCampaign(QStringLiteral("completed"), 30000));
        engine.stop();
        QCOMPARE(server.messages().size(), 400);
    }

    // The queue sample counts the whole queue (seconds on ten million rows): claims and results go on while
    // it waits. Here another session holds the samples table, so the sample waits until it lets go.
    void sendingGoesOnWhileTheQueueSampleWaits()
    {
        if (test::TestDatabase::backendUnderTest() != Backend::Postgres)
            QSKIP("needs a second session holding a table lock (PostgreSQL)");
        test::SmtpTestServer server;
        QVERIFY(server.start());
        addNonprofits(600);
        startCampaign();
        // The engine first: on a failed check the holder lets go before the engine is stopped.
        SendEngine engine(*m_database, fastSettings(), pool({smtpProvider(QStringLiteral("local"), server.port())}),
                          QByteArrayLiteral("secret"));
        std::unique_ptr<Database> other = m_scratch->open();
        QSqlQuery holder(other->connection());
        QVERIFY2(holder.exec(QStringLiteral("BEGIN")), qPrintable(holder.lastError().text()));
        auto letGo = qScopeGuard([&holder] { holder.exec(QStringLiteral("ROLLBACK")); });
        QVERIFY2(holder.exec(QStringLiteral("LOCK TABLE queue_samples IN ACCESS EXCLUSIVE MODE")), qPrintable(holder.lastError().text()));
        QVERIFY(engine.start().ok());
        const QString sent = QStringLiteral("SELECT count(*) FROM sends WHERE status = 'sent'");
        QTRY_COMPARE_WITH_TIMEOUT(count(sent), qint64(600), 20000);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                                      "WHERE c.relname = 'queue_samples' AND NOT l.granted")), qint64(1)); // still waiting
        letGo.dismiss();
        QVERIFY(holder.exec(QStringLiteral("COMMIT")));
        QVERIFY(waitForCampaign(QStringLiteral("completed"), 30000));
        QTRY_VERIFY_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM queue_samples")) >= 1, 10000);
        engine.stop();
        QCOMPARE(server.messages().size(), 600);
    }
};

QTEST_GUILESS_MAIN(TestSendEngine)
#include "TestSendEngine.moc"
