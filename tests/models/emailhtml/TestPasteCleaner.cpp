#include "PasteFixtures.h"
#include "emailhtml/PasteCleaner.h"

#include <QTest>

using namespace herald;
using herald::test::pasteFixture;

class TestPasteCleaner : public QObject
{
    Q_OBJECT

private slots:
    // Real exports and a real page come out as exactly the clean HTML beside them.
    void fixturesComeOutClean_data() { test::addPasteFixtureRows(); }

    void fixturesComeOutClean()
    {
        QFETCH(QString, name);
        const QString cleaned = PasteCleaner::clean(pasteFixture(name + QStringLiteral(".html")));
        QCOMPARE(cleaned, pasteFixture(name + QStringLiteral(".expected.html")));
        for (const QLatin1String junk : {QLatin1String("class="), QLatin1String("style="), QLatin1String("id="),
                                         QLatin1String("<span"), QLatin1String("<font"), QLatin1String("<div"),
                                         QLatin1String("<!--"), QLatin1String("script"), QLatin1String("mso")})
            QVERIFY2(!cleaned.contains(junk, Qt::CaseInsensitive), qPrintable(junk));
    }

    void cleaningIsStable()
    {
        for (const QString& name : test::pasteFixtureNames()) {
            const QString once = PasteCleaner::clean(pasteFixture(name + QStringLiteral(".html")));
            QCOMPARE(PasteCleaner::clean(once), once);
        }
    }

    void cases_data()
    {
        QTest::addColumn<QString>("pasted");
        QTest::addColumn<QString>("clean");
        QTest::newRow("Google Docs wrapper is not bold")
            << QStringLiteral("<meta charset=\"utf-8\"><b style=\"font-weight:normal;\" id=\"docs-internal-guid-1f2e\">"
                              "<p dir=\"ltr\"><span style=\"font-weight:700;font-family:Arial\">Bold</span>"
                              "<span style=\"font-weight:400\"> plain</span></p></b>")
            << QStringLiteral("<p><strong>Bold</strong> plain</p>\n");
        QTest::newRow("scripts, styles and comments go")
            << QStringLiteral("<p>a<!-- note --><script>alert(1)</script><style>p{}</style>b</p>")
            << QStringLiteral("<p>ab</p>\n");
        QTest::newRow("javascript and relative links keep their text")
            << QStringLiteral("<p><a href=\" JavaScript:alert(1)\">x</a> <a href=\"/local\">y</a> <a href=\"#top\">z</a></p>")
            << QStringLiteral("<p>x y z</p>\n");
        QTest::newRow("placeholder links stay")
            << QStringLiteral("<p><a href=\"{{unsubscribe_url}}\" class=\"u\">Unsubscribe</a></p>")
            << QStringLiteral("<p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>\n");
        QTest::newRow("tracking pixels go, pictures stay")
            << QStringLiteral("<p><img src=\"https://t.example/o.gif\" width=\"1\" height=\"1\">"
                              "<img src=\"https://t.example/p.gif\" style=\"height:1px\">"
                              "<img src=\"https://example.org/a.png\" style=\"width:300px\" alt=\"A\" class=\"x\"></p>")
            << QStringLiteral("<p><img src=\"https://example.org/a.png\" alt=\"A\" width=\"300\"></p>\n");
        QTest::newRow("media library and inline images stay, file paths go")
            << QStringLiteral("<p><img src=\"media:logo.png\" alt=\"Logo\"><img src=\"cid:x@y\" alt=\"X\">"
                              "<img src=\"file:///C:/Users/me/photo.jpg\" alt=\"Photo\"></p>")
            << QStringLiteral("<p><img src=\"media:logo.png\" alt=\"Logo\"><img src=\"cid:x@y\" alt=\"X\"></p>\n");
        QTest::newRow("lower headings become h3")
            << QStringLiteral("<h5>Small</h5><h2>Two</h2>") << QStringLiteral("<h3>Small</h3>\n<h2>Two</h2>\n");
        QTest::newRow("text outside blocks is a paragraph")
            << QStringLiteral("Hello <b>there</b><div>next</div>tail")
            << QStringLiteral("<p>Hello <strong>there</strong></p>\n<p>next</p>\n<p>tail</p>\n");
        QTest::newRow("a block inside bold splits it")
            << QStringLiteral("<b>one<p>two</p></b>")
            << QStringLiteral("<p><strong>one</strong></p>\n<p><strong>two</strong></p>\n");
        QTest::newRow("forms, frames and hidden text go")
            << QStringLiteral("<p>Keep</p><form><p>Field</p><input></form><iframe src=\"https://x\"></iframe>"
                              "<p hidden>h</p><p style=\"visibility: hidden\">v</p>")
            << QStringLiteral("<p>Keep</p>\n");
        QTest::newRow("text is escaped")
            << QStringLiteral("<p>Fish &amp; chips &lt;3 {{name}}</p>") << QStringLiteral("<p>Fish &amp; chips &lt;3 {{name}}</p>\n");
        QTest::newRow("nothing left") << QStringLiteral("<script>x</script><p> &nbsp; </p>") << QString();
    }

    void cases()
    {
        QFETCH(QString, pasted);
        QFETCH(QString, clean);
        QCOMPARE(PasteCleaner::clean(pasted), clean);
    }

    // A page nesting lists deeper than any message needs does not nest without end.
    void deepListsAreFlattened()
    {
        QString html;
        for (int i = 0; i < 50; ++i)
            html += QStringLiteral("<ul><li>level %1").arg(i + 1);
        const QString cleaned = PasteCleaner::clean(html);
        QCOMPARE(cleaned.count(QStringLiteral("<ul>")), 8);
        QVERIFY(cleaned.contains(QStringLiteral("level 50")));
    }
};

QTEST_MAIN(TestPasteCleaner)
#include "TestPasteCleaner.moc"
