#include "DbCommand.h"

#include "Output.h"
#include "ProfileOpener.h"
#include "storage/Migrator.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace herald::cli {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("DbCommand", text); }
}

int DbCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Shows the state of Herald's database."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), tr("status: connect, migrate and report."));
    const QCommandLineOption profileOption(QStringLiteral("profile"), tr("Connection profile name (default: the active one)."),
                                           tr("name"));
    parser.addOption(profileOption);
    if (!parser.parse(arguments)) {
        Output::error(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        Output::line(parser.helpText());
        return 0;
    }
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
