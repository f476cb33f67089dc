#include "DbCommand.h"

#include "CommandArguments.h"
#include "Output.h"
#include "ProfileOpener.h"
#include "ProgressPrinter.h"
#include "storage/Migrator.h"
#include "storage/SqliteBackup.h"
#include "storage/copy/DatabaseCopier.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

namespace herald::cli {

int DbCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("The database: its state, a move to a team server, a backup.\n"
           "  status              connect, migrate and report\n"
           "  copy --to PROFILE   copy everything into an empty PostgreSQL database (--from: the source, else the "
           "active profile)\n"
           "  backup FILE         back the embedded database up into FILE; restoring is opening that file "
           "(for PostgreSQL use pg_dump)"));
    parser.addPositionalArgument(QStringLiteral("action"), tr("status, copy or backup"));
    parser.addPositionalArgument(QStringLiteral("file"), tr("backup: the file to write"), QStringLiteral("[FILE]"));
    const QCommandLineOption profileOption = CommandArguments::profileOption();
    const QCommandLineOption toOption(
        QStringLiteral("to"), tr("copy: the PostgreSQL profile to copy into."), tr("profile"));
    const QCommandLineOption fromOption(
        QStringLiteral("from"), tr("copy: the profile to copy from (else the active one)."), tr("profile"));
    const QCommandLineOption forceOption(QStringLiteral("force"), tr("backup: overwrite FILE when it exists."));
    parser.addOptions({ profileOption, toOption, fromOption, forceOption });
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action == QLatin1String("status") && positional.size() == 1)
        return status(parser.value(profileOption));
    if (action == QLatin1String("copy") && positional.size() == 1 && parser.isSet(toOption))
        return copy(
            parser.isSet(fromOption) ? parser.value(fromOption) : parser.value(profileOption), parser.value(toOption));
    if (action == QLatin1String("backup") && positional.size() == 2)
        return backup(parser.value(profileOption), positional.at(1), parser.isSet(forceOption));
    return Output::usageError(tr("Usage: herald db status [--profile NAME]\n"
                                 "       herald db copy --to PROFILE [--from PROFILE]\n"
                                 "       herald db backup FILE [--profile NAME] [--force]"));
}

int DbCommand::status(const QString& profileName)
{
    auto profile = ProfileOpener::resolve(profileName);
    if (!profile)
        return Output::failed(profile.error().message);
    auto server = Database::probe(profile.value(), qEnvironmentVariable("PGPASSWORD"));
    auto database = ProfileOpener::open(profileName);
    if (!database)
        return Output::failed(database.error().message);
    Output::line(tr("Profile: %1").arg(profile->name));
    Output::line(
        tr("Backend: %1")
            .arg(profile->backend == Backend::Postgres ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite")));
    Output::line(tr("Location: %1").arg(profile->location()));
    if (server)
        Output::line(tr("Server: %1").arg(server.value()));
    Output::line(tr("Schema version: %1 (this Herald knows up to %2)")
                     .arg(database.value()->schemaVersion())
                     .arg(Migrator::latestVersion(profile->backend)));
    return 0;
}

int DbCommand::copy(const QString& from, const QString& to)
{
    auto targetProfile = ProfileOpener::resolve(to);
    if (!targetProfile)
        return Output::failed(targetProfile.error().message);
    if (targetProfile->backend != Backend::Postgres)
        return Output::failed(tr("'%1' is not a PostgreSQL profile: a move copies into a team server.").arg(to));
    auto source = ProfileOpener::openOrSay(from);
    if (!source)
        return 1;
    // Opening the target migrates it: the tables exist, empty, before anything is copied.
    auto target = ProfileOpener::openOrSay(to);
    if (!target)
        return 1;
    ProgressPrinter progress(tr("Copying to %1").arg(targetProfile->name));
    DatabaseCopier copier(*source, *target);
    auto moved = copier.run(progress.control());
    if (!moved)
        return Output::failed(moved.error().message);
    Output::line(moved->summary());
    Output::line(moved->adminSentence);
    return 0;
}

int DbCommand::backup(const QString& profileName, const QString& file, bool force)
{
    auto profile = ProfileOpener::resolve(profileName);
    if (!profile)
        return Output::failed(profile.error().message);
    if (profile->backend == Backend::Postgres)
        return Output::failed(tr("'%1' is a PostgreSQL server: back it up with pg_dump (README.md, \"Backing up a team "
                                 "server\"), e.g. pg_dump -Fc -h HOST -U OWNER -f herald.dump DATABASE.")
                                  .arg(profile->name));
    auto database = ProfileOpener::openOrSay(profileName);
    if (!database)
        return 1;
    ProgressPrinter progress(tr("Backing up to %1").arg(file));
    if (auto done = SqliteBackup::run(*database, file, force, progress.control()); !done)
        return Output::failed(done.error().message);
    Output::line(tr("Backed up %1 to %2. Restoring is opening that file: with Herald closed, put it in place of %1.")
                     .arg(QDir::toNativeSeparators(profile->sqlitePath), QDir::toNativeSeparators(file)));
    return 0;
}

} // namespace herald::cli
