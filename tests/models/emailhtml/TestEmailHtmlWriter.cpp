#include "PasteFixtures.h"
#include "emailhtml/EditorFormats.h"
#include "emailhtml/EditorImport.h"
#include "emailhtml/EmailHtmlWriter.h"
#include "emailhtml/HtmlTree.h"
#include "emailhtml/PasteCleaner.h"

#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

using namespace herald;

class TestEmailHtmlWriter : public QObject
{
    Q_OBJECT

    // A document as the editor's toolbar would make it, through the cursor.
    static void typeNewsletter(QTextDocument* document)
    {
        QTextCursor cursor(document);
        QTextBlockFormat heading;
        heading.setHeadingLevel(1);
        cursor.setBlockFormat(heading);
        cursor.insertText(QStringLiteral("Spring news"));

        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        cursor.insertText(QStringLiteral("Dear {{name}}, we served "));
        QTextCharFormat bold;
        bold.setFontWeight(QFont::Bold);
        cursor.insertText(QStringLiteral("12,000 meals"), bold);
        cursor.insertText(QStringLiteral(" and "), QTextCharFormat());
        QTextCharFormat colour;
        colour.setForeground(QColor(QStringLiteral("#c0392b")));
        colour.setFontItalic(true);
        cursor.insertText(QStringLiteral("more"), colour);
        cursor.insertText(QStringLiteral(". Read the "), QTextCharFormat());
        QTextCharFormat link;
        link.setAnchor(true);
        link.setAnchorHref(QStringLiteral("https://example.org/report?id={{ein}}&lang=en"));
        cursor.insertText(QStringLiteral("report"), link);
        cursor.insertText(QStringLiteral("."), QTextCharFormat());

        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        QTextListFormat bullets;
        bullets.setStyle(QTextListFormat::ListDisc);
        QTextList* outer = cursor.createList(bullets);
        cursor.insertText(QStringLiteral("Meals"));
        cursor.insertBlock();
        QTextListFormat nested;
        nested.setStyle(QTextListFormat::ListDecimal);
        nested.setIndent(2);
        QTextList* inner = cursor.createList(nested);
        cursor.insertText(QStringLiteral("to homes"));
        cursor.insertBlock();
        inner->remove(cursor.block());
        outer->add(cursor.block());
        cursor.insertText(QStringLiteral("Pantry"));

        QTextBlockFormat centred;
        centred.setAlignment(Qt::AlignHCenter);
        cursor.insertBlock(centred, QTextCharFormat());
        cursor.insertImage(EditorFormats::image(QStringLiteral("https://example.org/logo.png"), QStringLiteral("Riverside Food Bank"), 200));
        cursor.insertBlock(centred, QTextCharFormat());
        cursor.insertText(QStringLiteral("Donate now"), EditorFormats::button(QStringLiteral("https://example.org/give"), QColor(QStringLiteral("#2e7d32"))));

        cursor.insertHtml(QStringLiteral("<hr>"));
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        cursor.insertText(QStringLiteral("{{postal_address}} · "));
        QTextCharFormat unsubscribe;
        unsubscribe.setAnchor(true);
        unsubscribe.setAnchorHref(QStringLiteral("{{unsubscribe_url}}"));
        cursor.insertText(QStringLiteral("Unsubscribe"), unsubscribe);
    }

    static QString written()
    {
        QTextDocument document;
        typeNewsletter(&document);
        return EmailHtmlWriter::write(document);
    }

    static QString roundTrip(const QString& html)
    {
        const Result<QString> editor = EditorImport::editorHtml(html);
        if (!editor)
            qFatal("not representable: %s", qPrintable(editor.error().message));
        QTextDocument document;
        document.setHtml(*editor);
        return EmailHtmlWriter::write(document);
    }

private slots:
    void contentIsWrittenAsEmailHtml()
    {
        const QString html = written();
        const QString p = QStringLiteral("<p style=\"margin:0 0 16px 0;font-family:Arial,Helvetica,sans-serif;font-size:16px;"
                                         "line-height:24px;color:#222222\">");
        QVERIFY2(html.contains(p + QStringLiteral("Dear {{name}}, we served <strong>12,000 meals</strong> and "
                                                   "<span style=\"color:#c0392b\"><em>more</em></span>. Read the "
                                                   "<a href=\"https://example.org/report?id={{ein}}&amp;lang=en\" "
                                                   "style=\"color:#1a5fb4;text-decoration:underline\">report</a>.</p>")),
                 qPrintable(html));
        QVERIFY(html.contains(QStringLiteral(">Spring news</h1>")));
        // The nested numbered list sits inside the first item; the list goes on after it.
        QVERIFY2(html.contains(QRegularExpression(QStringLiteral("<ul style=\"[^\"]+\">\n<li style=\"[^\"]+\">Meals\n"
                                                                  "<ol style=\"[^\"]+\">\n<li style=\"[^\"]+\">to homes</li>\n"
                                                                  "</ol>\n</li>\n<li style=\"[^\"]+\">Pantry</li>\n</ul>\n"))),
                 qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("<img src=\"https://example.org/logo.png\" alt=\"Riverside Food Bank\" width=\"200\" "
                                             "style=\"display:inline-block;max-width:100%;height:auto;")));
        QVERIFY(html.contains(QStringLiteral("text-align:center\"><img")));
        QVERIFY2(html.contains(QStringLiteral("<a href=\"https://example.org/give\" style=\"display:inline-block;padding:12px 24px;"
                                              "border-radius:4px;font-weight:bold;text-decoration:none;"
                                              "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:24px;"
                                              "background-color:#2e7d32;color:#ffffff\">Donate now</a>")),
                 qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("<hr style=\"border:0;border-top:1px solid #dddddd;")));
        QVERIFY(html.contains(QStringLiteral("{{postal_address}} · <a href=\"{{unsubscribe_url}}\"")));
    }

    // Clients drop <style> blocks and classes: every element that looks like anything carries its style.
    void everyStyleIsInline()
    {
        const QString html = written();
        QVERIFY(!html.contains(QLatin1String("<style"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QLatin1String("class="), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QLatin1String("<script"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QLatin1String("<form"), Qt::CaseInsensitive));
        const HtmlTree tree(html);
        int styled = 0;
        HtmlTree::forEachNode(tree.body(), [&](const GumboNode* node) {
            if (!HtmlTree::isElement(node))
                return;
            const QString tag = HtmlTree::tagName(node);
            static const QStringList needStyle{QStringLiteral("body"), QStringLiteral("p"), QStringLiteral("h1"),
                                               QStringLiteral("ul"), QStringLiteral("ol"), QStringLiteral("li"),
                                               QStringLiteral("a"), QStringLiteral("img"), QStringLiteral("hr"),
                                               QStringLiteral("span")};
            if (needStyle.contains(tag)) {
                QVERIFY2(!HtmlTree::attribute(node, "style").isEmpty(), qPrintable(tag));
                ++styled;
            }
        });
        QVERIFY(styled >= 14);
    }

    // 600 px centred, fluid below it, with a fixed table for Outlook for Windows.
    void layoutIsCentredAndFluid()
    {
        const QString html = written();
        QVERIFY(html.contains(QStringLiteral("<td align=\"center\"")));
        QVERIFY(html.contains(QStringLiteral("width:100%;max-width:600px")));
        QVERIFY(html.contains(QStringLiteral("<!--[if mso]><table role=\"presentation\" width=\"600\"")));
        QVERIFY(html.contains(QStringLiteral("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")));
    }

    // What the editor opens from what it wrote writes the same HTML again.
    void roundTripIsStable()
    {
        const QString once = written();
        QCOMPARE(roundTrip(once), once);
    }

    // Pasted content, loaded into the editor and written, survives opening and writing again.
    void pastedContentRoundTrips_data() { test::addPasteFixtureRows(); }

    void pastedContentRoundTrips()
    {
        QFETCH(QString, name);
        QTextDocument document;
        document.setHtml(PasteCleaner::clean(test::pasteFixture(name + QStringLiteral(".html"))));
        const QString once = EmailHtmlWriter::write(document);
        QVERIFY(once.contains(QStringLiteral("<ul")) || name.startsWith(QLatin1String("news")));
        QCOMPARE(roundTrip(once), once);
    }

    // HTML collapses white space; two spaces typed stay two, and the edges of a line show none.
    void spacesAreKeptAsTyped()
    {
        QTextDocument document;
        QTextCursor cursor(&document);
        cursor.insertText(QStringLiteral("  one  two \u2028 three  "));
        const QString html = EmailHtmlWriter::write(document);
        QVERIFY2(html.contains(QStringLiteral(">one &nbsp;two<br>three</p>")), qPrintable(html));
        QCOMPARE(roundTrip(html), html);
    }

    void emptyDocumentHasTheLayoutOnly()
    {
        QTextDocument document;
        const QString html = EmailHtmlWriter::write(document);
        QVERIFY(!html.contains(QStringLiteral("<p")));
        QVERIFY(html.contains(QStringLiteral("max-width:600px")));
    }
};

QTEST_MAIN(TestEmailHtmlWriter)
#include "TestEmailHtmlWriter.moc"
