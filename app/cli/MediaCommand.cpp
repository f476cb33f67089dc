#include "MediaCommand.h"

#include "CommandArguments.h"
#include "ListOutput.h"
#include "Output.h"
#include "ProfileOpener.h"
#include "storage/MediaRepository.h"


namespace herald::cli {

namespace {
int list(Database& database, bool json)
{
    return printList(
        MediaRepository(database).list(), json, MediaCommand::tr("The media library is empty."),
        TextTable({MediaCommand::tr("ID"), MediaCommand::tr("Name"), MediaCommand::tr("Type"), MediaCommand::tr("Width"),
                   MediaCommand::tr("Height"), MediaCommand::tr("Bytes")},
                  {true, false, false, true, true, true}),
        [](const MediaItem& row) {
            return QJsonObject{{QStringLiteral("id"), row.id},
                               {QStringLiteral("name"), row.name},
                               {QStringLiteral("content_type"), row.image.contentType},
                               {QStringLiteral("width"), row.image.width},
                               {QStringLiteral("height"), row.image.height},
                               {QStringLiteral("size"), row.size},
                               {QStringLiteral("sha256"), row.image.sha256}};
        },
        [](const MediaItem& row) {
            return QStringList{QString::number(row.id), row.name, row.image.contentType, QString::number(row.image.width),
                               QString::number(row.image.height), QString::number(row.size)};
        });
}

// Each file under its file name; stops at the first that cannot be read or stored (those before stay).
int import(Database& database, const QStringList& files)
{
    MediaRepository media(database);
    for (const QString& path : files) {
        auto imported = media.importFile(path);
        if (!imported)
            return Output::failed(imported.error().message);
        Output::line(MediaCommand::tr("Imported '%1' (%2×%3 px, %4 bytes, %5).")
                         .arg(imported->name)
                         .arg(imported->image.width)
                         .arg(imported->image.height)
                         .arg(imported->size)
                         .arg(imported->image.contentType));
    }
    return 0;
}
} // namespace

int MediaCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "The media library: images for messages, shared by the team.\n\n"
        "  import FILE...   PNG, JPEG or GIF; wider than 1,200 px is scaled down, and an image must take 1 MB at\n"
        "                   most after that (a JPEG is re-encoded at lower quality to fit)\n"
        "  list [--json]    id, name, type, width, height and size\n\n"
        "Exit status: 0 done, 1 failed (the reason on standard error), 2 usage error."));
    parser.addPositionalArgument(QStringLiteral("action"), tr("import FILE... or list."));
    const QCommandLineOption profile = CommandArguments::profileOption();
    const QCommandLineOption json = CommandArguments::listJsonOption();
    parser.addOptions({profile, json});
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const bool listing = action == QLatin1String("list") && positional.size() == 1;
    const bool importing = action == QLatin1String("import") && positional.size() >= 2;
    if (!listing && !importing)
        return Output::usageError(tr("Usage: herald media import FILE... | herald media list [--json]  (each with [--profile NAME])"));
    const auto database = ProfileOpener::openOrSay(parser.value(profile));
    if (!database)
        return 1;
    if (listing)
        return list(*database, parser.isSet(json));
    return import(*database, positional.mid(1));
}

} // namespace herald::cli
