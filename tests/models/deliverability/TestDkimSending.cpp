#include "DatabaseTestCase.h"
#include "DkimVerifier.h"
#include "OpenDkimVerifier.h"
#include "ParsedMessage.h"
#include "SendingFixture.h"
#include "SmtpTestServer.h"
#include "compose/DkimKeyPair.h"
#include "deliverability/DkimKeyring.h"
#include "sending/SendEngineFactory.h"
#include "sending/TestMessageSender.h"
#include "storage/CampaignAttachmentRepository.h"
#include "storage/CampaignRepository.h"
#include "storage/DkimKeyRepository.h"
#include "storage/SecretStore.h"

#include <QCryptographicHash>
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

    // A test send of campaign 1 to the first nonprofit through the first provider: the message the server got.
    QByteArray testSend(test::SmtpTestServer& server)
    {
        const int before = server.messages().size();
        const Campaign campaign = CampaignRepository(database()).find(1).value();
        const auto outcome = TestMessageSender(database()).send(campaign, count(QStringLiteral("SELECT min(id) FROM nonprofits")),
                                                                QStringLiteral("me@staff.example.org"),
                                                                count(QStringLiteral("SELECT min(id) FROM providers")));
        if (!outcome || !outcome->isSent() || !server.waitForMessages(before + 1)) {
            qWarning("test send failed: %s", qPrintable(outcome ? outcome->text : outcome.error().message));
            return {};
        }
        return QByteArray::fromBase64(server.messages().last().value(QStringLiteral("data")).toString().toLatin1());
    }

    // Attaches a binary "PDF" and a file with a long non-ASCII name to campaign 1: their names and SHA-256.
    QList<QPair<QString, QString>> attachFiles()
    {
        QByteArray report("%PDF-1.7\n");
        for (int i = 0; i < 300000; ++i)
            report += char((i * 7919u) % 256u); // every byte value, line ends and NULs among them
        const QList<QPair<QString, QByteArray>> files{
            {QStringLiteral("annual-report-2026.pdf"), report},
            {QStringLiteral("Informe anual 2026 – Fundación Niños de Córdoba, résumé des activités (版).pdf"),
             QByteArrayLiteral("%PDF-1.4\n\x00\xff\r\n")}};
        QList<QPair<QString, QString>> expected;
        for (const auto& [name, bytes] : files) {
            auto added = CampaignAttachmentRepository(database()).add(1, name, bytes);
            if (!added) {
                qWarning("%s", qPrintable(added.error().message));
                return {};
            }
            expected.append({name, QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())});
        }
        return expected;
    }

    // Python's email package sees multipart/mixed around the intact alternative, then the files as attached.
    static void checkAttachments(const QByteArray& message, const QList<QPair<QString, QString>>& expected)
    {
        const QJsonObject parsed = test::parseMessage(message);
        QCOMPARE(parsed.value(QStringLiteral("content_type")).toString(), QStringLiteral("multipart/mixed"));
        QCOMPARE(parsed.value(QStringLiteral("multiparts")).toArray(),
                 (QJsonArray{QStringLiteral("multipart/mixed"), QStringLiteral("multipart/alternative")}));
        QVERIFY(parsed.value(QStringLiteral("defects")).toArray().isEmpty());
        const QJsonArray parts = parsed.value(QStringLiteral("parts")).toArray();
        QCOMPARE(parts.size(), 2 + expected.size());
        QCOMPARE(parts.at(0)[QStringLiteral("content_type")].toString(), QStringLiteral("text/plain"));
        QVERIFY(parts.at(0)[QStringLiteral("content")].toString().startsWith(QLatin1String("Dear ")));
        QCOMPARE(parts.at(1)[QStringLiteral("content_type")].toString(), QStringLiteral("text/html"));
        QVERIFY(parts.at(1)[QStringLiteral("content")].toString().contains(QLatin1String("<p>Dear ")));
        for (int i = 0; i < expected.size(); ++i) {
            const QJsonObject part = parts.at(2 + i).toObject();
            QCOMPARE(part.value(QStringLiteral("disposition")).toString(), QStringLiteral("attachment"));
            QCOMPARE(part.value(QStringLiteral("filename")).toString(), expected.at(i).first);
            QCOMPARE(part.value(QStringLiteral("transfer_encoding")).toString(), QStringLiteral("base64"));
            QVERIFY(part.value(QStringLiteral("defects")).toArray().isEmpty());
            QCOMPARE(part.value(QStringLiteral("content_type")).toString(), QStringLiteral("application/pdf"));
            QCOMPARE(part.value(QStringLiteral("sha256")).toString(), expected.at(i).second);
        }
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

    void ed25519KeySignsBesideRsa()
    {
        auto ed25519 = DkimKeyPair::generate(DkimKeyPair::Algorithm::Ed25519);
        QVERIFY(ed25519.ok());
        const QString edSelector = QStringLiteral("herald202611e");
        // Beside an RSA key only: receivers that do not know Ed25519 need the RSA signature.
        prepareCampaign(4);
        const auto alone = DkimKeyring(database()).store(QStringLiteral("example.org"), edSelector, ed25519.value());
        QVERIFY(!alone.ok());
        QVERIFY2(alone.error().message.contains(QLatin1String("RSA key first")), qPrintable(alone.error().message));
        storeKey();
        const auto sameRecord = DkimKeyring(database()).store(QStringLiteral("example.org"), m_selector, ed25519.value());
        QVERIFY(!sameRecord.ok()); // one TXT record per key
        auto stored = DkimKeyring(database()).store(QStringLiteral("example.org"), edSelector, ed25519.value());
        QVERIFY2(stored.ok(), qPrintable(stored.error().message));
        QCOMPARE(DkimKeyRepository(database()).find(QStringLiteral("example.org"))->ed25519PublicKey,
                 ed25519->publicKeyBase64());

        test::SmtpTestServer server;
        QVERIFY2(server.start({QStringLiteral("--keep-data")}), qPrintable(server.lastError()));
        QVERIFY(test::SendingFixture::addSmtpProvider(database(), QStringLiteral("relay"), server.port()));
        QString error;
        const QList<QByteArray> messages = sendCampaign(server, 4, &error);
        QVERIFY2(messages.size() == 4, qPrintable(error));
        QJsonObject zone = this->zone();
        zone.insert(DkimKeyPair::recordName(edSelector, QStringLiteral("example.org")),
                    QJsonArray{DkimKeyPair::txtRecordValue(ed25519->publicKeyBase64(), DkimKeyPair::Algorithm::Ed25519)});
        for (const QByteArray& message : messages) {
            QCOMPARE(message.count("DKIM-Signature:"), 2);
            for (const auto& verdict : {test::DkimVerifier::verify(message, zone), test::OpenDkimVerifier::verify(message, zone)}) {
                QVERIFY2(verdict.verified, qPrintable(verdict.error));
                QCOMPARE(verdict.signatures.size(), 2);
                QCOMPARE(verdict.signatures.at(0).algorithm, QStringLiteral("rsa-sha256"));
                QCOMPARE(verdict.signatures.at(1).algorithm, QStringLiteral("ed25519-sha256"));
                QCOMPARE(verdict.signatures.at(1).selector, edSelector);
            }
        }
        // Without its private half on this computer the engine does not start (as for RSA).
        QVERIFY(SecretStore::instance().remove(DkimDomainKey::ed25519SecretKey(QStringLiteral("example.org"))).ok());
        const auto keys = DkimKeyring(database()).signingKeys();
        QVERIFY(!keys.ok());
        QVERIFY2(keys.error().message.contains(QLatin1String("HERALD_DKIM_ED25519_KEY_EXAMPLE_ORG")), qPrintable(keys.error().message));
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
        const QByteArray message = testSend(server);
        const auto verdict = test::DkimVerifier::verify(message, zone());
        QVERIFY2(verdict.verified, qPrintable(verdict.error));
    }

    // Issue 17: attachments go in real sends as multipart/mixed, signed, and parse back byte for byte.
    void messagesWithAttachmentsAreSignedAndParseBack()
    {
        test::SmtpTestServer server;
        QVERIFY2(server.start({QStringLiteral("--keep-data")}), qPrintable(server.lastError()));
        prepareCampaign(2);
        const auto expected = attachFiles();
        QCOMPARE(expected.size(), 2);
        storeKey();
        QVERIFY(test::SendingFixture::addSmtpProvider(database(), QStringLiteral("relay"), server.port()));
        QString error;
        const QList<QByteArray> messages = sendCampaign(server, 2, &error);
        QVERIFY2(messages.size() == 2, qPrintable(error));
        for (const QByteArray& message : messages) {
            QVERIFY(message.size() > 400000); // the engine's message holds the 300 KB file, base64
            const auto verdict = test::DkimVerifier::verify(message, zone());
            QVERIFY2(verdict.verified, qPrintable(verdict.error));
            checkAttachments(message, expected);
        }
        // A test send carries them too.
        checkAttachments(testSend(server), expected);
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
