#include "DbCommand.h"

#include "CommandArguments.h"
#include "Output.h"
#include "ProfileOpener.h"
#include "storage/Migrator.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace herald::cli {

int DbCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Shows the state of Herald's database."));
    parser.addPositionalArgument(QStringLiteral("action"), tr("status: connect, migrate and report."));
    const QCommandLineOption profileOption = CommandArguments::profileOption();
    parser.addOption(profileOption);
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;
    const QStringList positional = parser.positionalArguments();
    if (positional.value(0) != QLatin1String("status")) {
        Output::error(tr("Usage: herald db status [--profile NAME]"));
        return 2;
    }

    auto profile = ProfileOpener::resolve(parser.value(profileOption));
    if (!profile) {
        Output::error(profile.error().message);
        return 1;
    }
    auto server = Database::probe(profile.value(), qEnvironmentVariable("PGPASSWORD"));
    auto database = ProfileOpener::open(parser.value(profileOption));
    if (!database) {
        Output::error(database.error().message);
        return 1;
    }
    Output::line(tr("Profile: %1").arg(profile->name));
    Output::line(tr("Backend: %1").arg(profile->backend == Backend::Postgres ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite")));
    Output::line(tr("Location: %1").arg(profile->location()));
    if (server)
        Output::line(tr("Server: %1").arg(server.value()));
    Output::line(tr("Schema version: %1 (this Herald knows up to %2)")
                     .arg(database.value()->schemaVersion())
                     .arg(Migrator::latestVersion(profile->backend)));
    return 0;
}

} // namespace herald::cli
