#include "compose/CompiledTemplate.h"
#include "domain/Campaign.h"
#include "domain/Nonprofit.h"

#include <QTest>

using namespace herald;

class TestCompiledTemplate : public QObject
{
    Q_OBJECT

    static RenderContext context()
    {
        Nonprofit nonprofit;
        nonprofit.name = QStringLiteral("Ben & Jerry's <Foundation>");
        nonprofit.email = QStringLiteral("info@bj.example.org");
        nonprofit.city = QStringLiteral("Burlington");
        nonprofit.tags = {QStringLiteral("gala"), QStringLiteral("vt")};
        Campaign campaign;
        campaign.name = QStringLiteral("Spring appeal");
        campaign.fromName = QStringLiteral("Herald Team");
        campaign.postalAddress = QStringLiteral("1 Main St, Dover, DE 19901");
        return RenderContext::forRecipient(nonprofit, campaign, QStringLiteral("https://example.org/u?t=abc&x=1"),
                                           QDate(2026, 11, 23));
    }

    static QString render(const QString& text, CompiledTemplate::Escaping escaping)
    {
        CompiledTemplate compiled;
        TemplateIssue error;
        if (!CompiledTemplate::compile(text, escaping, &compiled, &error))
            return QStringLiteral("ERROR: ") + error.toString();
        return compiled.render(context());
    }

private slots:
    void rendering_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("html");
        QTest::addColumn<QString>("expected");
        QTest::newRow("html escapes values") << "Dear {{name}}," << true << "Dear Ben &amp; Jerry&#39;s &lt;Foundation&gt;,";
        QTest::newRow("text keeps values raw") << "Dear {{name}}," << false << "Dear Ben & Jerry's <Foundation>,";
        QTest::newRow("triple mustache is raw in html") << "{{{name}}}" << true << "Ben & Jerry's <Foundation>";
        QTest::newRow("section shown when set") << "{{#city}}in {{city}}{{/city}}" << false << "in Burlington";
        QTest::newRow("section hidden when empty") << "{{#ein}}EIN {{ein}}{{/ein}}." << false << ".";
        QTest::newRow("inverted section") << "{{^ein}}no EIN{{/ein}}" << false << "no EIN";
        QTest::newRow("list section") << "{{#tags}}[{{.}}]{{/tags}}" << false << "[gala][vt]";
        QTest::newRow("unsubscribe url escaped in html") << "<a href=\"{{unsubscribe_url}}\">" << true
                                                         << "<a href=\"https://example.org/u?t=abc&amp;x=1\">";
        QTest::newRow("campaign and date") << "{{campaign_name}} / {{postal_address}}" << false
                                           << "Spring appeal / 1 Main St, Dover, DE 19901";
        QTest::newRow("non-ascii passes through") << "Grüße aus {{city}} ✓" << false << "Grüße aus Burlington ✓";
    }

    void rendering()
    {
        QFETCH(QString, text);
        QFETCH(bool, html);
        QFETCH(QString, expected);
        QCOMPARE(render(text, html ? CompiledTemplate::Escaping::Html : CompiledTemplate::Escaping::Plain), expected);
    }

    void syntaxErrorsHaveLineAndColumn_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("unclosed section") << "Hello\n  {{#city}} there" << 2 << 3 << "Unclosed section \"city\"";
        QTest::newRow("unopened section") << "Grüße\nok {{/city}}" << 2 << 4 << "Unopened section \"city\"";
        QTest::newRow("unclosed tag") << "a\nb\nc {{name" << 3 << 3 << "Unclosed tag";
    }

    void syntaxErrorsHaveLineAndColumn()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        CompiledTemplate compiled;
        TemplateIssue error;
        QVERIFY(!CompiledTemplate::compile(text, CompiledTemplate::Escaping::Html, &compiled, &error));
        QCOMPARE(error.message, message);
        QCOMPARE(error.line, line);
        QCOMPARE(error.column, column);
    }

    void copiesRenderIndependently()
    {
        CompiledTemplate compiled;
        TemplateIssue error;
        QVERIFY(CompiledTemplate::compile(QStringLiteral("{{name}}"), CompiledTemplate::Escaping::Plain, &compiled, &error));
        const CompiledTemplate copy(compiled);
        QCOMPARE(copy.render(context()), compiled.render(context()));
        QCOMPARE(copy.render(context()), QStringLiteral("Ben & Jerry's <Foundation>"));
    }
};

QTEST_GUILESS_MAIN(TestCompiledTemplate)
#include "TestCompiledTemplate.moc"
