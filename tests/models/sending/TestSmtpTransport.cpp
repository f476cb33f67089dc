#include "SmtpTestServer.h"
#include "compose/MessageBuilder.h"
#include "sending/providers/SmtpTransport.h"
#include "sending/providers/TransferLoop.h"

#include <QJsonArray>

#include <QTcpServer>
#include <QTest>

#include <vector>

using namespace herald;

// SMTP on libcurl's connections against our aiosmtpd test server on loopback: delivery, reuse of one
// connection, every fault kind classified, with and without PIPELINING offered; TLS and AUTH.
class TestSmtpTransport : public QObject
{
    Q_OBJECT

    static OutgoingMessage message(const QString& to, int n = 0)
    {
        MessageSpec spec;
        spec.fromName = QStringLiteral("Herald Test");
        spec.fromEmail = QStringLiteral("sender@example.org");
        spec.toEmail = to;
        spec.subject = QStringLiteral("Test %1").arg(n);
        spec.textBody = QStringLiteral("Hello\n.\nA line that is just a dot, above.\n");
        spec.messageId = MessageBuilder::messageIdFor(n, 1, spec.fromEmail);
        OutgoingMessage out;
        out.sendId = n;
        out.envelopeFrom = spec.fromEmail.toLatin1();
        out.recipient = to.toLatin1();
        out.data = MessageBuilder::build(spec).value();
        out.messageId = spec.messageId;
        return out;
    }

    static SmtpSettings plain(int port)
    {
        SmtpSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = port;
        settings.tls = Provider::Tls::None;
        settings.timeoutMs = 8000;
        return settings;
    }

    static QStringList serverOptions(bool pipelining)
    {
        return pipelining ? QStringList{QStringLiteral("--pipelining")} : QStringList();
    }

    static void addPipelining()
    {
        QTest::addColumn<bool>("pipelining");
        QTest::newRow("one command at a time") << false;
        QTest::newRow("pipelined") << true;
    }

private slots:
    void dataIsDotStuffedAndEnded()
    {
        QCOMPARE(SmtpTransport::dataWithEnd({}, "A: b\r\n\r\n.x\r\nok\r\n..\r\n."),
                 QByteArray("A: b\r\n\r\n..x\r\nok\r\n...\r\n..\r\n.\r\n"));
        QCOMPARE(SmtpTransport::dataWithEnd("DKIM-Signature: a\r\n", ".first\r\n"),
                 QByteArray("DKIM-Signature: a\r\n..first\r\n.\r\n"));
    }

    void linesStartingWithADotArriveIntact_data() { addPipelining(); }
    void linesStartingWithADotArriveIntact()
    {
        QFETCH(bool, pipelining);
        test::SmtpTestServer server;
        QVERIFY2(server.start(serverOptions(pipelining) << QStringLiteral("--keep-data")), qPrintable(server.lastError()));
        OutgoingMessage raw = message(QStringLiteral("dots@example.net"), 7);
        raw.data = "Message-ID: <dots@example.org>\r\nSubject: dots\r\n\r\n.\r\n..two\r\n.three\r\nend\r\n";
        SmtpTransport transport(plain(server.port()));
        const DeliveryOutcome outcome = transport.send(raw);
        QVERIFY2(outcome.isSent(), qPrintable(outcome.text));
        QVERIFY(server.waitForMessages(1));
        const QByteArray received = QByteArray::fromBase64(server.messages().first().value(QStringLiteral("data")).toString().toLatin1());
        QCOMPARE(received, raw.data);
    }

    void deliversManyOverOneConnection_data() { addPipelining(); }
    void deliversManyOverOneConnection()
    {
        QFETCH(bool, pipelining);
        test::SmtpTestServer server;
        QVERIFY2(server.start(serverOptions(pipelining)), qPrintable(server.lastError()));
        SmtpTransport transport(plain(server.port()));
        for (int i = 1; i <= 50; ++i) {
            const DeliveryOutcome outcome = transport.send(message(QStringLiteral("r%1@example.net").arg(i), i));
            QVERIFY2(outcome.isSent(), qPrintable(outcome.text));
            QCOMPARE(outcome.code, 250);
        }
        QVERIFY(server.waitForMessages(50));
        const auto received = server.messages();
        QSet<QString> peers;
        QSet<QString> ids;
        for (const QJsonObject& record : received) {
            peers.insert(record.value(QStringLiteral("peer")).toString());
            ids.insert(record.value(QStringLiteral("message_id")).toString());
        }
        QCOMPARE(ids.size(), 50);
        QCOMPARE(peers.size(), 1); // one connection, one EHLO, for all 50
    }

    void faultsAreClassified_data()
    {
        QTest::addColumn<bool>("pipelining");
        QTest::addColumn<QString>("recipient");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("enhanced");
        QTest::addColumn<bool>("hardBounce");
        QTest::addColumn<bool>("slowDown");
        for (const bool pipelining : {false, true}) {
            const char* mode = pipelining ? " (pipelined)" : "";
            QTest::newRow(QByteArray("550 no such user").append(mode).constData()) << pipelining << "x+p550@example.net" << int(DeliveryOutcome::Kind::Permanent) << 550 << "5.1.1" << true << false;
            QTest::newRow(QByteArray("553 bad mailbox").append(mode).constData()) << pipelining << "x+p553@example.net" << int(DeliveryOutcome::Kind::Permanent) << 553 << "5.1.3" << true << false;
            QTest::newRow(QByteArray("554 content at DATA").append(mode).constData()) << pipelining << "x+p554d@example.net" << int(DeliveryOutcome::Kind::Permanent) << 554 << "5.7.1" << false << false;
            QTest::newRow(QByteArray("451 temporary").append(mode).constData()) << pipelining << "x+t451@example.net" << int(DeliveryOutcome::Kind::Temporary) << 451 << "4.3.0" << false << false;
            QTest::newRow(QByteArray("452 mailbox full").append(mode).constData()) << pipelining << "x+t452@example.net" << int(DeliveryOutcome::Kind::Temporary) << 452 << "4.2.2" << false << false;
            QTest::newRow(QByteArray("421 slow down").append(mode).constData()) << pipelining << "x+t421@example.net" << int(DeliveryOutcome::Kind::Temporary) << 421 << "4.7.0" << false << true;
            QTest::newRow(QByteArray("dropped at RCPT").append(mode).constData()) << pipelining << "x+drop@example.net" << int(DeliveryOutcome::Kind::Temporary) << 0 << "" << false << false;
            QTest::newRow(QByteArray("dropped after data").append(mode).constData()) << pipelining << "x+dropdata@example.net" << int(DeliveryOutcome::Kind::Unknown) << 0 << "" << false << false;
        }
    }

    void faultsAreClassified()
    {
        QFETCH(bool, pipelining);
        QFETCH(QString, recipient);
        QFETCH(int, kind);
        QFETCH(int, code);
        QFETCH(QString, enhanced);
        QFETCH(bool, hardBounce);
        QFETCH(bool, slowDown);
        test::SmtpTestServer server;
        QVERIFY2(server.start(serverOptions(pipelining)), qPrintable(server.lastError()));
        SmtpTransport transport(plain(server.port()));
        const DeliveryOutcome outcome = transport.send(message(recipient, 1));
        QVERIFY2(int(outcome.kind) == kind, qPrintable(QStringLiteral("kind %1: %2").arg(int(outcome.kind)).arg(outcome.text)));
        QCOMPARE(outcome.code, code);
        QCOMPARE(outcome.enhanced, enhanced);
        QCOMPARE(outcome.hardBounce, hardBounce);
        QCOMPARE(outcome.slowDown, slowDown);
        QVERIFY(!outcome.providerProblem || code == 0);
        // The handle recovers: the next message on the same transport goes through.
        const DeliveryOutcome next = transport.send(message(QStringLiteral("ok@example.net"), 2));
        QVERIFY2(next.isSent(), qPrintable(next.text));
    }

    void temporaryFailureThenSuccess_data() { addPipelining(); }
    void temporaryFailureThenSuccess()
    {
        QFETCH(bool, pipelining);
        test::SmtpTestServer server;
        QVERIFY(server.start(serverOptions(pipelining)));
        SmtpTransport transport(plain(server.port()));
        QVERIFY(transport.send(message(QStringLiteral("x+once451@example.net"), 1)).kind == DeliveryOutcome::Kind::Temporary);
        QVERIFY(transport.send(message(QStringLiteral("x+once451@example.net"), 1)).isSent());
        QVERIFY(server.waitForMessages(1));
    }

    // A message queued behind the one going (what a sending thread does on a busy connection) has its
    // envelope sent with that one's data when the server offers PIPELINING: the server finds the next
    // commands already read when it takes the data. Each fault before, at or after the data leaves the
    // message behind to go as it should: on the same connection, or on a new one when the server closed it.
    void messagesQueuedBehindGoWithTheDataBefore_data() { addPipelining(); }
    void messagesQueuedBehindGoWithTheDataBefore()
    {
        QFETCH(bool, pipelining);
        test::SmtpTestServer server;
        QVERIFY2(server.start(serverOptions(pipelining)), qPrintable(server.lastError()));
        const QStringList recipients = {
            QStringLiteral("ok1@example.net"),        QStringLiteral("x+p550@example.net"), // refused at RCPT
            QStringLiteral("ok3@example.net"),        QStringLiteral("x+p554d@example.net"), // refused after the data
            QStringLiteral("ok5@example.net"),        QStringLiteral("x+t421@example.net"), // 421, connection closed
            QStringLiteral("ok7@example.net"),        QStringLiteral("x+dropdata@example.net"), // dropped after data
            QStringLiteral("ok9@example.net")};
        const QList<DeliveryOutcome::Kind> expected = {
            DeliveryOutcome::Kind::Sent, DeliveryOutcome::Kind::Permanent, DeliveryOutcome::Kind::Sent,
            DeliveryOutcome::Kind::Permanent, DeliveryOutcome::Kind::Sent, DeliveryOutcome::Kind::Temporary,
            DeliveryOutcome::Kind::Sent, DeliveryOutcome::Kind::Unknown, DeliveryOutcome::Kind::Sent};
        std::vector<OutgoingMessage> messages;
        for (int i = 0; i < recipients.size(); ++i)
            messages.push_back(message(recipients.at(i), i + 1));

        SmtpTransport transport(plain(server.port()));
        TransferLoop loop(1);
        int queuedBehind = 0;
        size_t going = 0;
        transport.start(messages[0], loop, &messages[0]);
        while (going < messages.size()) {
            if (going + 1 < messages.size() && transport.acceptsNext()) {
                transport.queueNext(messages[going + 1]);
                ++queuedBehind;
            }
            const QList<TransferLoop::Ended> ended = loop.run(10000);
            QVERIFY(ended.size() <= 1);
            if (ended.isEmpty())
                continue;
            QCOMPARE(ended.first().tag, static_cast<const void*>(&messages[going]));
            const DeliveryOutcome outcome = transport.finish(ended.first());
            QVERIFY2(outcome.kind == expected.at(int(going)),
                     qPrintable(QStringLiteral("%1: kind %2, %3").arg(recipients.at(int(going))).arg(int(outcome.kind)).arg(outcome.text)));
            if (++going < messages.size())
                transport.start(messages[going], loop, &messages[going]);
        }
        QCOMPARE(queuedBehind, pipelining ? int(messages.size()) - 1 : 0);

        QVERIFY(server.waitForMessages(5));
        QHash<QString, QJsonObject> received;
        QSet<QString> peers;
        for (const QJsonObject& record : server.messages()) {
            received.insert(record.value(QStringLiteral("rcpt_tos")).toArray().first().toString(), record);
            peers.insert(record.value(QStringLiteral("peer")).toString());
        }
        QCOMPARE(received.size(), 5);
        QCOMPARE(peers.size(), 3); // new connections after the 421 and after the drop
        // Followed by the next envelope: each message whose successor was queued while its own transaction
        // could still reach the data; the last one has none, and neither does anything without PIPELINING.
        for (const QString& to : {QStringLiteral("ok1@example.net"), QStringLiteral("ok3@example.net"),
                                  QStringLiteral("ok5@example.net"), QStringLiteral("ok7@example.net")}) {
            QVERIFY2(received.contains(to), qPrintable(to));
            QCOMPARE(received.value(to).value(QStringLiteral("followed_by_commands")).toBool(), pipelining);
        }
        QCOMPARE(received.value(QStringLiteral("ok9@example.net")).value(QStringLiteral("followed_by_commands")).toBool(), false);
    }

    // The same over STARTTLS, where replies come through libcurl's TLS layer: every message queued behind goes
    // out with the data before, and none waits for a reply already read (a reply left unseen would end in a
    // timeout).
    void messagesQueuedBehindGoOverTls()
    {
        test::SmtpTestServer server;
        QString certificate, key;
        QVERIFY(server.makeCertificate(&certificate, &key));
        QVERIFY2(server.start({QStringLiteral("--pipelining"), QStringLiteral("--tls-cert"), certificate,
                               QStringLiteral("--tls-key"), key, QStringLiteral("--require-tls")}),
                 qPrintable(server.lastError()));
        SmtpSettings settings = plain(server.port());
        settings.tls = Provider::Tls::StartTlsRequired;
        settings.caFile = certificate;
        settings.timeoutMs = 5000; // a reply left unseen would show as a timeout
        SmtpTransport transport(settings);
        std::vector<OutgoingMessage> messages;
        for (int i = 1; i <= 20; ++i)
            messages.push_back(message(QStringLiteral("tls%1@example.net").arg(i), i));
        TransferLoop loop(1);
        size_t going = 0;
        transport.start(messages[0], loop, &messages[0]);
        while (going < messages.size()) {
            if (going + 1 < messages.size() && transport.acceptsNext())
                transport.queueNext(messages[going + 1]);
            const QList<TransferLoop::Ended> ended = loop.run(10000);
            if (ended.isEmpty())
                continue;
            const DeliveryOutcome outcome = transport.finish(ended.first());
            QVERIFY2(outcome.isSent(), qPrintable(QStringLiteral("message %1: %2").arg(going + 1).arg(outcome.text)));
            if (++going < messages.size())
                transport.start(messages[going], loop, &messages[going]);
        }
        QVERIFY(server.waitForMessages(20));
        QSet<QString> peers;
        int followed = 0;
        for (const QJsonObject& record : server.messages()) {
            QVERIFY(record.value(QStringLiteral("tls")).toBool());
            peers.insert(record.value(QStringLiteral("peer")).toString());
            followed += record.value(QStringLiteral("followed_by_commands")).toBool() ? 1 : 0;
        }
        QCOMPARE(peers.size(), 1);
        QCOMPARE(followed, 19); // all but the last
    }

    void unreachableServerIsAProviderProblem()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const int port = probe.serverPort();
        probe.close();
        SmtpTransport transport(plain(port));
        const DeliveryOutcome outcome = transport.send(message(QStringLiteral("a@example.net")));
        QVERIFY(outcome.kind == DeliveryOutcome::Kind::Temporary);
        QVERIFY(outcome.providerProblem);
        QVERIFY2(outcome.text.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(outcome.text));
        const auto banner = transport.probe();
        QVERIFY(!banner.ok());
        QVERIFY2(banner.error().message.contains(QLatin1String("127.0.0.1")), qPrintable(banner.error().message));
    }

    void probeShowsTheBanner()
    {
        test::SmtpTestServer server;
        QVERIFY(server.start());
        SmtpTransport transport(plain(server.port()));
        const auto banner = transport.probe();
        QVERIFY2(banner.ok(), qPrintable(banner.error().message));
        QVERIFY2(banner.value().startsWith(QLatin1String("220 herald-test-smtp.example")), qPrintable(banner.value()));
    }

    // One TLS handshake for many messages: the connection check before each message (SmtpTransport's
    // idleConnectionIsGone) reads through TLS, not the raw socket.
    void keepsOneTlsConnectionForManyMessages_data() { addPipelining(); }
    void keepsOneTlsConnectionForManyMessages()
    {
        QFETCH(bool, pipelining);
        test::SmtpTestServer server;
        QString certificate, key;
        QVERIFY(server.makeCertificate(&certificate, &key));
        QVERIFY2(server.start(serverOptions(pipelining) << QStringLiteral("--tls-cert") << certificate << QStringLiteral("--tls-key")
                                                        << key << QStringLiteral("--require-tls")),
                 qPrintable(server.lastError()));
        SmtpSettings settings = plain(server.port());
        settings.tls = Provider::Tls::StartTlsRequired;
        settings.caFile = certificate;
        SmtpTransport transport(settings);
        for (int i = 1; i <= 5; ++i) {
            const DeliveryOutcome outcome = transport.send(message(QStringLiteral("t%1@example.net").arg(i), i));
            QVERIFY2(outcome.isSent(), qPrintable(outcome.text));
        }
        QVERIFY(server.waitForMessages(5));
        QSet<QString> peers;
        for (const QJsonObject& record : server.messages()) {
            QVERIFY(record.value(QStringLiteral("tls")).toBool());
            peers.insert(record.value(QStringLiteral("peer")).toString());
        }
        QCOMPARE(peers.size(), 1);
    }

    void starttlsRequiredIsEnforced()
    {
        test::SmtpTestServer server; // offers no STARTTLS
        QVERIFY(server.start());
        SmtpSettings settings = plain(server.port());
        settings.tls = Provider::Tls::StartTlsRequired;
        SmtpTransport transport(settings);
        const DeliveryOutcome outcome = transport.send(message(QStringLiteral("a@example.net")));
        QVERIFY(!outcome.isSent());
        QVERIFY(outcome.providerProblem);
        QCOMPARE(server.messages().size(), 0); // nothing went out in clear text
    }

    void starttlsWithVerifiedCertificateAndAuth()
    {
        test::SmtpTestServer server;
        QString certificate, key;
        QVERIFY(server.makeCertificate(&certificate, &key));
        QVERIFY2(server.start({QStringLiteral("--tls-cert"), certificate, QStringLiteral("--tls-key"), key,
                               QStringLiteral("--require-tls"), QStringLiteral("--auth"), QStringLiteral("herald:s3cret")}),
                 qPrintable(server.lastError()));
        SmtpSettings settings = plain(server.port());
        settings.tls = Provider::Tls::StartTlsRequired;
        settings.caFile = certificate;
        settings.username = QStringLiteral("herald");
        settings.password = QStringLiteral("s3cret");
        {
            SmtpTransport transport(settings);
            const DeliveryOutcome outcome = transport.send(message(QStringLiteral("a@example.net")));
            QVERIFY2(outcome.isSent(), qPrintable(outcome.text));
        }
        QVERIFY(server.waitForMessages(1));
        QVERIFY(server.messages().first().value(QStringLiteral("tls")).toBool());

        settings.password = QStringLiteral("wrong");
        SmtpTransport wrongPassword(settings);
        const DeliveryOutcome refused = wrongPassword.send(message(QStringLiteral("b@example.net")));
        QVERIFY(!refused.isSent());
        QVERIFY(refused.kind == DeliveryOutcome::Kind::Temporary); // the message is not at fault
        QVERIFY(refused.providerProblem);

        settings.password = QStringLiteral("s3cret");
        settings.caFile.clear(); // self-signed and not trusted: refused, not sent
        SmtpTransport untrusted(settings);
        const DeliveryOutcome unverified = untrusted.send(message(QStringLiteral("c@example.net")));
        QVERIFY(!unverified.isSent());
        QVERIFY(unverified.providerProblem);
        QCOMPARE(server.messages().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSmtpTransport)
#include "TestSmtpTransport.moc"
