#include "SendGridTestServer.h"
#include "SmtpTestServer.h"
#include "compose/CampaignMessageComposer.h"
#include "sending/providers/SendGridTransport.h"
#include "sending/providers/SmtpTransport.h"
#include "sending/providers/TransportFactory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

using namespace herald;

// SendGrid's v3 mail API through libcurl against our strict test server on loopback: many messages over
// one kept-alive connection, the documented request shape, every answer classified, the key checked.
class TestSendGridTransport : public QObject
{
    Q_OBJECT

    const QByteArray m_secret{"test secret"};

    static Campaign campaign()
    {
        Campaign campaign;
        campaign.id = 7;
        campaign.name = QStringLiteral("Gala");
        campaign.subject = QStringLiteral("Café night for {{name}} — ✓");
        campaign.textBody = QStringLiteral("Dear {{name}},\nJoin us.\nUnsubscribe: {{unsubscribe_url}}\n");
        campaign.htmlBody = QStringLiteral("<p>Dear {{name}},</p><p>Join us.</p>");
        campaign.fromName = QStringLiteral("Ünited Food Bänks");
        campaign.fromEmail = QStringLiteral("news@example.org");
        campaign.replyTo = QStringLiteral("replies@example.org");
        campaign.unsubscribeBaseUrl = QStringLiteral("https://herald.example.org/unsubscribe");
        return campaign;
    }

    OutgoingMessage message(const QString& to, qint64 sendId = 1, const Campaign& from = campaign()) const
    {
        Nonprofit recipient;
        recipient.name = QStringLiteral("Àlpha Food Bank");
        recipient.email = to;
        const CampaignMessageComposer composer(from, m_secret);
        auto composed = composer.compose(sendId, recipient, QDate(2026, 11, 23));
        if (!composed)
            qFatal("cannot compose: %s", qPrintable(composed.error().message));
        return std::move(composed).value();
    }

    static SendGridSettings local(int port, const QString& key = test::SendGridTestServer::DefaultKey)
    {
        SendGridSettings settings;
        settings.baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
        settings.apiKey = key;
        settings.timeoutMs = 8000;
        settings.connectTimeoutMs = 2000;
        return settings;
    }

    static int closedPort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        const int port = probe.serverPort();
        probe.close();
        return port;
    }

private slots:
    void deliversManyOverOneConnection()
    {
        test::SendGridTestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        SendGridTransport transport(local(server.port()));
        QSet<QString> providerIds;
        for (int i = 1; i <= 100; ++i) {
            const DeliveryOutcome outcome = transport.send(message(QStringLiteral("r%1@example.net").arg(i), i));
            QVERIFY2(outcome.isSent(), qPrintable(outcome.text));
            QCOMPARE(outcome.code, 202);
            QVERIFY(!outcome.providerMessageId.isEmpty());
            QVERIFY2(outcome.text.contains(outcome.providerMessageId), qPrintable(outcome.text));
            providerIds.insert(outcome.providerMessageId);
        }
        QCOMPARE(providerIds.size(), 100);
        QVERIFY(server.waitForRequests(100));
        QSet<QString> recordedIds;
        for (const QJsonObject& request : server.requests())
            recordedIds.insert(request.value(QStringLiteral("message_id")).toString());
        QCOMPARE(recordedIds, providerIds); // the id each outcome kept is the one the API gave
        QCOMPARE(server.peers().size(), 1); // one TCP connection for all 100 requests
    }

    void requestHasTheDocumentedShape()
    {
        test::SendGridTestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        SendGridTransport transport(local(server.port()));
        const OutgoingMessage sent = message(QStringLiteral("alpha@example.net"), 42);
        const DeliveryOutcome outcome = transport.send(sent);
        QVERIFY2(outcome.isSent(), qPrintable(outcome.text));
        QVERIFY(server.waitForRequests(1));
        const QJsonObject request = server.requests().first();
        QCOMPARE(request.value(QStringLiteral("content_type")).toString(), QStringLiteral("application/json"));
        const QJsonObject body = request.value(QStringLiteral("body")).toObject();

        const QJsonArray personalizations = body.value(QStringLiteral("personalizations")).toArray();
        QCOMPARE(personalizations.size(), 1);
        const QJsonArray to = personalizations.first().toObject().value(QStringLiteral("to")).toArray();
        QCOMPARE(to.size(), 1);
        QCOMPARE(to.first().toObject().value(QStringLiteral("email")).toString(), QStringLiteral("alpha@example.net"));
        QCOMPARE(to.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Àlpha Food Bank"));

        const QJsonObject from = body.value(QStringLiteral("from")).toObject();
        QCOMPARE(from.value(QStringLiteral("email")).toString(), QStringLiteral("news@example.org"));
        QCOMPARE(from.value(QStringLiteral("name")).toString(), QStringLiteral("Ünited Food Bänks"));
        QCOMPARE(body.value(QStringLiteral("reply_to")).toObject().value(QStringLiteral("email")).toString(),
                 QStringLiteral("replies@example.org"));
        QCOMPARE(body.value(QStringLiteral("subject")).toString(),
                 QStringLiteral("Café night for Àlpha Food Bank — ✓"));

        const QJsonArray content = body.value(QStringLiteral("content")).toArray();
        QCOMPARE(content.size(), 2);
        QCOMPARE(content.at(0).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("text/plain"));
        QCOMPARE(content.at(0).toObject().value(QStringLiteral("value")).toString(), sent.parts.textBody);
        QVERIFY2(sent.parts.textBody.startsWith(QStringLiteral("Dear Àlpha Food Bank,\n")),
                 qPrintable(sent.parts.textBody));
        QCOMPARE(content.at(1).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("text/html"));
        QCOMPARE(content.at(1).toObject().value(QStringLiteral("value")).toString(),
                 QStringLiteral("<p>Dear Àlpha Food Bank,</p><p>Join us.</p>"));

        const QJsonObject headers = body.value(QStringLiteral("headers")).toObject();
        QVERIFY(sent.parts.unsubscribeUrl.startsWith(QLatin1String("https://herald.example.org/unsubscribe?t=")));
        QCOMPARE(headers.value(QStringLiteral("List-Unsubscribe")).toString(), '<' + sent.parts.unsubscribeUrl + '>');
        QCOMPARE(headers.value(QStringLiteral("List-Unsubscribe-Post")).toString(),
                 QStringLiteral("List-Unsubscribe=One-Click"));
        QCOMPARE(body.value(QStringLiteral("custom_args")).toObject().value(QStringLiteral("send_id")).toString(),
                 QStringLiteral("42"));
        // SMTP still gets its MIME bytes from the same composition.
        QVERIFY(sent.data.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    }

    // A media library image embedded in the HTML goes as an inline attachment with the Content-ID its cid: names.
    void inlineImagesGoAsInlineAttachments()
    {
        Campaign withLogo = campaign();
        withLogo.htmlBody = QStringLiteral("<p><img src=\"media:logo.png\" alt=\"Logo\"></p>");
        MediaItem logo;
        logo.name = QStringLiteral("logo.png");
        logo.image.bytes = QByteArray("\x89PNG not really", 16);
        logo.image.contentType = QStringLiteral("image/png");
        logo.image.sha256 = QString(64, QLatin1Char('c'));
        Nonprofit recipient;
        recipient.email = QStringLiteral("a@example.net");
        CampaignMessageComposer composer(withLogo, m_secret);
        composer.setImages({logo});
        const auto composed = composer.compose(1, recipient);
        QVERIFY2(composed.ok(), qPrintable(composed.error().message));
        const QJsonObject body = QJsonDocument::fromJson(SendGridTransport::requestBody(composed.value())).object();
        const QJsonArray attachments = body.value(QStringLiteral("attachments")).toArray();
        QCOMPARE(attachments.size(), 1);
        const QJsonObject inlined = attachments.first().toObject();
        QCOMPARE(inlined.value(QStringLiteral("disposition")).toString(), QStringLiteral("inline"));
        QCOMPARE(inlined.value(QStringLiteral("type")).toString(), QStringLiteral("image/png"));
        QCOMPARE(QByteArray::fromBase64(inlined.value(QStringLiteral("content")).toString().toLatin1()), logo.image.bytes);
        const QString html = body.value(QStringLiteral("content")).toArray().last().toObject().value(QStringLiteral("value")).toString();
        QVERIFY2(html.contains(QStringLiteral("src=\"cid:%1\"").arg(inlined.value(QStringLiteral("content_id")).toString())), qPrintable(html));
    }

    void onlyTheBodiesThereAreAreSent_data()
    {
        QTest::addColumn<QString>("textBody");
        QTest::addColumn<QString>("htmlBody");
        QTest::addColumn<QStringList>("types");
        QTest::newRow("text only") << "Hello {{name}}" << "" << QStringList{QStringLiteral("text/plain")};
        QTest::newRow("html only") << "" << "<p>Hello</p>" << QStringList{QStringLiteral("text/html")};
    }

    void onlyTheBodiesThereAreAreSent()
    {
        QFETCH(QString, textBody);
        QFETCH(QString, htmlBody);
        QFETCH(QStringList, types);
        test::SendGridTestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        Campaign bodies = campaign();
        bodies.textBody = textBody;
        bodies.htmlBody = htmlBody;
        bodies.unsubscribeBaseUrl.clear();
        SendGridTransport transport(local(server.port()));
        const DeliveryOutcome outcome = transport.send(message(QStringLiteral("a@example.net"), 1, bodies));
        QVERIFY2(outcome.isSent(), qPrintable(outcome.text));
        QVERIFY(server.waitForRequests(1));
        const QJsonObject body = server.requests().first().value(QStringLiteral("body")).toObject();
        QStringList sentTypes;
        for (const QJsonValue& part : body.value(QStringLiteral("content")).toArray())
            sentTypes << part.toObject().value(QStringLiteral("type")).toString();
        QCOMPARE(sentTypes, types);
        QVERIFY(!body.contains(QStringLiteral("headers"))); // no unsubscribe link, no List-Unsubscribe
    }

    void faultsAreClassified_data()
    {
        QTest::addColumn<QString>("recipient");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("slowDown");
        QTest::addColumn<bool>("providerProblem");
        QTest::addColumn<int>("minRetryAfter");
        QTest::addColumn<int>("maxRetryAfter");
        QTest::addColumn<QString>("text");
        const int temporary = int(DeliveryOutcome::Kind::Temporary);
        const int permanent = int(DeliveryOutcome::Kind::Permanent);
        const int unknown = int(DeliveryOutcome::Kind::Unknown);
        // recipient, kind, code, slowDown, providerProblem, Retry-After from and to, words in the text
        QTest::newRow("429 Retry-After seconds")
            << "x+h429@example.net" << temporary << 429 << true << false << 7 << 7 << "too many requests";
        QTest::newRow("429 Retry-After date")
            << "x+h429date@example.net" << temporary << 429 << true << false << 5 << 8 << "too many requests";
        QTest::newRow("429 X-RateLimit-Reset")
            << "x+h429reset@example.net" << temporary << 429 << true << false << 5 << 8 << "too many requests";
        QTest::newRow("500") << "x+h500@example.net" << temporary << 500 << false << true << 0 << 0 << "Internal";
        QTest::newRow("503") << "x+h503@example.net" << temporary << 503 << false << true << 0 << 0 << "unavailable";
        QTest::newRow("403 key lacks permission")
            << "x+h403@example.net" << temporary << 403 << false << true << 0 << 0 << "access forbidden";
        QTest::newRow("400 bad request") << "x+h400@example.net" << permanent << 400 << false << false << 0 << 0
                                         << "Does not contain a valid address. (personalizations.0.to.0.email)";
        QTest::newRow("413 too large") << "x+h413@example.net" << permanent << 413 << false << false << 0 << 0
                                       << "too large";
        QTest::newRow("dropped after the request")
            << "x+drop@example.net" << unknown << 0 << false << true << 0 << 0 << "127.0.0.1";
    }

    void faultsAreClassified()
    {
        QFETCH(QString, recipient);
        QFETCH(int, kind);
        QFETCH(int, code);
        QFETCH(bool, slowDown);
        QFETCH(bool, providerProblem);
        QFETCH(int, minRetryAfter);
        QFETCH(int, maxRetryAfter);
        QFETCH(QString, text);
        test::SendGridTestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        SendGridTransport transport(local(server.port()));
        const DeliveryOutcome outcome = transport.send(message(recipient));
        QVERIFY2(int(outcome.kind) == kind,
                 qPrintable(QStringLiteral("kind %1: %2").arg(int(outcome.kind)).arg(outcome.text)));
        QCOMPARE(outcome.code, code);
        QCOMPARE(outcome.slowDown, slowDown);
        QCOMPARE(outcome.providerProblem, providerProblem);
        QVERIFY2(outcome.retryAfterSeconds >= minRetryAfter && outcome.retryAfterSeconds <= maxRetryAfter,
                 qPrintable(QString::number(outcome.retryAfterSeconds)));
        QVERIFY2(outcome.text.contains(text), qPrintable(outcome.text));
        QVERIFY(!outcome.hardBounce);
        // The handle recovers: the next message on the same transport goes through.
        const DeliveryOutcome next = transport.send(message(QStringLiteral("ok@example.net"), 2));
        QVERIFY2(next.isSent(), qPrintable(next.text));
        QCOMPARE(server.requests().size(), 1);
    }

    void aRequestOfTheWrongShapeIsRefused()
    {
        test::SendGridTestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        SendGridTransport transport(local(server.port()));
        OutgoingMessage noSubject = message(QStringLiteral("a@example.net"));
        noSubject.parts.subject.clear();
        const DeliveryOutcome outcome = transport.send(noSubject);
        QVERIFY(outcome.kind == DeliveryOutcome::Kind::Permanent);
        QCOMPARE(outcome.code, 400);
        QVERIFY2(outcome.text.contains(QLatin1String("The subject is required. (subject)")), qPrintable(outcome.text));
        QCOMPARE(server.requests().size(), 0);
    }

    void aTimeoutAfterTheRequestLeavesTheOutcomeUnknown()
    {
        test::SendGridTestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        SendGridSettings settings = local(server.port());
        settings.timeoutMs = 1000;
        SendGridTransport transport(settings);
        const DeliveryOutcome outcome = transport.send(message(QStringLiteral("x+slow3@example.net")));
        QVERIFY2(outcome.kind == DeliveryOutcome::Kind::Unknown, qPrintable(outcome.text)); // it may have been queued
        QVERIFY(outcome.providerProblem);
        QCOMPARE(outcome.code, 0);
    }

    void aWrongKeyIsTheProvidersProblem()
    {
        test::SendGridTestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        const QString wrongKey = QStringLiteral("SG.wrong-key");
        SendGridTransport transport(local(server.port(), wrongKey));
        const DeliveryOutcome outcome = transport.send(message(QStringLiteral("a@example.net")));
        QVERIFY(outcome.kind == DeliveryOutcome::Kind::Temporary); // the message is not at fault
        QCOMPARE(outcome.code, 401);
        QVERIFY(outcome.providerProblem);
        QVERIFY2(outcome.text.contains(QLatin1String("API key")), qPrintable(outcome.text));
        QVERIFY(!outcome.text.contains(wrongKey)); // the key is never shown

        const auto probed = transport.probe();
        QVERIFY(!probed.ok());
        QVERIFY(probed.error().kind == Error::Kind::Authentication);
        QVERIFY2(probed.error().message.contains(QLatin1String("401")), qPrintable(probed.error().message));
        QVERIFY(!probed.error().message.contains(wrongKey));
        QCOMPARE(server.requests().size(), 0);
    }

    void anUnreachablePortIsTheProvidersProblem()
    {
        const int port = closedPort();
        SendGridTransport transport(local(port));
        const DeliveryOutcome outcome = transport.send(message(QStringLiteral("a@example.net")));
        QVERIFY(outcome.kind == DeliveryOutcome::Kind::Temporary); // nothing went out: safe to retry
        QVERIFY(outcome.providerProblem);
        QCOMPARE(outcome.code, 0);
        QVERIFY2(outcome.text.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(outcome.text));
        const auto probed = transport.probe();
        QVERIFY(!probed.ok());
        QVERIFY(probed.error().kind == Error::Kind::Connection);
        QVERIFY2(probed.error().message.contains(QLatin1String("127.0.0.1")), qPrintable(probed.error().message));
    }

    void probeChecksTheKey()
    {
        test::SendGridTestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        SendGridTransport transport(local(server.port()));
        const auto probed = transport.probe();
        QVERIFY2(probed.ok(), qPrintable(probed.error().message));
        QVERIFY2(probed.value().contains(QLatin1String("2 permission")), qPrintable(probed.value()));
        // The same handle sends afterwards, over the same connection.
        QVERIFY(transport.send(message(QStringLiteral("a@example.net"))).isSent());

        test::SendGridTestServer readOnly;
        QVERIFY2(readOnly.start({QStringLiteral("--scopes"), QStringLiteral("user.profile.read")}),
                 qPrintable(readOnly.lastError()));
        SendGridTransport cannotSend(local(readOnly.port()));
        const auto refused = cannotSend.probe();
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().kind == Error::Kind::Authentication);
        QVERIFY2(refused.error().message.contains(QLatin1String("Mail Send")), qPrintable(refused.error().message));
    }

    void retryAfterIsRead_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<QByteArray>("rateLimitReset");
        QTest::addColumn<int>("seconds");
        const QDateTime now(QDate(2026, 10, 21), QTime(7, 28, 0), Qt::UTC);
        const QByteArray inThirty = QByteArray::number(now.toSecsSinceEpoch() + 30);
        QTest::newRow("delay-seconds") << QByteArray("7") << QByteArray() << 7;
        QTest::newRow("HTTP date") << QByteArray("Wed, 21 Oct 2026 07:28:07 GMT") << QByteArray() << 7;
        QTest::newRow("date in the past") << QByteArray("Wed, 21 Oct 2026 07:27:00 GMT") << QByteArray() << 0;
        QTest::newRow("Retry-After wins") << QByteArray("3") << inThirty << 3;
        QTest::newRow("X-RateLimit-Reset") << QByteArray() << inThirty << 30;
        QTest::newRow("negative") << QByteArray("-5") << QByteArray() << 0;
        QTest::newRow("a year") << QByteArray("31536000") << QByteArray() << 86400;
        QTest::newRow("garbage") << QByteArray("soon") << QByteArray("later") << 0;
        QTest::newRow("nothing") << QByteArray() << QByteArray() << 0;
    }

    void retryAfterIsRead()
    {
        QFETCH(QByteArray, retryAfter);
        QFETCH(QByteArray, rateLimitReset);
        QFETCH(int, seconds);
        const QDateTime now(QDate(2026, 10, 21), QTime(7, 28, 0), Qt::UTC);
        QCOMPARE(SendGridTransport::retryAfterSeconds(retryAfter, rateLimitReset, now), seconds);
    }

    void httpStatusIsClassified_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("providerProblem");
        QTest::addColumn<bool>("slowDown");
        const int sent = int(DeliveryOutcome::Kind::Sent);
        const int temporary = int(DeliveryOutcome::Kind::Temporary);
        const int permanent = int(DeliveryOutcome::Kind::Permanent);
        QTest::newRow("202") << 202 << sent << false << false;
        QTest::newRow("400") << 400 << permanent << false << false;
        QTest::newRow("401") << 401 << temporary << true << false;
        QTest::newRow("403") << 403 << temporary << true << false;
        QTest::newRow("404 wrong base URL") << 404 << temporary << true << false;
        QTest::newRow("413") << 413 << permanent << false << false;
        QTest::newRow("429") << 429 << temporary << false << true;
        QTest::newRow("500") << 500 << temporary << true << false;
        QTest::newRow("503") << 503 << temporary << true << false;
        QTest::newRow("301 redirect") << 301 << temporary << true << false;
    }

    void httpStatusIsClassified()
    {
        QFETCH(int, status);
        QFETCH(int, kind);
        QFETCH(bool, providerProblem);
        QFETCH(bool, slowDown);
        const DeliveryOutcome outcome = DeliveryOutcome::fromHttpStatus(status, QStringLiteral("reason"), 5);
        QCOMPARE(int(outcome.kind), kind);
        QCOMPARE(outcome.code, status);
        QCOMPARE(outcome.providerProblem, providerProblem);
        QCOMPARE(outcome.slowDown, slowDown);
        QCOMPARE(outcome.retryAfterSeconds, slowDown || providerProblem ? 5 : 0);
    }

    void settingsComeFromTheProvider_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<int>("tls");
        QTest::addColumn<QString>("baseUrl");
        QTest::newRow("the service") << "" << 587 << int(Provider::Tls::None) << "https://api.sendgrid.com";
        QTest::newRow("EU host") << "api.eu.sendgrid.com" << 443 << int(Provider::Tls::Implicit)
                                 << "https://api.eu.sendgrid.com";
        QTest::newRow("plain local") << "127.0.0.1" << 8025 << int(Provider::Tls::None) << "http://127.0.0.1:8025";
        QTest::newRow("IPv6") << "::1" << 8443 << int(Provider::Tls::Implicit) << "https://[::1]:8443";
        QTest::newRow("whole URL") << "http://127.0.0.1:9/" << 587 << int(Provider::Tls::StartTlsRequired)
                                   << "http://127.0.0.1:9";
    }

    void settingsComeFromTheProvider()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(int, tls);
        QFETCH(QString, baseUrl);
        Provider provider;
        provider.kind = Provider::Kind::Http;
        provider.host = host;
        provider.port = port;
        provider.tls = Provider::Tls(tls);
        const SendGridSettings settings = SendGridSettings::fromProvider(provider, QStringLiteral("SG.k"));
        QCOMPARE(settings.baseUrl, baseUrl);
        QCOMPARE(settings.apiKey, QStringLiteral("SG.k"));
        QVERIFY(settings.verifyCertificate);
    }

    void theFactoryPicksTheTransportByKind()
    {
        test::SendGridTestServer api;
        QVERIFY2(api.start(), qPrintable(api.lastError()));
        Provider http;
        http.kind = Provider::Kind::Http;
        http.host = api.baseUrl();
        const auto sendGrid = TransportFactory::create(http, test::SendGridTestServer::DefaultKey);
        QVERIFY(dynamic_cast<SendGridTransport*>(sendGrid.get()));
        const DeliveryOutcome viaApi = sendGrid->send(message(QStringLiteral("a@example.net")));
        QVERIFY2(viaApi.isSent(), qPrintable(viaApi.text));

        test::SmtpTestServer smtp;
        QVERIFY2(smtp.start(), qPrintable(smtp.lastError()));
        Provider relay;
        relay.kind = Provider::Kind::Smtp;
        relay.host = QStringLiteral("127.0.0.1");
        relay.port = smtp.port();
        relay.tls = Provider::Tls::None;
        const auto smtpTransport = TransportFactory::create(relay, {});
        QVERIFY(dynamic_cast<SmtpTransport*>(smtpTransport.get()));
        const DeliveryOutcome viaSmtp = smtpTransport->send(message(QStringLiteral("b@example.net")));
        QVERIFY2(viaSmtp.isSent(), qPrintable(viaSmtp.text));
        QVERIFY(smtp.waitForMessages(1));
    }
};

QTEST_GUILESS_MAIN(TestSendGridTransport)
#include "TestSendGridTransport.moc"
