#include "DkimVerifier.h"
#include "compose/DkimKeyPair.h"
#include "compose/DkimSigner.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// DKIM keys generated here and imported from PEM files (RSA in both PEM forms, Ed25519), their public halves as
// DNS publishes them (checked against `openssl`), and the keys refused: too small, another kind, not a key.
class TestDkimKeyPair : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    bool openssl(const QStringList& arguments, QByteArray* output = nullptr)
    {
        QProcess process;
        process.start(QStringLiteral("openssl"), arguments);
        const bool ok = process.waitForFinished(60000) && process.exitCode() == 0;
        if (output)
            *output = process.readAllStandardOutput();
        return ok;
    }

    QByteArray read(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // Signs a message with `pair` and has python3-dkim check it against the TXT record of its public key.
    static bool signsVerifiably(const DkimKeyPair& pair, QString* error)
    {
        DkimSigner signer({DkimKey{QStringLiteral("example.org"), QStringLiteral("k1"), pair.privateKeyPem()}});
        const QByteArray message = "From: news@example.org\r\nTo: a@example.net\r\nSubject: Hi\r\n\r\nHello\r\n";
        auto signature = signer.sign(message, QStringLiteral("example.org"));
        if (!signature) {
            *error = signature.error().message;
            return false;
        }
        const auto verdict = test::DkimVerifier::verify(
            signature.value() + message,
            {{DkimKeyPair::recordName(QStringLiteral("k1"), QStringLiteral("example.org")),
              QJsonArray{DkimKeyPair::txtRecordValue(pair.publicKeyBase64(), pair.algorithm())}}});
        *error = verdict.error;
        return verdict.verified;
    }

private slots:
    void generated_data()
    {
        QTest::addColumn<DkimKeyPair::Algorithm>("algorithm");
        QTest::addColumn<QString>("record");
        QTest::newRow("rsa") << DkimKeyPair::Algorithm::Rsa << QStringLiteral("v=DKIM1; k=rsa; p=");
        QTest::newRow("ed25519") << DkimKeyPair::Algorithm::Ed25519 << QStringLiteral("v=DKIM1; k=ed25519; p=");
    }

    void generated()
    {
        QFETCH(DkimKeyPair::Algorithm, algorithm);
        QFETCH(QString, record);
        auto pair = DkimKeyPair::generate(algorithm);
        QVERIFY2(pair.ok(), qPrintable(pair.error().message));
        QCOMPARE(pair->algorithm(), algorithm);
        QVERIFY(pair->privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----"));
        QVERIFY(DkimKeyPair::txtRecordValue(pair->publicKeyBase64(), algorithm).startsWith(record));
        if (algorithm == DkimKeyPair::Algorithm::Rsa) {
            QCOMPARE(pair->bits(), 2048);
        } else {
            // RFC 8463: p= is the bare 32-byte key, not a SubjectPublicKeyInfo.
            QCOMPARE(QByteArray::fromBase64(pair->publicKeyBase64().toLatin1()).size(), 32);
        }
        QString error;
        QVERIFY2(signsVerifiably(pair.value(), &error), qPrintable(error));
        // Read back from its own PEM: the same key, and refused where the other algorithm is wanted.
        auto again = DkimKeyPair::fromPem(pair->privateKeyPem(), algorithm);
        QVERIFY(again.ok());
        QCOMPARE(again->publicKeyBase64(), pair->publicKeyBase64());
        const auto other = algorithm == DkimKeyPair::Algorithm::Rsa ? DkimKeyPair::Algorithm::Ed25519 : DkimKeyPair::Algorithm::Rsa;
        QVERIFY(!DkimKeyPair::fromPem(pair->privateKeyPem(), other).ok());
    }

    void importedRsa()
    {
        // A traditional "BEGIN RSA PRIVATE KEY" file, as opendkim-genkey writes.
        const QString traditional = m_dir.filePath(QStringLiteral("rsa.pem"));
        QVERIFY(openssl({QStringLiteral("genrsa"), QStringLiteral("-traditional"), QStringLiteral("-out"), traditional,
                         QStringLiteral("2048")}));
        const QByteArray pem = read(traditional);
        QVERIFY(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        auto imported = DkimKeyPair::fromPem(pem);
        QVERIFY2(imported.ok(), qPrintable(imported.error().message));
        QCOMPARE(imported->bits(), 2048);
        QCOMPARE(imported->algorithm(), DkimKeyPair::Algorithm::Rsa);
        QVERIFY(imported->privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----")); // kept as PKCS#8
        // Its public key is what `openssl rsa -pubout` says.
        QByteArray der;
        QVERIFY(openssl({QStringLiteral("rsa"), QStringLiteral("-in"), traditional, QStringLiteral("-pubout"),
                         QStringLiteral("-outform"), QStringLiteral("DER")}, &der));
        QCOMPARE(imported->publicKeyBase64(), QString::fromLatin1(der.toBase64()));
        QString error;
        QVERIFY2(signsVerifiably(imported.value(), &error), qPrintable(error));
    }

    void importedEd25519()
    {
        const QString path = m_dir.filePath(QStringLiteral("ed25519.pem"));
        QVERIFY(openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("ed25519"),
                         QStringLiteral("-out"), path}));
        auto imported = DkimKeyPair::fromPem(read(path));
        QVERIFY2(imported.ok(), qPrintable(imported.error().message));
        QCOMPARE(imported->algorithm(), DkimKeyPair::Algorithm::Ed25519);
        // p= is the last 32 bytes of the DER SubjectPublicKeyInfo `openssl pkey -pubout` writes.
        QByteArray der;
        QVERIFY(openssl({QStringLiteral("pkey"), QStringLiteral("-in"), path, QStringLiteral("-pubout"),
                         QStringLiteral("-outform"), QStringLiteral("DER")}, &der));
        QCOMPARE(imported->publicKeyBase64(), QString::fromLatin1(der.right(32).toBase64()));
        QString error;
        QVERIFY2(signsVerifiably(imported.value(), &error), qPrintable(error));
    }

    void refused()
    {
        const QString small = m_dir.filePath(QStringLiteral("small.pem"));
        QVERIFY(openssl({QStringLiteral("genrsa"), QStringLiteral("-out"), small, QStringLiteral("512")}));
        const auto tooSmall = DkimKeyPair::fromPem(read(small));
        QVERIFY(!tooSmall.ok());
        QVERIFY2(tooSmall.error().message.contains(QLatin1String("512 bits")), qPrintable(tooSmall.error().message));
        const QString ec = m_dir.filePath(QStringLiteral("ec.pem"));
        QVERIFY(openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-out"), ec}));
        const QString message = DkimKeyPair::fromPem(read(ec)).error().message;
        QVERIFY2(message.contains(QLatin1String("RSA")) && message.contains(QLatin1String("Ed25519")), qPrintable(message));
        QCOMPARE(DkimKeyPair::fromPem("not a key").error().field, QStringLiteral("key"));
    }
};

QTEST_GUILESS_MAIN(TestDkimKeyPair)
#include "TestDkimKeyPair.moc"
