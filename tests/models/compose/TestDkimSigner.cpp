#include "DkimVerifier.h"
#include "compose/DkimKeyPair.h"
#include "compose/DkimSigner.h"
#include "compose/MessageBuilder.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// DKIM signatures made by libopendkim, checked by another implementation (python3-dkim) against the public
// key a DNS TXT record would publish: non-ASCII (RFC 2047) subjects and names, tampering, keys generated and
// imported.
class TestDkimSigner : public QObject
{
    Q_OBJECT

    DkimKeyPair m_key;

    static MessageSpec spec(const QString& subject, const QString& toName)
    {
        MessageSpec spec;
        spec.fromName = QStringLiteral("Fondation Écoute");
        spec.fromEmail = QStringLiteral("news@example.org");
        spec.toName = toName;
        spec.toEmail = QStringLiteral("someone@example.net");
        spec.replyTo = QStringLiteral("office@example.org");
        spec.subject = subject;
        spec.textBody = QStringLiteral("Dear friend,\nthanks for everything. Grüße!\n");
        spec.htmlBody = QStringLiteral("<p>Dear friend,</p><p>thanks for everything. Grüße!</p>");
        spec.messageId = QStringLiteral("send-1.c1@example.org");
        spec.date = QDateTime(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
        spec.unsubscribeUrl = QStringLiteral("https://example.org/u?t=abc");
        return spec;
    }

    // The TXT record a receiver's DNS lookup finds.
    static QJsonObject zoneFor(const QString& selector, const QString& domain, const QString& publicKey)
    {
        return {{DkimKeyPair::recordName(selector, domain), QJsonArray{DkimKeyPair::txtRecordValue(publicKey)}}};
    }

    QByteArray signedMessage(const MessageSpec& message, DkimSigner& signer)
    {
        auto data = MessageBuilder::build(message);
        if (!data)
            qWarning("%s", qPrintable(data.error().message));
        auto signature = signer.sign(data.value(), QStringLiteral("example.org"));
        if (!signature)
            qWarning("%s", qPrintable(signature.error().message));
        return signature.value() + data.value();
    }

private slots:
    void initTestCase()
    {
        auto generated = DkimKeyPair::generate();
        QVERIFY2(generated.ok(), qPrintable(generated.error().message));
        m_key = generated.value();
        QCOMPARE(m_key.bits(), 2048);
        QVERIFY(m_key.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    void signatureVerifies_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("toName");
        QTest::newRow("ascii") << QStringLiteral("Hello Org 0") << QStringLiteral("Org 0");
        QTest::newRow("accents") << QStringLiteral("Invitation au gala d’automne — réservez") << QStringLiteral("Société Sœur");
        QTest::newRow("cjk and emoji") << QStringLiteral("年次報告 2026 🎉 thank you") << QStringLiteral("東京フードバンク");
        QTest::newRow("long subject folded")
            << QStringLiteral("A very long subject line that goes on and on about the spring gala, the auction, the "
                              "volunteers, the sponsors and the food bank’s new warehouse in Dover")
            << QStringLiteral("Ñandú Rescue, Inc.");
    }

    void signatureVerifies()
    {
        QFETCH(QString, subject);
        QFETCH(QString, toName);
        DkimSigner signer({DkimKey{QStringLiteral("example.org"), QStringLiteral("herald202611"), m_key.privateKeyPem()}});
        const QByteArray message = signedMessage(spec(subject, toName), signer);
        QVERIFY(message.startsWith("DKIM-Signature: "));
        QVERIFY2(!message.contains("\n\t") || message.contains("\r\n\t"), "folded with bare LF");

        const auto verdict = test::DkimVerifier::verify(
            message, zoneFor(QStringLiteral("herald202611"), QStringLiteral("example.org"), m_key.publicKeyBase64()));
        QVERIFY2(verdict.verified, qPrintable(verdict.error));
        QCOMPARE(verdict.domain, QStringLiteral("example.org"));
        QCOMPARE(verdict.selector, QStringLiteral("herald202611"));
        QCOMPARE(verdict.algorithm, QStringLiteral("rsa-sha256"));
        QCOMPARE(verdict.canonicalization, QStringLiteral("relaxed/relaxed"));
        for (const char* required : {"from", "to", "subject", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post"})
            QVERIFY2(verdict.signedHeaders.contains(QLatin1String(required)), required);
        // Signed once more than present: a second From or List-Unsubscribe added later breaks the signature.
        QCOMPARE(verdict.signedHeaders.count(QStringLiteral("from")), 2);
        QCOMPARE(verdict.signedHeaders.count(QStringLiteral("list-unsubscribe")), 2);
    }

    void tamperedMessagesFail_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::newRow("body") << QByteArray("thanks for everything") << QByteArray("thanks for nothing!!");
        QTest::newRow("message id") << QByteArray("Message-ID: <send-1.c1@") << QByteArray("Message-ID: <send-2.c1@");
        QTest::newRow("unsubscribe link") << QByteArray("https://example.org/u?t=abc") << QByteArray("https://evil.example/u?t=abc");
    }

    void tamperedMessagesFail()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        DkimSigner signer({DkimKey{QStringLiteral("example.org"), QStringLiteral("s1"), m_key.privateKeyPem()}});
        QByteArray message = signedMessage(spec(QStringLiteral("Hello"), QStringLiteral("Org")), signer);
        const QJsonObject zone = zoneFor(QStringLiteral("s1"), QStringLiteral("example.org"), m_key.publicKeyBase64());
        QVERIFY(test::DkimVerifier::verify(message, zone).verified);
        QVERIFY(message.contains(from));
        message.replace(from, to);
        const auto verdict = test::DkimVerifier::verify(message, zone);
        QVERIFY(!verdict.verified);
    }

    void addedHeaderOrOtherKeyFails()
    {
        DkimSigner signer({DkimKey{QStringLiteral("example.org"), QStringLiteral("s1"), m_key.privateKeyPem()}});
        const QByteArray message = signedMessage(spec(QStringLiteral("Hello"), QStringLiteral("Org")), signer);
        // A second Subject (over-signed) and DNS publishing another key.
        QByteArray added = message;
        added.insert(added.indexOf("Subject:"), "Subject: You won a prize\r\n");
        QVERIFY(!test::DkimVerifier::verify(added, zoneFor(QStringLiteral("s1"), QStringLiteral("example.org"),
                                                           m_key.publicKeyBase64())).verified);
        auto other = DkimKeyPair::generate();
        QVERIFY(other.ok());
        QVERIFY(!test::DkimVerifier::verify(message, zoneFor(QStringLiteral("s1"), QStringLiteral("example.org"),
                                                             other->publicKeyBase64())).verified);
    }

    void domainWithoutKeyIsNotSigned()
    {
        DkimSigner signer({DkimKey{QStringLiteral("Example.ORG"), QStringLiteral("s1"), m_key.privateKeyPem()}});
        QVERIFY(signer.hasKeyFor(QStringLiteral("example.org")));
        QVERIFY(!signer.hasKeyFor(QStringLiteral("example.net")));
        auto none = signer.sign("From: a@example.net\r\n\r\nhi\r\n", QStringLiteral("example.net"));
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
        QCOMPARE(DkimSigner::domainOf(QStringLiteral("News@Example.ORG ")), QStringLiteral("example.org"));
        // The same signer (one library handle) signs message after message.
        for (int i = 0; i < 3; ++i)
            QVERIFY(!signedMessage(spec(QStringLiteral("Again %1").arg(i), QStringLiteral("Org")), signer).isEmpty());
    }

    void importedKeys()
    {
        QTemporaryDir dir;
        auto openssl = [&](const QStringList& arguments) {
            QProcess process;
            process.start(QStringLiteral("openssl"), arguments);
            return process.waitForFinished(60000) && process.exitCode() == 0;
        };
        // A traditional "BEGIN RSA PRIVATE KEY" file, as opendkim-genkey writes.
        const QString traditional = dir.filePath(QStringLiteral("rsa.pem"));
        QVERIFY(openssl({QStringLiteral("genrsa"), QStringLiteral("-traditional"), QStringLiteral("-out"), traditional,
                         QStringLiteral("2048")}));
        QFile file(traditional);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pem = file.readAll();
        QVERIFY(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        auto imported = DkimKeyPair::fromPem(pem);
        QVERIFY2(imported.ok(), qPrintable(imported.error().message));
        QCOMPARE(imported->bits(), 2048);
        QVERIFY(imported->privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----")); // kept as PKCS#8
        // Its public key is what `openssl rsa -pubout` says.
        QProcess pub;
        pub.start(QStringLiteral("openssl"), {QStringLiteral("rsa"), QStringLiteral("-in"), traditional,
                                              QStringLiteral("-pubout"), QStringLiteral("-outform"), QStringLiteral("DER")});
        QVERIFY(pub.waitForFinished(30000));
        QCOMPARE(imported->publicKeyBase64(), QString::fromLatin1(pub.readAllStandardOutput().toBase64()));
        // Signs and verifies like a generated one.
        DkimSigner signer({DkimKey{QStringLiteral("example.org"), QStringLiteral("imported"), imported->privateKeyPem()}});
        const auto verdict = test::DkimVerifier::verify(signedMessage(spec(QStringLiteral("Imported"), QStringLiteral("Org")), signer),
                                                        zoneFor(QStringLiteral("imported"), QStringLiteral("example.org"),
                                                                imported->publicKeyBase64()));
        QVERIFY2(verdict.verified, qPrintable(verdict.error));

        // Too small, not RSA, not a key.
        const QString small = dir.filePath(QStringLiteral("small.pem"));
        QVERIFY(openssl({QStringLiteral("genrsa"), QStringLiteral("-out"), small, QStringLiteral("512")}));
        QFile smallFile(small);
        QVERIFY(smallFile.open(QIODevice::ReadOnly));
        const auto tooSmall = DkimKeyPair::fromPem(smallFile.readAll());
        QVERIFY(!tooSmall.ok());
        QVERIFY2(tooSmall.error().message.contains(QLatin1String("512 bits")), qPrintable(tooSmall.error().message));
        const QString ec = dir.filePath(QStringLiteral("ec.pem"));
        QVERIFY(openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-out"), ec}));
        QFile ecFile(ec);
        QVERIFY(ecFile.open(QIODevice::ReadOnly));
        QVERIFY(DkimKeyPair::fromPem(ecFile.readAll()).error().message.contains(QLatin1String("RSA")));
        QCOMPARE(DkimKeyPair::fromPem("not a key").error().field, QStringLiteral("key"));
    }
};

QTEST_GUILESS_MAIN(TestDkimSigner)
#include "TestDkimSigner.moc"
