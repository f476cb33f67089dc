#include "TemplateCommand.h"

#include "CommandArguments.h"
#include "ProfileOpener.h"
#include "ListOutput.h"
#include "Output.h"
#include "compose/TemplateSaver.h"
#include "importexport/TemplateFile.h"
#include "storage/BrandingRepository.h"
#include "storage/TemplateRepository.h"
#include "templates/StarterDesigns.h"

namespace herald::cli {

namespace {
const QString StarterPrefix = QStringLiteral("starter:");

int list(Database& database, bool json)
{
    return printList(
        TemplateRepository(database).list(), json, TemplateCommand::tr("No templates yet."),
        TextTable({TemplateCommand::tr("ID"), TemplateCommand::tr("Name"), TemplateCommand::tr("Version"),
                   TemplateCommand::tr("Subject")},
                  {true, false, true, false}),
        [](const Template& row) {
            return QJsonObject{{QStringLiteral("id"), row.id},
                               {QStringLiteral("name"), row.name},
                               {QStringLiteral("version"), row.version},
                               {QStringLiteral("subject"), row.subject},
                               {QStringLiteral("language"), row.language},
                               {QStringLiteral("updated_at"), row.updatedAt.toUTC().toString(Qt::ISODate)}};
        },
        [](const Template& row) {
            return QStringList{QString::number(row.id), row.name, QString::number(row.version), row.subject};
        });
}

int exportTemplate(Database& database, qint64 id, const QString& path)
{
    auto found = TemplateRepository(database).find(id);
    if (!found)
        return Output::failed(found.error().message);
    if (auto written = TemplateFile::write(found.value(), path); !written)
        return Output::failed(written.error().message);
    Output::line(TemplateCommand::tr("Wrote template '%1' (version %2) to %3.")
                      .arg(found->name)
                      .arg(found->version)
                      .arg(path));
    return 0;
}

int listStarters(bool json)
{
    return printList(
        Result<QList<StarterDesign>>(StarterDesigns::all()), json, QString(),
        TextTable({TemplateCommand::tr("ID"), TemplateCommand::tr("Title"), TemplateCommand::tr("Description")},
                  {false, false, false}),
        [](const StarterDesign& row) {
            return QJsonObject{{QStringLiteral("id"), row.id},
                               {QStringLiteral("title"), row.title},
                               {QStringLiteral("description"), row.description}};
        },
        [](const StarterDesign& row) { return QStringList{row.id, row.title, row.description}; });
}

// The template a FILE or starter:ID names: a starter is built in the database's branding and the UI language.
Result<Template> readImport(Database& database, const QString& source)
{
    if (!source.startsWith(StarterPrefix))
        return TemplateFile::read(source);
    const auto branding = BrandingRepository(database).load();
    if (!branding)
        return branding.error();
    return StarterDesigns::build(source.mid(StarterPrefix.size()), branding.value());
}

int importTemplate(Database& database, const QString& source, const QString& name)
{
    auto read = readImport(database, source);
    if (!read)
        return Output::failed(read.error().message);
    Template messageTemplate = read.value();
    if (!name.isNull())
        messageTemplate.name = name;
    TemplateSaver saver(database);
    const Status saved = saver.save(messageTemplate);
    // Every issue, errors and warnings, as the Templates page lists them.
    for (const TemplateIssue& issue : saver.issues())
        Output::error((issue.severity == TemplateIssue::Severity::Error ? TemplateCommand::tr("error: %1")
                                                                        : TemplateCommand::tr("warning: %1"))
                          .arg(issue.toString()));
    if (!saved)
        return Output::failed(saved.error().message);
    Output::line(QString::number(messageTemplate.id));
    return 0;
}
} // namespace

int TemplateCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Message templates.\n\n"
        "  list [--json]                     id, name, version and subject of every template\n"
        "  export ID FILE                    write the template's name, subject and bodies to FILE (JSON)\n"
        "  import FILE [--name NAME]         add the template in FILE (as written by export); prints its id\n"
        "  starters [--json]                 id, title and description of the starter designs\n"
        "  import starter:ID [--name NAME]   add a template made from the starter design ID (newsletter, event,\n"
        "                                    appeal, announcement) in the organisation's branding (Settings →\n"
        "                                    Branding) and the language Herald runs in; prints its id\n\n"
        "An import is checked as the Templates page checks a save: a template with errors (mustache syntax,\n"
        "unknown placeholders, no unsubscribe link or postal address) is refused and every issue is printed\n"
        "on standard error with its part, line and column; warnings are printed and do not stop it.\n\n"
        "Exit status: 0 done, 1 failed (the reason on standard error), 2 usage error."));
    parser.addPositionalArgument(QStringLiteral("action"), tr("list, export ID FILE, import FILE, starters or import starter:ID."));
    const QCommandLineOption profile = CommandArguments::profileOption();
    const QCommandLineOption json = CommandArguments::listJsonOption();
    const QCommandLineOption name(QStringLiteral("name"), tr("import: the name to give the template (default: "
                                                             "the name in the file, or the starter's title)."),
                                  tr("name"));
    parser.addOptions({profile, json, name});
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    bool idIsNumber = false;
    const qint64 id = positional.value(1).toLongLong(&idIsNumber);
    const bool listing = action == QLatin1String("list") && positional.size() == 1;
    const bool exporting = action == QLatin1String("export") && positional.size() == 3 && idIsNumber;
    const bool importing = action == QLatin1String("import") && positional.size() == 2;
    const bool starters = action == QLatin1String("starters") && positional.size() == 1;
    if (!listing && !exporting && !importing && !starters) {
        return Output::usageError(tr("Usage: herald template list [--json] | herald template export ID FILE | "
                         "herald template import FILE|starter:ID [--name NAME] | herald template starters [--json]  "
                         "(each with [--profile NAME])"));
    }
    if (starters)
        return listStarters(parser.isSet(json)); // no database needed
    const auto database = ProfileOpener::openOrSay(parser.value(profile));
    if (!database)
        return 1;
    if (listing)
        return list(*database, parser.isSet(json));
    if (exporting)
        return exportTemplate(*database, id, positional.at(2));
    return importTemplate(*database, positional.at(1), parser.isSet(name) ? parser.value(name) : QString());
}

} // namespace herald::cli
