#include "compose/TemplateValidator.h"
#include "domain/Template.h"

#include <QTest>

using namespace herald;

class TestTemplateValidator : public QObject
{
    Q_OBJECT

    static Template good()
    {
        Template tmpl;
        tmpl.name = QStringLiteral("Appeal");
        tmpl.subject = QStringLiteral("News for {{name}}");
        tmpl.htmlBody = QStringLiteral("<p>Dear {{name}},</p>\n<p>{{postal_address}}</p>\n<a href=\"{{unsubscribe_url}}\">Unsubscribe</a>");
        tmpl.textBody = QStringLiteral("Dear {{name}},\n{{postal_address}}\nUnsubscribe: {{unsubscribe_url}}");
        return tmpl;
    }

    static QStringList messages(const TemplateIssues& issues)
    {
        QStringList list;
        for (const TemplateIssue& issue : issues)
            list << issue.toString();
        return list;
    }

private slots:
    void aCompliantTemplateHasNoIssues()
    {
        const TemplateIssues issues = TemplateValidator::validate(good());
        QVERIFY2(issues.isEmpty(), qPrintable(messages(issues).join(QLatin1Char('\n'))));
    }

    void unknownPlaceholderIsNamedWithPosition()
    {
        Template tmpl = good();
        tmpl.textBody = QStringLiteral("Dear {{name}},\nsee {{nmae}}\n{{postal_address}} {{unsubscribe_url}}");
        const TemplateIssues issues = TemplateValidator::validate(tmpl);
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().part, QStringLiteral("text"));
        QCOMPARE(issues.first().line, 2);
        QCOMPARE(issues.first().column, 5);
        QVERIFY(issues.first().message.startsWith(QLatin1String("Unknown placeholder {{nmae}}")));
        QVERIFY(TemplateValidator::hasErrors(issues));
    }

    void missingUnsubscribeAndAddressAreErrors()
    {
        Template tmpl = good();
        tmpl.htmlBody = QStringLiteral("<p>Hello {{name}}</p>");
        const QStringList found = messages(TemplateValidator::validate(tmpl));
        QCOMPARE(found.size(), 2);
        QVERIFY2(found.at(0).contains(QLatin1String("{{unsubscribe_url}}")), qPrintable(found.at(0)));
        QVERIFY2(found.at(1).contains(QLatin1String("{{postal_address}}")), qPrintable(found.at(1)));
        // Both point at the end of the body, where they would be added.
        for (const TemplateIssue& issue : TemplateValidator::validate(tmpl)) {
            QCOMPARE(issue.part, QStringLiteral("html"));
            QCOMPARE(issue.line, 1);
            QCOMPARE(issue.column, 22);
        }
        tmpl.htmlBody = QStringLiteral("<p>Hello {{name}}</p>\n<p>{{postal_address}}</p>\n");
        const TemplateIssues onLineThree = TemplateValidator::validate(tmpl);
        QCOMPARE(onLineThree.size(), 1);
        QCOMPARE(onLineThree.first().line, 3);
        QCOMPARE(onLineThree.first().column, 1);
    }

    void syntaxErrorIsReportedOnce()
    {
        Template tmpl = good();
        tmpl.subject = QStringLiteral("{{#city}}Hi");
        const TemplateIssues issues = TemplateValidator::validate(tmpl);
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().part, QStringLiteral("subject"));
        QCOMPARE(issues.first().line, 1);
        QCOMPARE(issues.first().column, 1);
    }

    void rawHtmlValueIsAWarning()
    {
        Template tmpl = good();
        tmpl.htmlBody += QStringLiteral("{{{name}}}");
        const TemplateIssues issues = TemplateValidator::validate(tmpl);
        QCOMPARE(issues.size(), 1);
        QVERIFY(issues.first().severity == TemplateIssue::Severity::Warning);
        QVERIFY(!TemplateValidator::hasErrors(issues));
    }

    void emptyThingsAreErrors()
    {
        Template tmpl;
        const QStringList found = messages(TemplateValidator::validate(tmpl));
        QVERIFY2(found.join(QLatin1Char('\n')).contains(QLatin1String("subject is empty")), qPrintable(found.join(QLatin1Char('\n'))));
        QVERIFY(found.join(QLatin1Char('\n')).contains(QLatin1String("Both bodies are empty")));
    }

    void placeholdersInOrder()
    {
        QCOMPARE(TemplateValidator::placeholdersIn(QStringLiteral("{{#tags}}{{.}}{{/tags}} {{name}} {{! note }} {{name}}")),
                 (QStringList{QStringLiteral("tags"), QStringLiteral("name")}));
    }
};

QTEST_GUILESS_MAIN(TestTemplateValidator)
#include "TestTemplateValidator.moc"
