#include "DkimVerifier.h"
#include "OpenDkimVerifier.h"
#include "compose/DkimKeyPair.h"
#include "compose/DkimSigner.h"
#include "compose/MessageBuilder.h"

#include <QJsonArray>
#include <QTest>

using namespace herald;

using Form = DkimSigner::Form;
Q_DECLARE_METATYPE(herald::DkimSigner::Form)

// DKIM signatures made by Herald's signer (OpenSSL), each checked by two other implementations — python3-dkim and
// libopendkim — against the public keys DNS TXT records would publish: rsa-sha256 and ed25519-sha256 (RFC 8463)
// alone and together, relaxed/relaxed and simple/simple, over messages with folded and non-ASCII (RFC 2047) headers,
// long lines and runs of white space, a body without a final line end, an empty text part, and attachments.
// Tampered messages fail both verifiers.
class TestDkimSigner : public QObject
{
    Q_OBJECT

    DkimKeyPair m_rsa;
    DkimKeyPair m_ed25519;

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

    static QByteArray built(const MessageSpec& message)
    {
        auto data = MessageBuilder::build(message);
        if (!data)
            qWarning("%s", qPrintable(data.error().message));
        return data.value();
    }

    // Hand-written messages for what the builder never makes but relays and other senders do.
    static QByteArray raw(const QByteArray& extraHeaders, const QByteArray& body)
    {
        return "From: =?UTF-8?Q?Fondation_=C3=89coute?= <news@example.org>\r\n"
               "To: someone@example.net\r\n"
               "Subject: =?UTF-8?B?R3LDvMOfZSBhbiBhbGxlIOKAlCBGcsO8aGphaHJzZ2FsYSDwn46J?=\r\n"
               " =?UTF-8?Q?_und_noch_mehr?=\r\n"
               "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
               "Message-ID: <raw-1@example.org>\r\n"
               "MIME-Version: 1.0\r\n"
            + extraHeaders + "\r\n" + body;
    }

    DkimKey key(const DkimKeyPair& pair, const QString& selector) const
    {
        return DkimKey{QStringLiteral("example.org"), selector, pair.privateKeyPem()};
    }

    QList<DkimKey> keys(const QString& which) const
    {
        QList<DkimKey> list;
        if (which != QLatin1String("ed25519"))
            list << key(m_rsa, QStringLiteral("rsa1"));
        if (which != QLatin1String("rsa"))
            list << key(m_ed25519, QStringLiteral("ed1"));
        return list;
    }

    // Both selectors' TXT records, as a receiver's DNS finds them.
    QJsonObject zone() const
    {
        return {{DkimKeyPair::recordName(QStringLiteral("rsa1"), QStringLiteral("example.org")),
                 QJsonArray{DkimKeyPair::txtRecordValue(m_rsa.publicKeyBase64())}},
                {DkimKeyPair::recordName(QStringLiteral("ed1"), QStringLiteral("example.org")),
                 QJsonArray{DkimKeyPair::txtRecordValue(m_ed25519.publicKeyBase64(), DkimKeyPair::Algorithm::Ed25519)}}};
    }

    // What the SMTP transport sends: the signatures in front, a CRLF added when the data lacks a final one.
    static QByteArray onTheWire(DkimSigner& signer, const QByteArray& data)
    {
        auto signature = signer.sign(data, QStringLiteral("example.org"));
        if (!signature)
            qWarning("%s", qPrintable(signature.error().message));
        QByteArray wire = signature.value() + data;
        if (!wire.endsWith("\r\n"))
            wire += "\r\n";
        return wire;
    }

    // Every signature verifies with both verifiers (libopendkim: only those it knows the algorithm of).
    void verifiesWithBoth(const QByteArray& message, int signatures, const QString& canonicalization)
    {
        const auto python = test::DkimVerifier::verify(message, zone());
        QVERIFY2(python.verified, qPrintable(python.error + QLatin1Char('\n') + QString::fromLatin1(message.left(1500))));
        QCOMPARE(python.signatures.size(), signatures);
        for (const auto& signature : python.signatures) {
            QVERIFY2(signature.verified, qPrintable(signature.algorithm + QLatin1Char(' ') + signature.error));
            QCOMPARE(signature.canonicalization, canonicalization);
        }
        const auto opendkim = test::OpenDkimVerifier::verify(message, zone());
        QVERIFY2(opendkim.signatures.size() == signatures, qPrintable(opendkim.error));
        for (const auto& signature : opendkim.signatures) {
            if (signature.algorithm == QLatin1String("ed25519-sha256") && !test::OpenDkimVerifier::knowsEd25519())
                continue;
            QVERIFY2(signature.verified, qPrintable(QStringLiteral("libopendkim, %1: %2").arg(signature.algorithm, signature.error)));
        }
    }

private slots:
    void initTestCase()
    {
        auto rsa = DkimKeyPair::generate();
        QVERIFY2(rsa.ok(), qPrintable(rsa.error().message));
        m_rsa = rsa.value();
        auto ed25519 = DkimKeyPair::generate(DkimKeyPair::Algorithm::Ed25519);
        QVERIFY2(ed25519.ok(), qPrintable(ed25519.error().message));
        m_ed25519 = ed25519.value();
        if (!test::OpenDkimVerifier::knowsEd25519())
            qInfo("this libopendkim does not know Ed25519: python3-dkim alone checks ed25519-sha256");
    }

    void interoperability_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<Form>("form");
        QTest::addColumn<QString>("keys");

        MessageSpec attached = spec(QStringLiteral("Rapport annuel — pièces jointes"), QStringLiteral("Société Sœur"));
        Attachment pdf;
        pdf.fileName = QStringLiteral("Résumé 2026.pdf");
        pdf.contentType = QStringLiteral("application/pdf");
        for (int i = 0; i < 3000; ++i)
            pdf.bytes += char(i * 7 % 256);
        pdf.size = pdf.bytes.size();
        attached.attachments << pdf;
        MessageSpec emptyText = spec(QStringLiteral("Only HTML"), QStringLiteral("Org"));
        emptyText.textBody.clear();

        const QList<QPair<const char*, QByteArray>> messages = {
            {"non-ascii folded subject",
             built(spec(QStringLiteral("年次報告 2026 🎉 — a very long subject that the builder folds over several lines, "
                                       "with words in Grüße, Société and Ñandú"),
                        QStringLiteral("東京フードバンク")))},
            {"attachments", built(attached)},
            {"empty text part (builder)", built(emptyText)},
            {"empty text part (multipart)",
             raw("Content-Type: multipart/alternative;\r\n\tboundary=\"b1\"\r\n",
                 "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\r\n--b1\r\nContent-Type: text/html\r\n\r\n"
                 "<p>Hi</p>\r\n--b1--\r\n")},
            {"long lines and white space",
             raw("X-Note:   runs   of\t\tspaces  \r\n\t  and a folded   tail  \r\nContent-Type: text/plain\r\n",
                 "Dear  friend,   \r\n" + QByteArray(990, 'x') + "\r\n" + QByteArray(40, ' ') + "\r\n\t words\tand   tabs \t\r\n\r\n\r\n")},
            {"body without final CRLF", raw("Content-Type: text/plain\r\n", "first line\r\nlast line without an end")},
            {"empty body", raw("Content-Type: text/plain\r\n", QByteArray())},
        };
        for (const auto& [name, message] : messages)
            for (const auto& [formName, form] : {qMakePair("relaxed", Form::Relaxed), qMakePair("simple", Form::Simple)})
                for (const char* which : {"rsa", "ed25519", "both"})
                    QTest::addRow("%s, %s, %s", name, formName, which) << message << form << QString::fromLatin1(which);
    }

    void interoperability()
    {
        QFETCH(QByteArray, message);
        QFETCH(Form, form);
        QFETCH(QString, keys);
        DkimSigner signer(this->keys(keys), form);
        const QByteArray wire = onTheWire(signer, message);
        QVERIFY(wire.startsWith("DKIM-Signature: "));
        QVERIFY2(!wire.contains("\n\t") || !wire.contains("\r\r"), "bad line ends");
        const int signatures = keys == QLatin1String("both") ? 2 : 1;
        QCOMPARE(int(wire.count("DKIM-Signature: ")), signatures);
        if (keys != QLatin1String("ed25519"))
            QVERIFY(wire.startsWith("DKIM-Signature: v=1; a=rsa-sha256;")); // RSA first
        verifiesWithBoth(wire, signatures, form == Form::Simple ? QStringLiteral("simple/simple")
                                                                : QStringLiteral("relaxed/relaxed"));

        // A line added to the body fails every signature in both verifiers.
        const QByteArray tampered = wire + "P.S. Send money to the account below.\r\n";
        QVERIFY(!test::DkimVerifier::verify(tampered, zone()).verified);
        const auto opendkim = test::OpenDkimVerifier::verify(tampered, zone());
        QCOMPARE(opendkim.signatures.size(), signatures);
        for (const auto& signature : opendkim.signatures)
            QVERIFY(!signature.verified);
    }

    void signedHeaders()
    {
        DkimSigner signer(keys(QStringLiteral("both")));
        const QByteArray message = onTheWire(signer, built(spec(QStringLiteral("Hello"), QStringLiteral("Org"))));
        const auto verdict = test::DkimVerifier::verify(message, zone());
        QVERIFY2(verdict.verified, qPrintable(verdict.error));
        QCOMPARE(verdict.signatures.size(), 2);
        QCOMPARE(verdict.signatures.at(0).algorithm, QStringLiteral("rsa-sha256"));
        QCOMPARE(verdict.signatures.at(0).selector, QStringLiteral("rsa1"));
        QCOMPARE(verdict.signatures.at(1).algorithm, QStringLiteral("ed25519-sha256"));
        QCOMPARE(verdict.signatures.at(1).selector, QStringLiteral("ed1"));
        for (const auto& signature : verdict.signatures) {
            QCOMPARE(signature.domain, QStringLiteral("example.org"));
            for (const char* required : {"from", "to", "subject", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post"})
                QVERIFY2(signature.signedHeaders.contains(QLatin1String(required)), required);
            // Signed once more than present: a second From or List-Unsubscribe added later breaks the signature.
            QCOMPARE(signature.signedHeaders.count(QStringLiteral("from")), 2);
            QCOMPARE(signature.signedHeaders.count(QStringLiteral("list-unsubscribe")), 2);
        }
    }

    void tamperedMessagesFail_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::newRow("body") << QByteArray("thanks for everything") << QByteArray("thanks for nothing!!");
        QTest::newRow("message id") << QByteArray("Message-ID: <send-1.c1@") << QByteArray("Message-ID: <send-2.c1@");
        QTest::newRow("unsubscribe link") << QByteArray("https://example.org/u?t=abc") << QByteArray("https://evil.example/u?t=abc");
        QTest::newRow("second subject") << QByteArray("Subject:") << QByteArray("Subject: You won a prize\r\nSubject:");
    }

    void tamperedMessagesFail()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        DkimSigner signer(keys(QStringLiteral("both")));
        QByteArray message = onTheWire(signer, built(spec(QStringLiteral("Hello"), QStringLiteral("Org"))));
        QVERIFY(test::DkimVerifier::verify(message, zone()).verified);
        QVERIFY(message.contains(from));
        message.replace(from, to);
        const auto python = test::DkimVerifier::verify(message, zone());
        QCOMPARE(python.signatures.size(), 2);
        for (const auto& signature : python.signatures)
            QVERIFY(!signature.verified);
        const auto opendkim = test::OpenDkimVerifier::verify(message, zone());
        QCOMPARE(opendkim.signatures.size(), 2);
        for (const auto& signature : opendkim.signatures)
            QVERIFY(!signature.verified);
    }

    void otherPublishedKeyFails()
    {
        DkimSigner signer(keys(QStringLiteral("rsa")));
        const QByteArray message = onTheWire(signer, built(spec(QStringLiteral("Hello"), QStringLiteral("Org"))));
        auto other = DkimKeyPair::generate();
        QVERIFY(other.ok());
        const QJsonObject zone{{DkimKeyPair::recordName(QStringLiteral("rsa1"), QStringLiteral("example.org")),
                                QJsonArray{DkimKeyPair::txtRecordValue(other->publicKeyBase64())}}};
        QVERIFY(!test::DkimVerifier::verify(message, zone).verified);
        QVERIFY(!test::OpenDkimVerifier::verify(message, zone).verified);
    }

    void domainWithoutKeyIsNotSigned()
    {
        DkimSigner signer({DkimKey{QStringLiteral("Example.ORG"), QStringLiteral("s1"), m_rsa.privateKeyPem()}});
        QVERIFY(signer.hasKeyFor(QStringLiteral("example.org")));
        QVERIFY(!signer.hasKeyFor(QStringLiteral("example.net")));
        auto none = signer.sign("From: a@example.net\r\n\r\nhi\r\n", QStringLiteral("example.net"));
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
        QCOMPARE(DkimSigner::domainOf(QStringLiteral("News@Example.ORG ")), QStringLiteral("example.org"));
    }

    void oneSignerSignsManyMessages()
    {
        // The keys are parsed once; the same signer signs message after message, each verifiable.
        DkimSigner signer(keys(QStringLiteral("both")));
        for (int i = 0; i < 3; ++i) {
            const QByteArray message =
                onTheWire(signer, built(spec(QStringLiteral("Again %1").arg(i), QStringLiteral("Org %1").arg(i))));
            const auto verdict = test::DkimVerifier::verify(message, zone());
            QVERIFY2(verdict.verified, qPrintable(verdict.error));
        }
    }

    void unreadableKeyIsAnError()
    {
        DkimSigner signer({DkimKey{QStringLiteral("example.org"), QStringLiteral("s1"), QByteArray("not a key")}});
        const auto signature = signer.sign(built(spec(QStringLiteral("Hello"), QStringLiteral("Org"))), QStringLiteral("example.org"));
        QVERIFY(!signature.ok());
        QVERIFY2(signature.error().message.contains(QLatin1String("example.org")), qPrintable(signature.error().message));
    }
};

QTEST_GUILESS_MAIN(TestDkimSigner)
#include "TestDkimSigner.moc"
