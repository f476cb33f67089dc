#include "DatabaseTestCase.h"
#include "SendingFixture.h"
#include "SmtpTestServer.h"
#include "sending/TestMessageSender.h"
#include "storage/CampaignRepository.h"
#include "storage/ProviderRepository.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace herald;

// "Test send" against our SMTP test server: the rendered message arrives once, at the typed address, and the
// server's reply (or refusal) comes back; nothing is queued.
class TestTestMessageSender : public test::DatabaseTestCase
{
    Q_OBJECT

    qint64 providerFor(int port)
    {
        Provider provider;
        provider.name = QStringLiteral("Local test server");
        provider.host = QStringLiteral("127.0.0.1");
        provider.port = port;
        provider.tls = Provider::Tls::None;
        const Status stored = ProviderRepository(database()).insert(provider);
        if (!stored.ok())
            qWarning("%s", qPrintable(stored.error().message));
        return provider.id;
    }

    Campaign campaign()
    {
        if (!test::SendingFixture::addCampaign(database()) || !test::SendingFixture::addNonprofits(database(), 3))
            return {};
        return CampaignRepository(database()).find(1).value();
    }

private slots:
    void messageArrivesAtTheTypedAddress()
    {
        test::SmtpTestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        const Campaign gala = campaign();
        QCOMPARE(gala.id, qint64(1));
        const qint64 provider = providerFor(server.port());
        const qint64 nonprofit = test::SendingFixture::count(database(), QStringLiteral("SELECT min(id) FROM nonprofits"));

        const auto outcome = TestMessageSender(database()).send(gala, nonprofit, QStringLiteral(" me@staff.example.org "),
                                                                provider);
        QVERIFY2(outcome.ok(), qPrintable(outcome.error().message));
        QVERIFY2(outcome->isSent(), qPrintable(outcome->text));
        QCOMPARE(outcome->code, 250);

        QVERIFY(server.waitForMessages(1));
        const QJsonObject received = server.messages().first();
        QCOMPARE(received.value(QStringLiteral("rcpt_tos")).toArray().first().toString(),
                 QStringLiteral("me@staff.example.org"));
        QCOMPARE(received.value(QStringLiteral("mail_from")).toString(), QStringLiteral("news@example.org"));
        // Rendered for the chosen nonprofit ("Org 0"), marked as a test.
        QCOMPARE(received.value(QStringLiteral("subject")).toString(), QStringLiteral("[Test] Hello Org 0"));
        QVERIFY(received.value(QStringLiteral("message_id")).toString().startsWith(QLatin1String("<test-")));
        QCOMPARE(test::SendingFixture::count(database(), QStringLiteral("SELECT count(*) FROM sends")), qint64(0));
    }

    void refusalAndBadInputAreReported()
    {
        test::SmtpTestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        const Campaign gala = campaign();
        const qint64 provider = providerFor(server.port());
        const qint64 nonprofit = test::SendingFixture::count(database(), QStringLiteral("SELECT min(id) FROM nonprofits"));
        TestMessageSender sender(database());

        const auto rejected = sender.send(gala, nonprofit, QStringLiteral("me+p550@staff.example.org"), provider);
        QVERIFY(rejected.ok());
        QVERIFY(!rejected->isSent());
        QCOMPARE(rejected->code, 550);
        QVERIFY2(rejected->text.contains(QLatin1String("User unknown")), qPrintable(rejected->text));

        const auto badAddress = sender.send(gala, nonprofit, QStringLiteral("me@staff"), provider);
        QCOMPARE(badAddress.error().field, QStringLiteral("address"));
        QVERIFY(badAddress.error().message.contains(QLatin1String("me@staff")));

        const auto noProvider = sender.send(gala, nonprofit, QStringLiteral("me@staff.example.org"), provider + 100);
        QCOMPARE(noProvider.error().kind, Error::Kind::NotFound);
        QCOMPARE(server.messages().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTestMessageSender)
#include "TestTestMessageSender.moc"
