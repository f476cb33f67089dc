#include "emailhtml/MessageUrls.h"

#include <QTest>

using namespace herald;
using Use = MessageUrls::Use;

Q_DECLARE_METATYPE(herald::MessageUrls::Use)

// The one rule for the addresses a message may use (links, images, the branding logo), which the dialogs, the
// branding settings and the paste cleaner all follow.
class TestMessageUrls : public QObject
{
    Q_OBJECT

private slots:
    void rule_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<Use>("use");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https link") << "https://example.org/donate" << Use::Link << true;
        QTest::newRow("http link, upper-case scheme") << "HTTP://example.org" << Use::Link << true;
        QTest::newRow("link with a placeholder in its query") << "https://example.org/?ref={{ uuid }}" << Use::Link << true;
        QTest::newRow("placeholder link") << "{{unsubscribe_url}}" << Use::Link << true;
        QTest::newRow("mailto") << "mailto:office@example.org" << Use::Link << true;
        QTest::newRow("mailto without an address") << "mailto:office" << Use::Link << false;
        QTest::newRow("no host") << "https://" << Use::Link << false;
        QTest::newRow("relative") << "/donate" << Use::Link << false;
        QTest::newRow("javascript") << "javascript:alert(1)" << Use::Link << false;
        QTest::newRow("white space") << "https://example.org/a b" << Use::Link << false;
        QTest::newRow("a quote") << "https://example.org/\"onmouseover" << Use::Link << false;
        QTest::newRow("not a placeholder") << "{{ 1 }}" << Use::Link << false;
        QTest::newRow("media is no link") << "media:logo.png" << Use::Link << false;
        QTest::newRow("empty") << "" << Use::Link << false;

        QTest::newRow("https image") << "https://example.org/a.png" << Use::Image << true;
        QTest::newRow("media image") << "media:logo.png" << Use::Image << true;
        QTest::newRow("media without a name") << "media:" << Use::Image << false;
        QTest::newRow("cid image") << "cid:logo@herald" << Use::Image << true;
        QTest::newRow("data image") << "data:image/png;base64,iVBORw0KGgo=" << Use::Image << true;
        QTest::newRow("data, not an image") << "data:text/html;base64,PHNjcmlwdD4=" << Use::Image << false;
        QTest::newRow("placeholder image") << "{{logo_url}}" << Use::Image << true;
        QTest::newRow("mailto is no image") << "mailto:office@example.org" << Use::Image << false;
        QTest::newRow("file image") << "file:///etc/passwd" << Use::Image << false;

        QTest::newRow("https logo") << "https://example.org/logo.png" << Use::Logo << true;
        QTest::newRow("media logo") << "media:logo.png" << Use::Logo << true;
        QTest::newRow("media logo with a space") << "media:my logo.png" << Use::Logo << false;
        QTest::newRow("cid logo") << "cid:logo@herald" << Use::Logo << false;
        QTest::newRow("placeholder logo") << "{{logo_url}}" << Use::Logo << false;
    }

    void rule()
    {
        QFETCH(QString, url);
        QFETCH(Use, use);
        QFETCH(bool, allowed);
        QCOMPARE(MessageUrls::isAllowed(url, use), allowed);
    }

    void placeholderAtTheStart()
    {
        QVERIFY(MessageUrls::startsWithPlaceholder(QStringLiteral("{{ unsubscribe_url }}")));
        QVERIFY(MessageUrls::startsWithPlaceholder(QStringLiteral("{{site}}/donate")));
        QVERIFY(!MessageUrls::startsWithPlaceholder(QStringLiteral("https://x.org/{{site}}")));
    }
};

QTEST_GUILESS_MAIN(TestMessageUrls)
#include "TestMessageUrls.moc"
