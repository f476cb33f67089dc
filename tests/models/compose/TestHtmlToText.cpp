#include "compose/HtmlToText.h"

#include <QTest>

using namespace herald;

class TestHtmlToText : public QObject
{
    Q_OBJECT

private slots:
    void converts_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("text");
        QTest::newRow("paragraphs") << "<p>One\n  two</p><p>Three</p>" << "One two\n\nThree\n";
        QTest::newRow("line breaks") << "Line<br>next<br/><br />after a blank" << "Line\nnext\n\nafter a blank\n";
        QTest::newRow("headings and divs") << "<h1>Title</h1><div>a</div><div>b</div>" << "Title\n\na\nb\n";
        QTest::newRow("list") << "<p>Items:</p><ul><li>one</li><li>two <b>bold</b></li></ul><p>End</p>"
                              << "Items:\n\n- one\n- two bold\n\nEnd\n";
        QTest::newRow("nested list") << "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>" << "- a\n  - b\n- c\n";
        QTest::newRow("link") << "See <a href=\"https://example.org/a?x=1&amp;y=2\">our site</a>."
                              << "See our site (https://example.org/a?x=1&y=2).\n";
        QTest::newRow("link that is its url") << "<a href='https://example.org'>https://example.org</a>"
                                              << "https://example.org\n";
        QTest::newRow("mailto") << "<a href=\"mailto:hi@example.org\">hi@example.org</a>" << "hi@example.org\n";
        QTest::newRow("anchor") << "<a href=\"#top\">Top</a>" << "Top\n";
        QTest::newRow("entities") << "Caf&eacute; &amp; Co &lt;3 &#8364;5 &#x1F600; &nbsp;&copy; &bogus; AT&T"
                                  << "Caf\u00e9 & Co <3 \u20ac5 \U0001F600 \u00a9 &bogus; AT&T\n";
        QTest::newRow("mustache kept") << "<p>Dear {{name}} &amp; {{{city}}},</p><p><a href=\"{{unsubscribe_url}}\">"
                                          "Unsubscribe</a></p><p>{{postal_address}}</p>"
                                       << "Dear {{name}} & {{{city}}},\n\nUnsubscribe ({{unsubscribe_url}})\n\n"
                                          "{{postal_address}}\n";
        QTest::newRow("mustache with entity-like text") << "{{#tags}}&amp;{{.}}{{/tags}}" << "{{#tags}}&{{.}}{{/tags}}\n";
        QTest::newRow("head, style, script, comments skipped")
            << "<html><head><title>T</title><style>p{color:red}</style></head><body><!-- note --><p>Body</p>"
               "<script>if (a < b) x();</script></body></html>"
            << "Body\n";
        QTest::newRow("image alt and hr") << "<p><img src=\"logo.png\" alt=\"Logo\"> News</p><hr><p>More</p>"
                                          << "Logo News\n\n----\n\nMore\n";
        QTest::newRow("table cells") << "<table><tr><td>Name</td><td>{{name}}</td></tr><tr><td>City</td><td>X</td></tr></table>"
                                     << "Name {{name}}\nCity X\n";
        QTest::newRow("pre keeps lines") << "<pre>a\n  b</pre>" << "a\n  b\n";
        QTest::newRow("attribute with >") << "<p title=\"a > b\">Kept</p>" << "Kept\n";
        QTest::newRow("lone less-than") << "1 < 2 and 3 > 2" << "1 < 2 and 3 > 2\n";
        QTest::newRow("unclosed tag at end") << "Text <p" << "Text\n";
        QTest::newRow("plain text") << "Just text" << "Just text\n";
        QTest::newRow("empty") << "" << "\n";
    }

    void converts()
    {
        QFETCH(QString, html);
        QFETCH(QString, text);
        QCOMPARE(HtmlToText::convert(html), text);
    }
};

QTEST_GUILESS_MAIN(TestHtmlToText)
#include "TestHtmlToText.moc"
