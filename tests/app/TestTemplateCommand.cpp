#include "HeraldCli.h"
#include "TestDatabase.h"
#include "storage/TemplateRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

// `herald template list|export|import`, run as the real executable on the backend under test: a template goes out
// to JSON and back unchanged, and an import is refused for the same errors, in the same words, as the Templates
// page's Save (TemplateValidator through TemplateSaver).
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
};

QTEST_GUILESS_MAIN(TestTemplateCommand)
#include "TestTemplateCommand.moc"
