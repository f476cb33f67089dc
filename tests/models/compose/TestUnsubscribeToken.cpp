#include "compose/UnsubscribeToken.h"

#include <QTest>
#include <QUrlQuery>

using namespace herald;

class TestUnsubscribeToken : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        const UnsubscribeToken signer(QByteArrayLiteral("installation-secret-0123456789ab"));
        const QString token = signer.issue(42, QStringLiteral("Info@Example.org"));
        const auto claims = signer.verify(token);
        QVERIFY2(claims.ok(), qPrintable(claims.error().message));
        QCOMPARE(claims->campaignId, qint64(42));
        QCOMPARE(claims->email, QStringLiteral("info@example.org"));
    }

    void forgeriesAreRefused()
    {
        const UnsubscribeToken signer(QByteArrayLiteral("installation-secret-0123456789ab"));
        const UnsubscribeToken other(QByteArrayLiteral("another-installation-secret-0000"));
        const QString token = signer.issue(42, QStringLiteral("info@example.org"));
        QVERIFY(!other.verify(token).ok());
        // Same signature, another address.
        const QString payload = QString::fromLatin1(QByteArray("u1.42.victim@example.org").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        QVERIFY(!signer.verify(payload + token.mid(token.indexOf(QLatin1Char('.')))).ok());
        for (const QString& junk : {QString(), QStringLiteral("."), QStringLiteral("abc"), QStringLiteral("a.b.c"), QString(5000, QLatin1Char('a')),
                                    token + QStringLiteral("x"), token.left(token.size() - 2)})
            QVERIFY2(!signer.verify(junk).ok(), qPrintable(junk.left(40)));
    }

    void urlCarriesTheToken()
    {
        const UnsubscribeToken signer(UnsubscribeToken::generateSecret());
        const QUrl url(signer.url(QStringLiteral("https://example.org/unsubscribe?lang=en"), 7, QStringLiteral("a+b@example.org")));
        QCOMPARE(url.host(), QStringLiteral("example.org"));
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(QStringLiteral("lang")), QStringLiteral("en"));
        QCOMPARE(signer.verify(query.queryItemValue(QStringLiteral("t"))).value().email, QStringLiteral("a+b@example.org"));
    }

    void secretsDiffer() { QVERIFY(UnsubscribeToken::generateSecret() != UnsubscribeToken::generateSecret()); }
};

QTEST_GUILESS_MAIN(TestUnsubscribeToken)
#include "TestUnsubscribeToken.moc"
