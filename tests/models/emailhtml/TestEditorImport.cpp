#include "emailhtml/EditorImport.h"

#include <QTest>

using namespace herald;

class TestEditorImport : public QObject
{
    Q_OBJECT

private slots:
    // A template typed by hand in plain HTML opens in the editor; the writer adds its styles later.
    void plainHtmlOpens()
    {
        const Result<QString> editor = EditorImport::editorHtml(
            QStringLiteral("<p>Dear {{name}},</p>\n<p>Thanks for <b>everything</b>.<br>See <a href=\"https://example.org/?id={{ein}}\">this</a></p>"
                           "<ul><li>one</li></ul><img src=\"{{logo_url}}\" alt=\"Logo\" width=\"120\">\n"
                           "<p>{{postal_address}} <a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>"));
        QVERIFY2(editor.ok(), qPrintable(editor.error().message));
        QCOMPARE(*editor, QStringLiteral("<p>Dear {{name}},</p>\n"
                                         "<p>Thanks for <strong>everything</strong>.<br>See <a href=\"https://example.org/?id={{ein}}\">this</a></p>\n"
                                         "<ul>\n<li>one</li>\n</ul>\n"
                                         "<p><img src=\"{{logo_url}}\" alt=\"Logo\" width=\"120\"></p>\n"
                                         "<p>{{postal_address}} <a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>\n"));
    }

    // An image of the media library opens in the visual editor as it is.
    void mediaLibraryImageOpens()
    {
        const QString html = QStringLiteral("<p><img src=\"media:spring%20logo.png\" alt=\"Logo\" width=\"200\"></p>\n");
        const Result<QString> editor = EditorImport::editorHtml(html);
        QVERIFY2(editor.ok(), qPrintable(editor.error().message));
        QCOMPARE(*editor, html);
    }

    void buttonsAndColoursOpen()
    {
        const Result<QString> editor = EditorImport::editorHtml(
            QStringLiteral("<p style=\"text-align:center\"><a href=\"https://example.org/give\" style=\"background-color:#2e7d32;color:#fff\">Give</a> "
                           "<span style=\"color: #C0392B\">now</span></p>"));
        QVERIFY2(editor.ok(), qPrintable(editor.error().message));
        QCOMPARE(*editor, QStringLiteral("<p style=\"text-align:center\"><a href=\"https://example.org/give\" "
                                         "style=\"background-color:#2e7d32;color:#ffffff\">Give</a> "
                                         "<span style=\"color:#c0392b\">now</span></p>\n"));
    }

    // What the editor could not keep opens as source, with a sentence naming it.
    void lossIsNamed_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("named");
        QTest::newRow("table layout")
            << QStringLiteral("<table width=\"600\"><tr><td><p>Hi</p></td></tr></table>") << QStringLiteral("<table> layout");
        QTest::newRow("classes from a style block")
            << QStringLiteral("<html><head><style>.hero{color:red}</style></head><body><p class=\"hero\">Hi</p></body></html>")
            << QStringLiteral("CSS classes from a <style> block");
        QTest::newRow("style block") << QStringLiteral("<style>p{color:red}</style><p>Hi</p>") << QStringLiteral("<style> block");
        QTest::newRow("class without a style block") << QStringLiteral("<p class=\"intro\">Hi</p>") << QStringLiteral("class=\"intro\" on <p>");
        QTest::newRow("unknown element") << QStringLiteral("<blockquote>Hi</blockquote>") << QStringLiteral("<blockquote>");
        QTest::newRow("script") << QStringLiteral("<p>Hi</p><script>x()</script>") << QStringLiteral("<script>");
        QTest::newRow("form") << QStringLiteral("<form><input name=\"q\"></form>") << QStringLiteral("<form>");
        QTest::newRow("comment") << QStringLiteral("<p>Hi</p><!-- keep me -->") << QStringLiteral("HTML comment");
        QTest::newRow("own inline style") << QStringLiteral("<p style=\"font-size:20px\">Hi</p>") << QStringLiteral("font-size:20px");
        QTest::newRow("link colour") << QStringLiteral("<p><a href=\"https://x.org\" style=\"color:red\">x</a></p>") << QStringLiteral("color:red");
        QTest::newRow("tracking opt-out") << QStringLiteral("<p><a href=\"https://x.org\" data-herald-notrack>x</a></p>")
                                         << QStringLiteral("data-herald-notrack");
        QTest::newRow("image width in percent") << QStringLiteral("<img src=\"https://x.org/a.png\" alt=\"\" width=\"50%\">")
                                               << QStringLiteral("width=\"50%\"");
        QTest::newRow("bad colour") << QStringLiteral("<p><span style=\"color:notacolour\">x</span></p>") << QStringLiteral("color:notacolour");
    }

    void lossIsNamed()
    {
        QFETCH(QString, html);
        QFETCH(QString, named);
        const Result<QString> editor = EditorImport::editorHtml(html);
        QVERIFY(!editor.ok());
        QCOMPARE(editor.error().field, QStringLiteral("html"));
        QVERIFY2(editor.error().message.contains(named), qPrintable(editor.error().message));
        QVERIFY(editor.error().message.startsWith(QLatin1String("Opened as HTML: ")));
    }

    void emptyTemplateOpens()
    {
        const Result<QString> editor = EditorImport::editorHtml(QString());
        QVERIFY(editor.ok());
        QCOMPARE(*editor, QString());
    }
};

QTEST_MAIN(TestEditorImport)
#include "TestEditorImport.moc"
