#include "compose/UnsubscribeToken.h"
#include "engagement/TrackingToken.h"

#include <QTest>

using namespace herald;

namespace {
const QByteArray Secret = QByteArrayLiteral("installation-secret-0123456789ab");
constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QString withPayload(const QString& token, const QByteArray& payload)
{
    return QString::fromLatin1(payload.toBase64(Base64Url)) + token.mid(token.indexOf(QLatin1Char('.')));
}
} // namespace

class TestTrackingToken : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<qint64>("campaign");
        QTest::addColumn<int>("link");
        QTest::addColumn<qint64>("send");
        QTest::addColumn<bool>("test");
        QTest::newRow("anonymous open") << int('o') << qint64(7) << 0 << qint64(0) << false;
        QTest::newRow("per-recipient click") << int('c') << qint64(7) << 3 << qint64(123456789012) << false;
        QTest::newRow("trap link") << int('c') << qint64(7) << 0 << qint64(0) << false;
        QTest::newRow("web view of a test send") << int('v') << qint64(9) << 0 << qint64(0) << true;
    }

    void roundTrip()
    {
        QFETCH(int, kind);
        QFETCH(qint64, campaign);
        QFETCH(int, link);
        QFETCH(qint64, send);
        QFETCH(bool, test);
        const TrackingToken tokens(Secret);
        const TrackingToken::Claims claims{TrackingToken::Kind(kind), campaign, link, send, test};
        const auto back = tokens.verify(tokens.issue(claims));
        QVERIFY(back.has_value());
        QCOMPARE(int(back->kind), kind);
        QCOMPARE(back->campaignId, campaign);
        QCOMPARE(back->linkNo, link);
        QCOMPARE(back->sendId, send);
        QCOMPARE(back->test, test);
    }

    void forgeriesAreRefused()
    {
        const TrackingToken tokens(Secret);
        const QString token = tokens.issue({TrackingToken::Kind::Click, 42, 2, 0, false});
        // Signed with another installation's secret.
        QVERIFY(!TrackingToken(QByteArrayLiteral("another-installation-secret-0000")).verify(token));
        // The same signature on another campaign, link or send, or another spelling of the same numbers.
        for (const QByteArray& payload : {QByteArrayLiteral("e1.c.43.2.0"), QByteArrayLiteral("e1.c.42.3.0"),
                                          QByteArrayLiteral("e1.c.42.2.5"), QByteArrayLiteral("e1.c.042.2.0"),
                                          QByteArrayLiteral("e1.o.42.2.0"), QByteArrayLiteral("e1.c.42.2.0.t")})
            QVERIFY2(!tokens.verify(withPayload(token, payload)), payload.constData());
        // Truncated, extended, empty, oversized, junk.
        for (const QString& junk : {QString(), QStringLiteral("."), QStringLiteral("abc"), QStringLiteral("a.b.c"),
                                    QString(5000, QLatin1Char('a')), token + QStringLiteral("x"), token.left(token.size() - 1),
                                    token.left(token.indexOf(QLatin1Char('.'))), QString(token).replace(0, 1, QLatin1Char('A'))})
            QVERIFY2(!tokens.verify(junk), qPrintable(junk.left(40)));
    }

    void wellSignedButMalformedPayloadsAreRefused()
    {
        const SignedToken signer(Secret);
        const TrackingToken tokens(Secret);
        for (const QByteArray& payload : {QByteArrayLiteral("e1.c.42.2"), QByteArrayLiteral("e1.x.42.2.0"),
                                          QByteArrayLiteral("e2.c.42.2.0"), QByteArrayLiteral("e1.c.0.2.0"),
                                          QByteArrayLiteral("e1.c.-4.2.0"), QByteArrayLiteral("e1.c.42.2.0.q"),
                                          QByteArrayLiteral("e1.cc.42.2.0"), QByteArrayLiteral("e1.c.42.99999999.0")})
            QVERIFY2(!tokens.verify(signer.sign(payload)), payload.constData());
    }

    void unsubscribeAndTrackingTokensAreNotInterchangeable()
    {
        const UnsubscribeToken unsubscribe(Secret);
        const TrackingToken tracking(Secret);
        QVERIFY(!tracking.verify(unsubscribe.issue(42, QStringLiteral("info@example.org"))));
        QVERIFY(!unsubscribe.verify(tracking.issue({TrackingToken::Kind::Click, 42, 1, 0, false})).ok());
    }

    void urlHasThePathOfItsKind()
    {
        const TrackingToken tokens(Secret);
        const QString url = tokens.url(QStringLiteral("https://mail.example.org/herald/"), {TrackingToken::Kind::Open, 5, 0, 0, false});
        QVERIFY2(url.startsWith(QStringLiteral("https://mail.example.org/herald/o/")), qPrintable(url));
        QVERIFY(tokens.verify(QStringView(url).mid(url.lastIndexOf(QLatin1Char('/')) + 1)));
    }
};

QTEST_GUILESS_MAIN(TestTrackingToken)
#include "TestTrackingToken.moc"
