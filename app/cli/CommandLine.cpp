#include "CommandLine.h"

#include "CampaignCommand.h"
#include "DbCommand.h"
#include "ExportCommand.h"
#include "GdprCommand.h"
#include "IdentityCommand.h"
#include "ImportCommand.h"
#include "IntakeCommand.h"
#include "MediaCommand.h"
#include "Output.h"
#include "ProfileCommand.h"
#include "ProviderCommand.h"
#include "ReportCommand.h"
#include "StatsCommand.h"
#include "SyncCommand.h"
#include "TeamCommand.h"
#include "TemplateCommand.h"
#include "serve/ServeCommand.h"
#include "WorkerCommand.h"
#include "config/Config.h"
#include "shell/Translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstring>
#include <functional>
#include <map>

namespace herald::cli {

namespace {
struct SubCommand
{
    const char* summary;
    std::function<int(const QStringList&)> run;
};

const std::map<QString, SubCommand>& registry()
{
    static const std::map<QString, SubCommand> commands = {
        {QStringLiteral("db"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "The database: 'db status' connects, migrates and reports; 'db copy --to PROFILE' moves it to a team server; 'db backup FILE' backs it up."), &DbCommand::run}},
        {QStringLiteral("intake"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "Read bounces, complaints and mailto: unsubscribes from the feedback mailbox (IMAP)."), &IntakeCommand::run}},
        {QStringLiteral("profile"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "Connection profiles: list, add, use, remove."), &ProfileCommand::run}},
        {QStringLiteral("import"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "Import nonprofits or a suppression list from CSV, with a report."), &ImportCommand::run}},
        {QStringLiteral("export"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "Export nonprofits (or a search), the suppression list or a campaign's opens and clicks to CSV."), &ExportCommand::run}},
        {QStringLiteral("gdpr"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "GDPR requests about one address: export its data as JSON, erase it."), &GdprCommand::run}},
        {QStringLiteral("report"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "Engagement reports: a campaign's opens, clicks and rates, people's and machines' apart, and clicks per link."), &ReportCommand::run}},
        {QStringLiteral("stats"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "Sending figures: rates, failure rate, latency, failure reasons, queue depth (text, JSON, Prometheus)."), &StatsCommand::run}},
        {QStringLiteral("campaign"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "Campaigns: list, show, create, send, pause, resume, cancel; attach files; render the message one nonprofit gets."), &CampaignCommand::run}},
        {QStringLiteral("template"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "Message templates: list, export to JSON, import from JSON or from a starter design (checked as the Templates page checks them)."), &TemplateCommand::run}},
        {QStringLiteral("media"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "The media library of images for messages: import (scaled to 1,200 px, at most 1 MB), list."), &MediaCommand::run}},
        {QStringLiteral("identity"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "Sender identities (From, Reply-To, postal address, unsubscribe link): list, add."), &IdentityCommand::run}},
        {QStringLiteral("provider"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "Mail providers (SMTP servers): list, add; the secret comes from HERALD_PROVIDER_SECRET_<NAME>."), &ProviderCommand::run}},
        {QStringLiteral("team"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "The people of a team server and their roles: list, add (a password shown once), set-role, remove."), &TeamCommand::run}},
        {QStringLiteral("sync"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "Sync the drafts kept on this computer with the PostgreSQL server; lists conflicts."), &SyncCommand::run}},
        {QStringLiteral("serve"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "The public endpoint: one-click unsubscribe, open pixel, click redirect, web view, /healthz."), &ServeCommand::run}},
        {QStringLiteral("unsubscribe-server"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "The old name of 'serve' (one-click unsubscribe and more)."), &ServeCommand::run}},
        {QStringLiteral("worker"), {QT_TRANSLATE_NOOP("herald::cli::CommandLine", "Send queued campaigns without a window (several may share one PostgreSQL queue)."), &WorkerCommand::run}},
    };
    return commands;
}

void configureApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Herald"));
    QCoreApplication::setApplicationName(QStringLiteral("Herald"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HERALD_VERSION));
}
} // namespace

QStringList CommandLine::subCommands()
{
    QStringList names;
    for (const auto& [name, command] : registry())
        names << name;
    return names;
}

bool CommandLine::isHeadless(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const char* arg = argv[i];
        for (const char* flag : {"--help", "-h", "--help-all", "--version", "-v"}) {
            if (std::strcmp(arg, flag) == 0)
                return true;
        }
        if (arg[0] != '-')
            return true; // a sub-command (or a mistyped one, which deserves an error, not a window)
    }
    return false;
}

int CommandLine::run(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    configureApplication();
    Translations::install(app, Config::instance().get(Config::Language).toString());

    QStringList arguments = QCoreApplication::arguments();
    // The sub-command is the first argument that is not an option; the rest belongs to it.
    qsizetype commandIndex = -1;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (!arguments.at(i).startsWith(QLatin1Char('-'))) {
            commandIndex = i;
            break;
        }
    }

    if (commandIndex < 0) {
        QCommandLineParser parser;
        parser.setApplicationDescription(tr("Herald: email campaigns for nonprofit organisations.\n"
                                            "Without a command, the desktop application opens.\n\nCommands:\n")
                                         + [] {
                                               QString list;
                                               for (const auto& [name, command] : registry())
                                                   list += QStringLiteral("  %1  %2\n").arg(name, -10).arg(tr(command.summary));
                                               list += tr("\nRun 'herald COMMAND --help' for a command's options.");
                                               return list;
                                           }());
        parser.addHelpOption();
        parser.addVersionOption();
        parser.process(app); // prints help or version and exits
        return 0;
    }

    const QString name = arguments.at(commandIndex);
    const auto command = registry().find(name);
    if (command == registry().end()) {
        Output::error(tr("Unknown command '%1'. Commands: %2. 'herald --help' explains them.")
                          .arg(name, subCommands().join(QStringLiteral(", "))));
        return 2;
    }
    QStringList commandArguments{QStringLiteral("herald ") + name};
    commandArguments += arguments.mid(0, commandIndex).mid(1);
    commandArguments += arguments.mid(commandIndex + 1);
    return command->second.run(commandArguments);
}

} // namespace herald::cli
