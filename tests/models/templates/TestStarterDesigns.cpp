#include "InlineStyles.h"
#include "compose/TemplateValidator.h"
#include "emailhtml/EditorImport.h"
#include "emailhtml/EmailHtmlWriter.h"
#include "templates/StarterDesigns.h"

#include <QTest>
#include <QTextDocument>
#include <QTranslator>

using namespace herald;

// The starter designs: each is a template the validator has nothing against (unsubscribe link and postal
// address in both bodies), email HTML with inline styles only that opens in the visual editor and comes back
// from it unchanged, in the organisation's colour, with its logo or its name on top, and in the UI language.
class TestStarterDesigns : public QObject
{
    Q_OBJECT

    static Branding branding(const QString& logo = {})
    {
        Branding brand;
        brand.colour = QStringLiteral("#c0392b");
        brand.logoSrc = logo;
        brand.organisationName = QStringLiteral("Dover Food Bank & Pantry");
        return brand;
    }

    static Template built(const QString& id, const Branding& brand)
    {
        const Result<Template> starter = StarterDesigns::build(id, brand);
        if (!starter)
            qFatal("%s", qPrintable(starter.error().message));
        return starter.value();
    }

private slots:
    void catalogueListsTheFourStarters()
    {
        QCOMPARE(StarterDesigns::ids(), (QStringList{QStringLiteral("newsletter"), QStringLiteral("event"),
                                                     QStringLiteral("appeal"), QStringLiteral("announcement")}));
        const QList<StarterDesign> designs = StarterDesigns::all();
        QCOMPARE(designs.size(), 4);
        for (const StarterDesign& design : designs) {
            QVERIFY(!design.title.isEmpty());
            QVERIFY2(!design.description.isEmpty() && !design.description.contains(QLatin1Char('\n')), qPrintable(design.id));
        }
        const Result<Template> unknown = StarterDesigns::build(QStringLiteral("gala"), branding());
        QVERIFY(!unknown.ok());
        QVERIFY2(unknown.error().message.contains(QLatin1String("'gala'"))
                     && unknown.error().message.contains(QLatin1String("newsletter, event, appeal, announcement")),
                 qPrintable(unknown.error().message));
    }

    void everyStarterIsAnEmailSafeTemplate_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("logo");
        for (const QString& id : StarterDesigns::ids()) {
            QTest::addRow("%s, name on top", qPrintable(id)) << id << QString();
            QTest::addRow("%s, media logo", qPrintable(id)) << id << QStringLiteral("media:logo.png");
            QTest::addRow("%s, linked logo", qPrintable(id)) << id << QStringLiteral("https://cdn.example.org/logo.png");
        }
    }

    void everyStarterIsAnEmailSafeTemplate()
    {
        QFETCH(QString, id);
        QFETCH(QString, logo);
        const Template starter = built(id, branding(logo));
        QVERIFY(!starter.name.isEmpty());
        QVERIFY(!starter.subject.isEmpty());

        // Nothing for the validator to say, not even a warning (alt text, image width, relative URLs).
        const TemplateIssues issues = TemplateValidator::validate(starter);
        QStringList found;
        for (const TemplateIssue& issue : issues)
            found << issue.toString();
        QVERIFY2(issues.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));

        // Inline styles only.
        const QStringList problems = test::inlineStyleProblems(starter.htmlBody);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral(", "))));

        // The visual editor opens it, and saving it untouched gives the same HTML.
        const Result<QString> editor = EditorImport::editorHtml(starter.htmlBody);
        QVERIFY2(editor.ok(), qPrintable(editor.error().message));
        QTextDocument document;
        document.setHtml(*editor);
        QCOMPARE(EmailHtmlWriter::write(document), starter.htmlBody);

        // Personalised, in the organisation's colour (headings and the button), with the footer in place.
        QVERIFY(starter.htmlBody.contains(QLatin1String("{{name}}")));
        QVERIFY(starter.htmlBody.contains(QLatin1String("<span style=\"color:#c0392b\">")));
        QVERIFY(starter.htmlBody.contains(QLatin1String("background-color:#c0392b;color:#ffffff")));
        QVERIFY(starter.htmlBody.contains(QLatin1String("href=\"{{unsubscribe_url}}\"")));
        QVERIFY(starter.textBody.contains(QLatin1String("{{unsubscribe_url}}")));
        QVERIFY(starter.textBody.contains(QLatin1String("{{postal_address}}")));
        QVERIFY(!starter.textBody.contains(QLatin1Char('<')));

        // The logo slot: the image, its alt the organisation's name, no wider than 200 px; else the name.
        const QString name = QStringLiteral("Dover Food Bank &amp; Pantry");
        if (logo.isEmpty()) {
            QVERIFY(!starter.htmlBody.contains(QLatin1String("<img")));
            QVERIFY2(starter.htmlBody.contains(QStringLiteral("<span style=\"color:#c0392b\">%1</span></h3>").arg(name)),
                     qPrintable(starter.htmlBody));
        } else {
            QVERIFY2(starter.htmlBody.contains(QStringLiteral("<img src=\"%1\" alt=\"%2\" width=\"200\"").arg(logo, name)),
                     qPrintable(starter.htmlBody));
        }
    }

    // Without a name the campaign's From name stands in; a light colour gets a dark button label.
    void fallsBackToTheSenderAndKeepsButtonsReadable()
    {
        Branding light;
        light.colour = QStringLiteral("#ffd54f");
        const Template starter = built(QStringLiteral("appeal"), light);
        QVERIFY2(starter.htmlBody.contains(QLatin1String(">{{from_name}}</span></h3>")), qPrintable(starter.htmlBody));
        QVERIFY2(starter.htmlBody.contains(QLatin1String("background-color:#ffd54f;color:#222222")), qPrintable(starter.htmlBody));
        QVERIFY(!TemplateValidator::hasErrors(TemplateValidator::validate(starter)));
        QVERIFY(EditorImport::editorHtml(starter.htmlBody).ok());
    }

    void brandingIsChecked_data()
    {
        QTest::addColumn<QString>("colour");
        QTest::addColumn<QString>("logo");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("field"); // empty: accepted
        QTest::newRow("defaults") << Branding::DefaultColour << QString() << QString() << QString();
        QTest::newRow("upper case, spaces") << QStringLiteral(" #C0392B ") << QStringLiteral(" media:logo.png ")
                                            << QStringLiteral("  Dover   Food Bank ") << QString();
        QTest::newRow("https logo") << QStringLiteral("#000000") << QStringLiteral("https://example.org/l.png") << QString() << QString();
        QTest::newRow("colour name") << QStringLiteral("red") << QString() << QString() << QStringLiteral("colour");
        QTest::newRow("short colour") << QStringLiteral("#fff") << QString() << QString() << QStringLiteral("colour");
        QTest::newRow("empty colour") << QString() << QString() << QString() << QStringLiteral("colour");
        QTest::newRow("relative logo") << Branding::DefaultColour << QStringLiteral("logo.png") << QString() << QStringLiteral("logo");
        QTest::newRow("file logo") << Branding::DefaultColour << QStringLiteral("file:///tmp/logo.png") << QString() << QStringLiteral("logo");
        QTest::newRow("empty media") << Branding::DefaultColour << QStringLiteral("media:") << QString() << QStringLiteral("logo");
        QTest::newRow("placeholder in name") << Branding::DefaultColour << QString() << QStringLiteral("{{name}} Inc")
                                             << QStringLiteral("organisation");
    }

    void brandingIsChecked()
    {
        QFETCH(QString, colour);
        QFETCH(QString, logo);
        QFETCH(QString, name);
        QFETCH(QString, field);
        Branding given;
        given.colour = colour;
        given.logoSrc = logo;
        given.organisationName = name;
        const Result<Branding> checked = Branding::checked(given);
        if (field.isEmpty()) {
            QVERIFY2(checked.ok(), qPrintable(checked.error().message));
            QCOMPARE(checked->colour, colour.trimmed().toLower());
            QCOMPARE(checked->logoSrc, logo.trimmed());
            QCOMPARE(checked->organisationName, name.simplified());
            return;
        }
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().field, field);
        // The sentence names the field.
        const QString words = field == QLatin1String("colour") ? QStringLiteral("organisation colour")
            : field == QLatin1String("logo")                   ? QStringLiteral("The logo")
                                                               : QStringLiteral("organisation name");
        QVERIFY2(checked.error().message.contains(words), qPrintable(checked.error().message));
    }

    // Built in the UI language: the Spanish copy, placeholders and layout unchanged.
    void startersAreWrittenInTheUiLanguage()
    {
        const Template english = built(QStringLiteral("newsletter"), branding());
        QTranslator spanish;
        QVERIFY(spanish.load(QStringLiteral("herald_es"), QStringLiteral(HERALD_QM_DIR)));
        QVERIFY(QCoreApplication::installTranslator(&spanish));
        const Template translated = built(QStringLiteral("newsletter"), branding());
        const QList<StarterDesign> designs = StarterDesigns::all();
        QCoreApplication::removeTranslator(&spanish);

        QCOMPARE(translated.name, designs.first().title);
        QVERIFY(translated.name != english.name);
        QVERIFY(translated.subject != english.subject);
        QVERIFY2(translated.htmlBody.contains(QStringLiteral("Queridos amigos de {{name}},")), qPrintable(translated.htmlBody));
        QVERIFY(translated.textBody.contains(QStringLiteral("Queridos amigos de {{name}},")));
        QVERIFY(!TemplateValidator::hasErrors(TemplateValidator::validate(translated)));
        QVERIFY(EditorImport::editorHtml(translated.htmlBody).ok());
        QVERIFY(test::inlineStyleProblems(translated.htmlBody).isEmpty());
    }
};

QTEST_MAIN(TestStarterDesigns)
#include "TestStarterDesigns.moc"
