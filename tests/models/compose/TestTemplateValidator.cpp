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

    // What email clients break is a warning that names the image or URL and points at its element.
    void emailClientWarnings_data()
    {
        QTest::addColumn<QString>("element");
        QTest::addColumn<QStringList>("named");
        QTest::newRow("image without alt")
            << QStringLiteral("<img src=\"https://example.org/logo.png\" width=\"200\">")
            << QStringList{QStringLiteral("https://example.org/logo.png"), QStringLiteral("alt text")};
        QTest::newRow("image wider than the layout")
            << QStringLiteral("<img src=\"https://example.org/wide.jpg\" alt=\"Gala\" width=\"1200\">")
            << QStringList{QStringLiteral("https://example.org/wide.jpg"), QStringLiteral("1200 px"), QStringLiteral("600 px")};
        QTest::newRow("image wider by its style")
            << QStringLiteral("<img src=\"https://example.org/wide.jpg\" alt=\"\" style=\"width: 700px\">")
            << QStringList{QStringLiteral("700 px")};
        QTest::newRow("relative image")
            << QStringLiteral("<img src=\"images/logo.png\" alt=\"Logo\">")
            << QStringList{QStringLiteral("images/logo.png"), QStringLiteral("relative URL")};
        QTest::newRow("relative link")
            << QStringLiteral("<a href=\"/donate?x={{ein}}\">Give</a>") << QStringList{QStringLiteral("/donate?x={{ein}}"), QStringLiteral("relative URL")};
        QTest::newRow("protocol-relative link")
            << QStringLiteral("<a href=\"//cdn.example.org/x\">x</a>") << QStringList{QStringLiteral("//cdn.example.org/x")};
    }

    void emailClientWarnings()
    {
        QFETCH(QString, element);
        QFETCH(QStringList, named);
        Template tmpl = good();
        tmpl.htmlBody = QStringLiteral("<p>Dear {{name}},</p>\n<p>{{postal_address}}</p>\n<p>x ") + element
            + QStringLiteral("</p>\n<a href=\"{{unsubscribe_url}}\">Unsubscribe</a>");
        const TemplateIssues issues = TemplateValidator::validate(tmpl);
        QCOMPARE(issues.size(), 1);
        const TemplateIssue& issue = issues.first();
        QCOMPARE(issue.severity, TemplateIssue::Severity::Warning);
        QCOMPARE(issue.part, QStringLiteral("html"));
        QCOMPARE(issue.line, 3);
        QCOMPARE(issue.column, 6);
        for (const QString& name : named)
            QVERIFY2(issue.message.contains(name), qPrintable(issue.message));
        QVERIFY(!TemplateValidator::hasErrors(issues));
    }

    // Absolute, placeholder, mailto and in-message links are fine; so is alt="" on a decorative image, and an image
    // of the media library (media:NAME, a scheme of its own, not a relative URL).
    void goodUrlsAreNotWarnedAbout()
    {
        Template tmpl = good();
        tmpl.htmlBody = QStringLiteral("<p>Dear {{name}}, <a href=\"https://example.org/?id={{ein}}\">a</a> "
                                       "<a href=\"mailto:info@example.org\">b</a> <a href=\"#top\">c</a> "
                                       "<img src=\"https://example.org/{{ein}}.png\" alt=\"\" width=\"600\"> "
                                       "<img src=\"cid:logo\" alt=\"Logo\"> <img src=\"media:logo%20big.png\" alt=\"Logo\">"
                                       "</p>\n<p>{{postal_address}}</p>"
                                       "<a href=\"{{unsubscribe_url}}\">Unsubscribe</a><!-- <img src=\"x.png\"> -->");
        const TemplateIssues issues = TemplateValidator::validate(tmpl);
        QVERIFY2(issues.isEmpty(), qPrintable(messages(issues).join(QLatin1Char('\n'))));
    }

    // Gmail clips a message over 102 KB; a body just under the line is not warned about.
    void bodyOverGmailsClipIsWarnedAbout()
    {
        Template tmpl = good();
        const QString frame = tmpl.htmlBody;
        tmpl.htmlBody = frame + QStringLiteral("<p>") + QString(102 * 1024 - frame.size() - 7, QLatin1Char('x')) + QStringLiteral("</p>");
        QCOMPARE(tmpl.htmlBody.toUtf8().size(), 102 * 1024);
        QVERIFY2(TemplateValidator::validate(tmpl).isEmpty(), qPrintable(messages(TemplateValidator::validate(tmpl)).join(QLatin1Char('\n'))));
        tmpl.htmlBody += QStringLiteral("\u00e9"); // two bytes in UTF-8: over the line by bytes, not by characters
        const TemplateIssues issues = TemplateValidator::validate(tmpl);
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().severity, TemplateIssue::Severity::Warning);
        QCOMPARE(issues.first().line, 0);
        QVERIFY2(issues.first().message.contains(QLatin1String("Gmail clips")), qPrintable(issues.first().message));
        QVERIFY(issues.first().message.contains(QLatin1String("103 KB")));
    }
};

QTEST_GUILESS_MAIN(TestTemplateValidator)
#include "TestTemplateValidator.moc"
