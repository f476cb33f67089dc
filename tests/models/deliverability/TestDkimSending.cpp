#include "DatabaseTestCase.h"
#include "DkimVerifier.h"
#include "SendingFixture.h"
#include "SmtpTestServer.h"
#include "compose/DkimKeyPair.h"
#include "deliverability/DkimKeyring.h"
#include "sending/SendEngineFactory.h"
#include "sending/TestMessageSender.h"
#include "storage/CampaignRepository.h"
#include "storage/DkimKeyRepository.h"
#include "storage/SecretStore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// Messages the send engine (and a test send) hands to our SMTP test server carry a DKIM signature that an
// independent verifier (python3-dkim) accepts with the TXT record Settings shows; a provider that signs for
// itself gets them unsigned; an engine whose private key is missing does not start.
class TestDkimSending : public test::DatabaseTestCase
{
    Q_OBJECT

    DkimKeyPair m_key;
    const QString m_selector = QStringLiteral("herald202611");

    qint64 count(const QString& sql) { return test::SendingFixture::count(database(), sql); }
    bool exec(const QString& sql) { return test::SendingFixture::exec(database(), sql); }

    QJsonObject zone() const
    {
        return {{DkimKeyPair::recordName(m_selector, QStringLiteral("example.org")),
                 QJsonArray{DkimKeyPair::txtRecordValue(m_key.publicKeyBase64())}}};
    }

    // A campaign with non-ASCII words in the subject, sender and recipient names, queued for `recipients`.
    void prepareCampaign(int recipients)
    {
        QVERIFY(test::SendingFixture::addCampaign(database()));
        QVERIFY(exec(QStringLiteral("UPDATE campaigns SET subject = 'Grüße an {{name}} — Frühjahrsgala 🎉', "
                                    "from_name = 'Fondation Écoute' WHERE id = 1")));
        QVERIFY(test::SendingFixture::addNonprofits(database(), recipients));
        QVERIFY(exec(QStringLiteral("UPDATE nonprofits SET name = 'Société Sœur ' || name")));
    }

    void storeKey()
    {
        auto stored = DkimKeyring(database()).store(QStringLiteral("Example.org"), m_selector, m_key);
        QVERIFY2(stored.ok(), qPrintable(stored.error().message));
        QCOMPARE(stored->domain, QStringLiteral("example.org"));
    }

    QList<QByteArray> sendCampaign(test::SmtpTestServer& server, int recipients, QString* error)
    {
        if (!test::SendingFixture::startCampaign(database())) {
            *error = QStringLiteral("the campaign could not be queued");
            return {};
        }
        EngineSettings settings;
        settings.senders = 2;
        settings.recoveryIntervalMs = 200;
        auto engine = SendEngineFactory::create(database(), settings, [](const Provider&) { return QString(); });
        if (!engine) {
            *error = engine.error().message;
            return {};
        }
        if (Status started = engine.value()->start(); !started) {
            *error = started.error().message;
            return {};
        }
        const bool arrived = server.waitForMessages(recipients, 30000);
        engine.value()->stop();
        if (!arrived) {
            *error = engine.value()->snapshot().lastError;
            return {};
        }
        QList<QByteArray> messages;
        for (const QJsonObject& record : server.messages())
            messages << QByteArray::fromBase64(record.value(QStringLiteral("data")).toString().toLatin1());
        return messages;
    }

private slots:
    void initTestCase()
    {
        SecretStore::instance().setKeychainDisabled(true); // the key is kept for the session: no D-Bus here
        auto generated = DkimKeyPair::generate();
        QVERIFY(generated.ok());
        m_key = generated.value();
    }

    void cleanup() { SecretStore::instance().forgetSession(); }

    void everyMessageIsSignedAndVerifies()
    {
        test::SmtpTestServer server;
        QVERIFY2(server.start({QStringLiteral("--keep-data")}), qPrintable(server.lastError()));
        prepareCampaign(12);
        storeKey();
        QVERIFY(test::SendingFixture::addSmtpProvider(database(), QStringLiteral("relay"), server.port()));
        QString error;
        const QList<QByteArray> messages = sendCampaign(server, 12, &error);
        QVERIFY2(messages.size() == 12, qPrintable(error));
        for (const QByteArray& message : messages) {
            QVERIFY(message.startsWith("DKIM-Signature:"));
            QCOMPARE(message.count("DKIM-Signature:"), 1); // signed once, whatever the retries
            const auto verdict = test::DkimVerifier::verify(message, zone());
            QVERIFY2(verdict.verified, qPrintable(verdict.error + QLatin1Char('\n') + QString::fromUtf8(message.left(1500))));
            QCOMPARE(verdict.selector, m_selector);
            QVERIFY(verdict.signedHeaders.contains(QStringLiteral("list-unsubscribe-post")));
        }
        // RFC 2047 words were signed as sent.
        QVERIFY(messages.first().contains("=?UTF-8?"));
        // The same message, changed on the way, fails.
        QByteArray tampered = messages.first();
        tampered.replace("Dear", "Dead");
        QVERIFY(!test::DkimVerifier::verify(tampered, zone()).verified);
    }

    void providerThatSignsItselfGetsNoSignature()
    {
        test::SmtpTestServer server;
        QVERIFY2(server.start({QStringLiteral("--keep-data")}), qPrintable(server.lastError()));
        prepareCampaign(3);
        storeKey();
        QVERIFY(test::SendingFixture::addSmtpProvider(database(), QStringLiteral("signs itself"), server.port()));
        QVERIFY(exec(QStringLiteral("UPDATE providers SET dkim_sign = %1").arg(test::TestDatabase::backendName() == QLatin1String("postgres")
                                                                                    ? QStringLiteral("false")
                                                                                    : QStringLiteral("0"))));
        SecretStore::instance().forgetSession(); // not even asked for: nothing is signed
        QString error;
        const QList<QByteArray> messages = sendCampaign(server, 3, &error);
        QVERIFY2(messages.size() == 3, qPrintable(error));
        for (const QByteArray& message : messages)
            QVERIFY(!message.contains("DKIM-Signature"));
    }

    void missingPrivateKeyStopsTheEngineUntilGiven()
    {
        test::SmtpTestServer server;
        QVERIFY2(server.start({QStringLiteral("--keep-data")}), qPrintable(server.lastError()));
        prepareCampaign(2);
        storeKey();
        QVERIFY(test::SendingFixture::addSmtpProvider(database(), QStringLiteral("relay"), server.port()));
        SecretStore::instance().forgetSession(); // another computer: the database has the row, not the key
        QString error;
        QVERIFY(sendCampaign(server, 2, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("example.org")) && error.contains(QLatin1String("HERALD_DKIM_KEY_EXAMPLE_ORG")),
                 qPrintable(error));
        QCOMPARE(server.messages().size(), 0);

        // A headless worker gets it from the environment: a PEM file's path.
        QTemporaryDir dir;
        QFile pem(dir.filePath(QStringLiteral("example.org.pem")));
        QVERIFY(pem.open(QIODevice::WriteOnly));
        pem.write(m_key.privateKeyPem());
        pem.close();
        qputenv("HERALD_DKIM_KEY_EXAMPLE_ORG", pem.fileName().toLocal8Bit());
        error.clear();
        const QList<QByteArray> messages = sendCampaign(server, 2, &error);
        qunsetenv("HERALD_DKIM_KEY_EXAMPLE_ORG");
        QVERIFY2(messages.size() == 2, qPrintable(error));
        QVERIFY(test::DkimVerifier::verify(messages.first(), zone()).verified);

        // A private key that is not the database's (someone generated a new one elsewhere) is refused by name.
        auto other = DkimKeyPair::generate();
        QVERIFY(other.ok());
        SecretStore::instance().rememberForSession(DkimDomainKey::secretKey(QStringLiteral("example.org")),
                                                   QString::fromLatin1(other->privateKeyPem()));
        auto keys = DkimKeyring(database()).signingKeys();
        QVERIFY(!keys.ok());
        QVERIFY2(keys.error().message.contains(QLatin1String("does not match")), qPrintable(keys.error().message));
    }

    void testSendIsSigned()
    {
        test::SmtpTestServer server;
        QVERIFY2(server.start({QStringLiteral("--keep-data")}), qPrintable(server.lastError()));
        prepareCampaign(1);
        storeKey();
        QVERIFY(test::SendingFixture::addSmtpProvider(database(), QStringLiteral("relay"), server.port()));
        const Campaign campaign = CampaignRepository(database()).find(1).value();
        const auto outcome = TestMessageSender(database()).send(campaign, count(QStringLiteral("SELECT min(id) FROM nonprofits")),
                                                                QStringLiteral("me@staff.example.org"),
                                                                count(QStringLiteral("SELECT min(id) FROM providers")));
        QVERIFY2(outcome.ok(), qPrintable(outcome.error().message));
        QVERIFY2(outcome->isSent(), qPrintable(outcome->text));
        QVERIFY(server.waitForMessages(1));
        const QByteArray message = QByteArray::fromBase64(server.messages().first().value(QStringLiteral("data")).toString().toLatin1());
        const auto verdict = test::DkimVerifier::verify(message, zone());
        QVERIFY2(verdict.verified, qPrintable(verdict.error));
    }

    void keysAreStoredPerDomain()
    {
        storeKey();
        auto second = DkimKeyPair::generate();
        QVERIFY(second.ok());
        // A new key for the domain replaces the old one, under its own selector.
        QVERIFY(DkimKeyring(database()).store(QStringLiteral("example.org"), QStringLiteral("herald202612"), second.value()).ok());
        auto rows = DkimKeyRepository(database()).list();
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().selector, QStringLiteral("herald202612"));
        QCOMPARE(rows->first().publicKey, second->publicKeyBase64());
        QCOMPARE(rows->first().bits, 2048);
        QCOMPARE(SecretStore::instance().read(DkimDomainKey::secretKey(QStringLiteral("example.org"))).value(),
                 QString::fromLatin1(second->privateKeyPem()));
        // Bad names are refused before anything is kept.
        QCOMPARE(DkimKeyring(database()).store(QStringLiteral("example"), m_selector, m_key).error().field, QStringLiteral("domain"));
        QCOMPARE(DkimKeyring(database()).store(QStringLiteral("example.net"), QStringLiteral("bad selector"), m_key).error().field,
                 QStringLiteral("selector"));
        QVERIFY(!SecretStore::instance().read(DkimDomainKey::secretKey(QStringLiteral("example.net"))).ok());
        QVERIFY(DkimKeyring(database()).remove(QStringLiteral("example.org")).ok());
        QCOMPARE(DkimKeyRepository(database()).list()->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDkimSending)
#include "TestDkimSending.moc"
