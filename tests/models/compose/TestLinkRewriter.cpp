#include "DkimVerifier.h"
#include "ParsedMessage.h"
#include "compose/CompiledTemplate.h"
#include "compose/DkimKeyPair.h"
#include "compose/DkimSigner.h"
#include "compose/HtmlLinkScanner.h"
#include "compose/LinkRewriter.h"
#include "compose/MessageBuilder.h"
#include "domain/Campaign.h"
#include "domain/Nonprofit.h"

#include <QJsonArray>
#include <QTest>

using namespace herald;

// Templates rewritten for click tracking: only the values of trackable links change, numbered in order of
// first appearance, and the result still renders into a message every check accepts.
class TestLinkRewriter : public QObject
{
    Q_OBJECT

    static const QString& trap()
    {
        static const QString html = QStringLiteral(
            "<a href=\"{{herald_trap_url}}\" style=\"display:none\" aria-hidden=\"true\" tabindex=\"-1\"></a>");
        return html;
    }

    static const QString& pixel()
    {
        static const QString html = QStringLiteral("<img src=\"{{herald_open_url}}\" width=\"1\" height=\"1\" alt=\"\" "
                                                   "style=\"display:block;width:1px;height:1px;border:0\" />");
        return html;
    }

    // Expected HTML, written with [trap] and [pixel] where those go.
    static QString tracked(QString html)
    {
        return html.replace(QStringLiteral("[trap]"), trap()).replace(QStringLiteral("[pixel]"), pixel());
    }

    static RewrittenTemplates rewritten(const QString& html, const QString& text)
    {
        auto result = LinkRewriter::rewrite(html, text);
        if (!result)
            qWarning("%s", qPrintable(result.error().message));
        return result.ok() ? result.value() : RewrittenTemplates{};
    }

    static QStringList urlsOf(const QList<TrackedLink>& links)
    {
        QStringList urls;
        for (const TrackedLink& link : links)
            urls << link.url;
        return urls;
    }

    static void addColumns()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QStringList>("urls");
    }

private slots:
    void htmlChangesOnlyTrackableValues_data()
    {
        addColumns();
        QTest::newRow("double quotes") << "<p>Hi <a href=\"https://example.org/a\">a</a></p>"
                                       << "[trap]<p>Hi <a href=\"{{herald_link_1}}\">a</a></p>[pixel]"
                                       << QStringList{"https://example.org/a"};
        QTest::newRow("single quotes, unquoted, upper case")
            << "<P><A HREF='https://example.org/a' class=x>a</A> <a href=HTTP://example.org/b>b</a></P>"
            << "[trap]<P><A HREF='{{herald_link_1}}' class=x>a</A> <a href={{herald_link_2}}>b</a></P>[pixel]"
            << QStringList{"https://example.org/a", "HTTP://example.org/b"};
        QTest::newRow("entities decoded in the stored url")
            << "<a href=\"https://example.org/?a=1&amp;b=2&#38;c=3\">x</a>"
            << "[trap]<a href=\"{{herald_link_1}}\">x</a>[pixel]" << QStringList{"https://example.org/?a=1&b=2&c=3"};
        QTest::newRow("comments and odd white space")
            << "<!-- <a href=\"https://example.org/hidden\"> -->\n<a\n   href = \"https://example.org/a\"\t>x</a >\r\n"
            << "<!-- <a href=\"https://example.org/hidden\"> -->\n[trap]<a\n   href = \"{{herald_link_1}}\"\t>x</a >\r\n[pixel]"
            << QStringList{"https://example.org/a"};
        QTest::newRow("script and style are no links")
            << "<style>a[href=\"https://example.org/s\"]{}</style><script>var u = \"<a href='https://example.org/j'>\";"
               "</script><p><a href=\"https://example.org/a\">a</a></p>"
            << "<style>a[href=\"https://example.org/s\"]{}</style><script>var u = \"<a href='https://example.org/j'>\";"
               "</script>[trap]<p><a href=\"{{herald_link_1}}\">a</a></p>[pixel]"
            << QStringList{"https://example.org/a"};
        QTest::newRow("duplicates share a number")
            << "<a href=\"https://example.org/a\">1</a><a href=\"https://example.org/b\">2</a><a href='https://example.org/a'>3</a>"
            << "[trap]<a href=\"{{herald_link_1}}\">1</a><a href=\"{{herald_link_2}}\">2</a><a href='{{herald_link_1}}'>3</a>[pixel]"
            << QStringList{"https://example.org/a", "https://example.org/b"};
        const QString untouched = QStringLiteral(
            "<a href=\"mailto:office@example.org?subject=Hi\">m</a><a href=\"tel:+15551234\">t</a><a href=\"sms:+15551234\">s</a>"
            "<a href=\"#top\">f</a><a href=\"/about\">r</a><a href=\"about.html\">r</a><a href=\"ftp://example.org/f\">o</a>"
            "<a href=\"javascript:void(0)\">j</a><a href=\"{{unsubscribe_url}}\">u</a><a href=\"{{{ unsubscribe_url }}}\">u</a>"
            "<a href=\"{{ view_url }}\">v</a><a href='{{{view_url}}}'>v</a><a href=\"https://\">e</a><a href>e</a>"
            "<a data-herald-notrack href=\"https://example.org/n\">n</a><a href=\"https://example.org/n\" DATA-HERALD-NOTRACK=1>n</a>");
        QTest::newRow("untracked kinds") << untouched << "[trap]" + untouched + "[pixel]" << QStringList{};
        QTest::newRow("white space around the href")
            << "<a href=\" https://example.org/a\n\">x</a>" << "[trap]<a href=\"{{herald_link_1}}\">x</a>[pixel]"
            << QStringList{"https://example.org/a"};
        QTest::newRow("area") << "<map name=m><area shape=rect coords=\"0,0,9,9\" href=\"https://example.org/map\"></map>"
                              << "[trap]<map name=m><area shape=rect coords=\"0,0,9,9\" href=\"{{herald_link_1}}\"></map>[pixel]"
                              << QStringList{"https://example.org/map"};
        QTest::newRow("mustache comment") << "{{! was: <a href=\"https://example.org/old\">old</a> }}<p>x</p>"
                                          << "[trap]{{! was: <a href=\"https://example.org/old\">old</a> }}<p>x</p>[pixel]"
                                          << QStringList{};
        QTest::newRow("inside sections")
            << "{{#city}}<a href=\"https://example.org/c\">{{city}}</a>{{/city}}"
               "{{#tags}}<a href=\"https://example.org/t/{{.}}\">{{.}}</a> {{/tags}}"
               "<a href=\"https://example.org/?t={{#tags}}{{.}},{{/tags}}\">all</a>"
            << "[trap]{{#city}}<a href=\"{{herald_link_1}}\">{{city}}</a>{{/city}}"
               "{{#tags}}<a href=\"https://example.org/t/{{.}}\">{{.}}</a> {{/tags}}"
               "<a href=\"{{herald_link_2}}\">all</a>[pixel]"
            << QStringList{"https://example.org/c", "https://example.org/?t={{#tags}}{{.}},{{/tags}}"};
        QTest::newRow("a section the url does not close")
            << "<a href=\"https://example.org/{{#ein}}e\">x</a>{{/ein}}"
            << "[trap]<a href=\"https://example.org/{{#ein}}e\">x</a>{{/ein}}[pixel]" << QStringList{};
        QTest::newRow("anchor the parser repeats")
            << "<b><a href=\"https://example.org/a\"><p>y</b>z</a>"
            << "[trap]<b><a href=\"{{herald_link_1}}\"><p>y</b>z</a>[pixel]" << QStringList{"https://example.org/a"};
        QTest::newRow("non-ascii before links")
            << "<p>Grüße aus München 🎉 — «ça va» 𝄞</p><a href=\"https://example.org/ü?q=𝄞\">ü</a><a href='https://example.org/z'>z</a>"
            << "[trap]<p>Grüße aus München 🎉 — «ça va» 𝄞</p><a href=\"{{herald_link_1}}\">ü</a><a href='{{herald_link_2}}'>z</a>[pixel]"
            << QStringList{"https://example.org/ü?q=𝄞", "https://example.org/z"};
    }

    void htmlChangesOnlyTrackableValues()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(QStringList, urls);
        const RewrittenTemplates result = rewritten(input, QString());
        QCOMPARE(result.html, tracked(expected));
        QCOMPARE(urlsOf(result.links), urls);
        QVERIFY(result.text.isEmpty());
    }

    void personalisedLinksKeepTheirPlaceholders()
    {
        const RewrittenTemplates result = rewritten(
            QStringLiteral("<a href=\"https://example.org/give?ein={{ein}}&amp;n={{{name}}}\">give</a>"
                           "<a href=\"https://example.org/news\">news</a>"),
            QStringLiteral("Give: https://example.org/give?ein={{ein}}&n={{{name}}}"));
        QCOMPARE(result.links.size(), 2);
        QCOMPARE(result.links.at(0).number, 1);
        QCOMPARE(result.links.at(0).url, QStringLiteral("https://example.org/give?ein={{ein}}&n={{{name}}}"));
        QVERIFY(result.links.at(0).personalised);
        QCOMPARE(result.links.at(1).number, 2);
        QVERIFY(!result.links.at(1).personalised);
        QCOMPARE(result.text, QStringLiteral("Give: {{herald_link_1}}"));
    }

    void trackingPlacement_data()
    {
        addColumns();
        QTest::newRow("document") << "<!DOCTYPE html>\n<html><head><title>x</title></head>\n<BODY class=\"x\">\n<p>Hi</p>\n</BODY>\n</html>\n"
                                  << "<!DOCTYPE html>\n<html><head><title>x</title></head>\n<BODY class=\"x\">[trap]\n<p>Hi</p>\n[pixel]</BODY>\n</html>\n"
                                  << QStringList{};
        QTest::newRow("fragment") << "<p>Hi</p>" << "[trap]<p>Hi</p>[pixel]" << QStringList{};
        QTest::newRow("text only") << "Hello {{name}}" << "[trap]Hello {{name}}[pixel]" << QStringList{};
        QTest::newRow("no body end tag") << "<html><body><p>Hi</p></html>" << "<html><body>[trap]<p>Hi</p>[pixel]</html>"
                                         << QStringList{};
        QTest::newRow("no body tags") << "<!DOCTYPE html><html><head><title>t</title></head><p>Hi</p></html>"
                                      << "<!DOCTYPE html><html><head><title>t</title></head>[trap]<p>Hi</p>[pixel]</html>"
                                      << QStringList{};
        QTest::newRow("body end tag in a comment") << "<body><p>x</p><!-- </body> --></body>"
                                                   << "<body>[trap]<p>x</p><!-- </body> -->[pixel]</body>" << QStringList{};
        QTest::newRow("non-ascii before the body") << "<head><title>Grüße 🎉</title></head><body>𝄞</body>"
                                                   << "<head><title>Grüße 🎉</title></head><body>[trap]𝄞[pixel]</body>"
                                                   << QStringList{};
        QTest::newRow("empty") << "" << "" << QStringList{};
        QTest::newRow("blank") << " \n" << " \n" << QStringList{};
    }

    void trackingPlacement()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(rewritten(input, QString()).html, tracked(expected));
    }

    void textUrls_data()
    {
        addColumns();
        QTest::newRow("end of sentence") << "See https://example.org/a." << "See {{herald_link_1}}."
                                         << QStringList{"https://example.org/a"};
        QTest::newRow("punctuation") << "https://example.org/a, or https://example.org/b?! yes: https://example.org/c;"
                                     << "{{herald_link_1}}, or {{herald_link_2}}?! yes: {{herald_link_3}};"
                                     << QStringList{"https://example.org/a", "https://example.org/b", "https://example.org/c"};
        QTest::newRow("query kept") << "https://example.org/a?x=1&y=2." << "{{herald_link_1}}."
                                    << QStringList{"https://example.org/a?x=1&y=2"};
        QTest::newRow("parentheses") << "(see https://example.org/a) and (https://en.example.org/wiki/Foo_(bar))."
                                     << "(see {{herald_link_1}}) and ({{herald_link_2}})."
                                     << QStringList{"https://example.org/a", "https://en.example.org/wiki/Foo_(bar)"};
        QTest::newRow("brackets and quotes") << "<https://example.org/a> \"https://example.org/b\""
                                             << "<{{herald_link_1}}> \"{{herald_link_2}}\""
                                             << QStringList{"https://example.org/a", "https://example.org/b"};
        QTest::newRow("placeholders in the url") << "Give at https://example.org/d?ein={{ein}}&n={{ name }}!"
                                                 << "Give at {{herald_link_1}}!"
                                                 << QStringList{"https://example.org/d?ein={{ein}}&n={{ name }}"};
        QTest::newRow("url at the end") << "Donate:\nhttps://example.org/d" << "Donate:\n{{herald_link_1}}"
                                        << QStringList{"https://example.org/d"};
        QTest::newRow("section closed after the url") << "{{#city}}Visit https://example.org/c{{/city}}"
                                                      << "{{#city}}Visit {{herald_link_1}}{{/city}}"
                                                      << QStringList{"https://example.org/c"};
        QTest::newRow("section opened after the url") << "https://example.org/c{{#city}} in {{city}}{{/city}}"
                                                      << "{{herald_link_1}}{{#city}} in {{city}}{{/city}}"
                                                      << QStringList{"https://example.org/c"};
        QTest::newRow("section inside the url") << "https://example.org/?t={{#tags}}{{.}},{{/tags}} end"
                                                << "{{herald_link_1}} end"
                                                << QStringList{"https://example.org/?t={{#tags}}{{.}},{{/tags}}"};
        QTest::newRow("section item") << "{{#tags}}https://example.org/t/{{.}} {{/tags}}"
                                      << "{{#tags}}https://example.org/t/{{.}} {{/tags}}" << QStringList{};
        QTest::newRow("mustache comment") << "{{! old: https://example.org/old }}x" << "{{! old: https://example.org/old }}x"
                                          << QStringList{};
        QTest::newRow("not web links") << "Unsubscribe: {{unsubscribe_url}} or mailto:x@example.org, ftp://example.org/f"
                                       << "Unsubscribe: {{unsubscribe_url}} or mailto:x@example.org, ftp://example.org/f"
                                       << QStringList{};
        QTest::newRow("case and words") << "HTTPS://EXAMPLE.ORG/A and xhttps://example.org/b and https:// alone"
                                        << "{{herald_link_1}} and xhttps://example.org/b and https:// alone"
                                        << QStringList{"HTTPS://EXAMPLE.ORG/A"};
        QTest::newRow("non-ascii before") << "Grüße 🎉 𝄞\thttps://example.org/ü\u00a0and https://example.org/z"
                                          << "Grüße 🎉 𝄞\t{{herald_link_1}}\u00a0and {{herald_link_2}}"
                                          << QStringList{"https://example.org/ü", "https://example.org/z"};
    }

    void textUrls()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(QStringList, urls);
        const RewrittenTemplates result = rewritten(QString(), input);
        QCOMPARE(result.text, expected);
        QCOMPARE(urlsOf(result.links), urls);
        QVERIFY(result.html.isEmpty());
    }

    void htmlAndTextShareNumbersInOrderOfFirstAppearance()
    {
        const QString html = QStringLiteral("<a href=\"https://example.org/a?x=1&amp;y=2\">a</a><a href=\"https://example.org/b\">b</a>");
        const QString text = QStringLiteral("https://example.org/c\nhttps://example.org/a?x=1&y=2\n");
        const RewrittenTemplates result = rewritten(html, text);
        QCOMPARE(result.html, tracked(QStringLiteral("[trap]<a href=\"{{herald_link_1}}\">a</a><a href=\"{{herald_link_2}}\">b</a>[pixel]")));
        QCOMPARE(result.text, QStringLiteral("{{herald_link_3}}\n{{herald_link_1}}\n"));
        QCOMPARE(urlsOf(result.links),
                 (QStringList{"https://example.org/a?x=1&y=2", "https://example.org/b", "https://example.org/c"}));
        for (int i = 0; i < result.links.size(); ++i)
            QCOMPARE(result.links.at(i).number, i + 1);

        // The queue stores the table and the sending threads compute it again: it must come out the same.
        const RewrittenTemplates again = rewritten(html, text);
        QCOMPARE(again.html, result.html);
        QCOMPARE(again.text, result.text);
        QCOMPARE(urlsOf(again.links), urlsOf(result.links));
    }

    void changedDelimitersAreRefused()
    {
        const auto result = LinkRewriter::rewrite(QStringLiteral("{{=<% %>=}}<a href=\"https://example.org\">x</a>"), QString());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Validation);
        QVERIFY(!result.error().message.isEmpty());
    }

    // The rewritten templates compile and render, with the tracking URLs where the links were, into a
    // message the builder accepts, an independent parser reads without defects, and DKIM verifies.
    void rewrittenTemplatesRenderIntoAValidMessage()
    {
        const QString html = QStringLiteral(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{{campaign_name}}</title></head>\n"
            "<body style=\"margin:0\">\n<p>Liebe {{name}}, Grüße 🎉</p>\n"
            "<p><a href=\"https://example.org/give?ein={{ein}}&amp;src=mail\">Give</a> · "
            "<a href=\"mailto:office@example.org\">Write</a></p>\n"
            "{{#tags}}<span>{{.}}</span>{{/tags}}\n<p>{{postal_address}} · <a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>\n"
            "</body>\n</html>\n");
        const QString text = QStringLiteral("Liebe {{name}},\nGive: https://example.org/give?ein={{ein}}&src=mail.\n"
                                            "{{postal_address}}\nUnsubscribe: {{unsubscribe_url}}\n");
        const RewrittenTemplates result = rewritten(html, text);
        QCOMPARE(result.links.size(), 1);

        CompiledTemplate htmlTemplate;
        CompiledTemplate textTemplate;
        TemplateIssue issue;
        QVERIFY2(CompiledTemplate::compile(result.html, CompiledTemplate::Escaping::Html, &htmlTemplate, &issue),
                 qPrintable(issue.toString()));
        QVERIFY2(CompiledTemplate::compile(result.text, CompiledTemplate::Escaping::Plain, &textTemplate, &issue),
                 qPrintable(issue.toString()));

        Nonprofit nonprofit;
        nonprofit.name = QStringLiteral("Tafel & Co");
        nonprofit.email = QStringLiteral("info@tafel.example.net");
        nonprofit.ein = QStringLiteral("12-3456789");
        nonprofit.tags = {QStringLiteral("gala")};
        Campaign campaign;
        campaign.name = QStringLiteral("Spring appeal");
        campaign.postalAddress = QStringLiteral("1 Main St, Dover, DE 19901");
        const QString unsubscribe = QStringLiteral("https://example.org/u?t=abc&c=1");
        RenderContext context = RenderContext::forRecipient(nonprofit, campaign, unsubscribe, QDate(2026, 11, 23));
        const QString click = QStringLiteral("https://t.example.org/c/1?s=42&sig=x");
        context.set(LinkRewriter::linkPlaceholder(1), click);
        context.set(LinkRewriter::openPlaceholder(), QStringLiteral("https://t.example.org/o?s=42&sig=y"));
        context.set(LinkRewriter::trapPlaceholder(), QStringLiteral("https://t.example.org/t?s=42&sig=z"));

        MessageSpec spec;
        spec.fromName = QStringLiteral("Fondation Écoute");
        spec.fromEmail = QStringLiteral("news@example.org");
        spec.toEmail = nonprofit.email;
        spec.subject = QStringLiteral("Spring appeal");
        spec.htmlBody = htmlTemplate.render(context);
        spec.textBody = textTemplate.render(context);
        spec.messageId = MessageBuilder::messageIdFor(42, 1, spec.fromEmail);
        spec.date = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
        spec.unsubscribeUrl = unsubscribe;

        // A browser follows the tracking URLs; mailto and unsubscribe are the template's own.
        QStringList followed;
        for (const HtmlLink& link : HtmlLinkScanner::scan(spec.htmlBody).links)
            followed << link.url;
        QCOMPARE(followed, (QStringList{QStringLiteral("https://t.example.org/t?s=42&sig=z"), click,
                                        QStringLiteral("mailto:office@example.org"), unsubscribe}));
        QVERIFY(spec.htmlBody.contains(QLatin1String("<img src=\"https://t.example.org/o?s=42&amp;sig=y\"")));
        QVERIFY(spec.textBody.contains(QLatin1String("Give: https://t.example.org/c/1?s=42&sig=x.\n")));
        // The stored URL, rendered as the redirect will, is where the link led before.
        CompiledTemplate target;
        QVERIFY(CompiledTemplate::compile(result.links.at(0).url, CompiledTemplate::Escaping::Plain, &target, &issue));
        QCOMPARE(target.render(context), QStringLiteral("https://example.org/give?ein=12-3456789&src=mail"));

        const auto built = MessageBuilder::build(spec);
        QVERIFY2(built.ok(), qPrintable(built.error().message));
        const QJsonObject parsed = test::parseMessage(built.value());
        QVERIFY2(parsed.value(QStringLiteral("defects")).toArray().isEmpty(), built.value().constData());
        for (const QByteArray& line : built.value().split('\n'))
            QVERIFY2(line.size() <= 79, line.constData());
        const QJsonArray parts = parsed.value(QStringLiteral("parts")).toArray();
        QCOMPARE(parts.size(), 2);
        QString htmlPart = parts.at(1)[QStringLiteral("content")].toString();
        QCOMPARE(htmlPart.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).trimmed(), spec.htmlBody.trimmed());

        const auto key = DkimKeyPair::generate();
        QVERIFY2(key.ok(), qPrintable(key.error().message));
        DkimSigner signer({DkimKey{QStringLiteral("example.org"), QStringLiteral("s1"), key.value().privateKeyPem()}});
        const auto signature = signer.sign(built.value(), QStringLiteral("example.org"));
        QVERIFY2(signature.ok(), qPrintable(signature.error().message));
        const QJsonObject zone{{DkimKeyPair::recordName(QStringLiteral("s1"), QStringLiteral("example.org")),
                                QJsonArray{DkimKeyPair::txtRecordValue(key.value().publicKeyBase64())}}};
        const auto verdict = test::DkimVerifier::verify(signature.value() + built.value(), zone);
        QVERIFY2(verdict.verified, qPrintable(verdict.error));
    }
};

QTEST_GUILESS_MAIN(TestLinkRewriter)
#include "TestLinkRewriter.moc"
