#include "HeraldCli.h"
#include "InlineStyles.h"
#include "ParsedMessage.h"
#include "TestDatabase.h"
#include "domain/Audience.h"
#include "storage/BrandingRepository.h"
#include "storage/CampaignRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/TemplateRepository.h"
#include "templates/StarterDesigns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// `herald template list|export|import`, run as the real executable on the backend under test: a template goes out
// to JSON and back unchanged, and an import is refused for the same errors, in the same words, as the Templates
// page's Save (TemplateValidator through TemplateSaver). The starter designs are listed and imported in the
// database's branding, and each renders (`herald campaign render`) to a MIME message with inline styles only.
class TestTemplateCommand : public QObject
{
    Q_OBJECT

    using Run = test::HeraldProcess::Run;

    test::HeraldCli m_cli;
    QTemporaryDir m_files;

    Run herald(QStringList arguments) { return m_cli.run(std::move(arguments)); }

    Template storeTemplate()
    {
        Template appeal;
        appeal.name = QStringLiteral("Spring appeal");
        appeal.subject = QStringLiteral("Grüße an {{name}}");
        appeal.htmlBody = QStringLiteral("<p>Dear {{name}},</p>\n<p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a>"
                                         "</p>\n<p>{{postal_address}}</p>");
        appeal.textBody = QStringLiteral("Dear {{name}},\nUnsubscribe: {{unsubscribe_url}}\n{{postal_address}}");
        appeal.language = QStringLiteral("de");
        const Status added = TemplateRepository(m_cli.database()).insert(appeal);
        if (!added)
            qWarning("%s", qPrintable(added.error().message));
        return appeal;
    }

private slots:
    void init()
    {
        const QString problem = m_cli.setUp(QStringLiteral(HERALD_EXECUTABLE));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void cleanup()
    {
        m_cli.reset();
    }

    void exportThenImportGivesTheSameTemplate()
    {
        const Template original = storeTemplate();
        const QString file = m_files.filePath(QStringLiteral("appeal.json"));
        const Run exported = herald({QStringLiteral("template"), QStringLiteral("export"),
                                     QString::number(original.id), file});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));

        const Run imported = herald({QStringLiteral("template"), QStringLiteral("import"), file, QStringLiteral("--name"),
                                     QStringLiteral("Spring appeal (copy)")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        bool isNumber = false;
        const qint64 id = imported.out.trimmed().toLongLong(&isNumber);
        QVERIFY2(isNumber && id != original.id, qPrintable(imported.out));
        const auto copy = TemplateRepository(m_cli.database()).find(id);
        QVERIFY2(copy.ok(), qPrintable(copy.error().message));
        QCOMPARE(copy->name, QStringLiteral("Spring appeal (copy)"));
        QCOMPARE(copy->subject, original.subject);
        QCOMPARE(copy->htmlBody, original.htmlBody);
        QCOMPARE(copy->textBody, original.textBody);
        QCOMPARE(copy->language, original.language);

        // Without --name the file's name is taken, and a name already in use is refused by the repository.
        const Run again = herald({QStringLiteral("template"), QStringLiteral("import"), file});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QLatin1String("Spring appeal")), qPrintable(again.err));

        const Run listed = herald({QStringLiteral("template"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        const QJsonArray rows = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(rows.size(), 2);
        QStringList names;
        for (const QJsonValue& row : rows)
            names << row.toObject().value(QStringLiteral("name")).toString();
        QVERIFY2(names.contains(QStringLiteral("Spring appeal (copy)")), qPrintable(names.join(QLatin1Char(','))));
    }

    void importWithErrorsIsRefusedWithTheValidatorsWords()
    {
        const QString file = QStringLiteral(HERALD_TEST_DATA_DIR "/templates/missing-unsubscribe.json");
        const Run refused = herald({QStringLiteral("template"), QStringLiteral("import"), file});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.out.isEmpty(), qPrintable(refused.out));
        // The issues as TemplateValidator words them, with part, line and column, and the saver's verdict.
        QVERIFY2(refused.err.contains(QLatin1String("error: subject, line 1, column 7: Unclosed tag")),
                 qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QLatin1String("no {{unsubscribe_url}} link")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QLatin1String("Template 'No way out' was not saved: it has")),
                 qPrintable(refused.err));
        const auto templates = TemplateRepository(m_cli.database()).list();
        QVERIFY(templates.ok());
        QVERIFY(templates->isEmpty());

        // A file that is not a template, and a wrong call, say so with their own exit codes.
        const QString notTemplate = m_files.filePath(QStringLiteral("other.json"));
        QFile other(notTemplate);
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("{\"hello\": 1}");
        other.close();
        const Run wrongFile = herald({QStringLiteral("template"), QStringLiteral("import"), notTemplate});
        QCOMPARE(wrongFile.exitCode, 1);
        QVERIFY2(wrongFile.err.contains(QLatin1String("is not a Herald template")), qPrintable(wrongFile.err));
        QCOMPARE(herald({QStringLiteral("template"), QStringLiteral("export"), QStringLiteral("1")}).exitCode, 2);
        QCOMPARE(herald({QStringLiteral("template"), QStringLiteral("export"), QStringLiteral("999"),
                         m_files.filePath(QStringLiteral("x.json"))})
                     .exitCode,
                 1);
    }

    void startersAreListedImportedAndRendered()
    {
        Branding branding;
        branding.colour = QStringLiteral("#6a1b9a");
        branding.logoSrc = QStringLiteral("https://cdn.example.org/logo.png");
        branding.organisationName = QStringLiteral("Dover Food Bank");
        const Status branded = BrandingRepository(m_cli.database()).save(branding);
        QVERIFY2(branded.ok(), qPrintable(branded.error().message));

        const Run listed = herald({QStringLiteral("template"), QStringLiteral("starters"), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        const QJsonArray starters = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QStringList ids;
        for (const QJsonValue& starter : starters) {
            ids << starter[QStringLiteral("id")].toString();
            QVERIFY(!starter[QStringLiteral("title")].toString().isEmpty());
            QVERIFY(!starter[QStringLiteral("description")].toString().isEmpty());
        }
        QCOMPARE(ids, (QStringList{QStringLiteral("newsletter"), QStringLiteral("event"), QStringLiteral("appeal"),
                                   QStringLiteral("announcement")}));
        const Run table = herald({QStringLiteral("template"), QStringLiteral("starters")});
        QVERIFY2(table.exitCode == 0 && table.out.contains(QLatin1String("Fundraising appeal")), qPrintable(table.out));

        Nonprofit nonprofit;
        nonprofit.name = QStringLiteral("Café <Bonté> & Co");
        nonprofit.email = QStringLiteral("hello@cafe.example.org");
        QVERIFY(NonprofitRepository(m_cli.database()).insert(nonprofit).ok());
        for (const QString& id : ids) {
            const Run imported = herald({QStringLiteral("template"), QStringLiteral("import"), QStringLiteral("starter:") + id});
            QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
            QVERIFY2(!imported.err.contains(QLatin1String("error:")) && !imported.err.contains(QLatin1String("warning:")),
                     qPrintable(imported.err)); // not even a warning
            const auto stored = TemplateRepository(m_cli.database()).find(imported.out.trimmed().toLongLong());
            QVERIFY2(stored.ok(), qPrintable(imported.out));
            QCOMPARE(stored->htmlBody, StarterDesigns::build(id, branding).value().htmlBody); // the database's branding

            Campaign campaign;
            campaign.name = QStringLiteral("Starter ") + id;
            campaign.templateId = stored->id;
            campaign.templateVersion = stored->version;
            campaign.audience = Audience().toJson();
            campaign.fromName = QStringLiteral("Dover Food Bank");
            campaign.fromEmail = QStringLiteral("news@food.example.org");
            campaign.postalAddress = QStringLiteral("1 Main St, Dover, DE 19901");
            campaign.unsubscribeBaseUrl = QStringLiteral("https://food.example.org/unsubscribe");
            const Status added = CampaignRepository(m_cli.database()).insert(campaign);
            QVERIFY2(added.ok(), qPrintable(added.error().message));
            const Run rendered = herald({QStringLiteral("campaign"), QStringLiteral("render"), QString::number(campaign.id),
                                         QStringLiteral("--nonprofit"), QString::number(nonprofit.id)});
            QVERIFY2(rendered.exitCode == 0, qPrintable(rendered.err));

            const QJsonObject parsed = test::parseMessage(rendered.out.toUtf8());
            QCOMPARE(parsed[QStringLiteral("content_type")].toString(), QStringLiteral("multipart/alternative"));
            QVERIFY(parsed[QStringLiteral("defects")].toArray().isEmpty());
            QVERIFY(parsed[QStringLiteral("longest_line")].toInt() <= 998);
            QVERIFY(!parsed[QStringLiteral("bare_lf")].toBool());
            const QJsonArray parts = parsed[QStringLiteral("parts")].toArray();
            QCOMPARE(parts.size(), 2);
            QCOMPARE(parts.at(0)[QStringLiteral("content_type")].toString(), QStringLiteral("text/plain"));
            QCOMPARE(parts.at(1)[QStringLiteral("content_type")].toString(), QStringLiteral("text/html"));
            for (const QJsonValue& part : parts)
                QVERIFY(part[QStringLiteral("defects")].toArray().isEmpty());
            const QString text = parts.at(0)[QStringLiteral("content")].toString();
            const QString html = parts.at(1)[QStringLiteral("content")].toString();
            QVERIFY2(text.contains(QStringLiteral("Café <Bonté> & Co")) && text.contains(QLatin1String("1 Main St, Dover")),
                     qPrintable(text));
            QVERIFY2(html.contains(QStringLiteral("Café &lt;Bonté&gt; &amp; Co")), qPrintable(html));
            QVERIFY(html.contains(QLatin1String("href=\"https://food.example.org/unsubscribe")));
            QVERIFY(html.contains(QLatin1String("<img src=\"https://cdn.example.org/logo.png\" alt=\"Dover Food Bank\" width=\"200\"")));
            const QStringList problems = test::inlineStyleProblems(html);
            QVERIFY2(problems.isEmpty(), qPrintable(id + QStringLiteral(": ") + problems.join(QStringLiteral(", "))));
        }

        // The name is taken: refused as a file import would be; --name gives another; an unknown id lists the starters.
        const Run again = herald({QStringLiteral("template"), QStringLiteral("import"), QStringLiteral("starter:appeal")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QLatin1String("Fundraising appeal")), qPrintable(again.err));
        const Run renamed = herald({QStringLiteral("template"), QStringLiteral("import"), QStringLiteral("starter:appeal"),
                                    QStringLiteral("--name"), QStringLiteral("Winter appeal")});
        QVERIFY2(renamed.exitCode == 0, qPrintable(renamed.err));
        const Run unknown = herald({QStringLiteral("template"), QStringLiteral("import"), QStringLiteral("starter:gala")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QLatin1String("newsletter, event, appeal, announcement")), qPrintable(unknown.err));
    }
};

QTEST_GUILESS_MAIN(TestTemplateCommand)
#include "TestTemplateCommand.moc"
