#include "TeamCommand.h"

#include "CommandArguments.h"
#include "ListOutput.h"
#include "Output.h"
#include "ProfileOpener.h"
#include "team/TeamRepository.h"

#include <QFile>

namespace herald::cli {

namespace {
QString lastSeenText(const TeamMember& row)
{
    return row.lastSeen.isValid() ? row.lastSeen.toUTC().toString(Qt::ISODate) : TeamCommand::tr("never");
}

int list(TeamRepository& team, bool json)
{
    return printList(
        team.list(), json, TeamCommand::tr("Nobody is in the team yet."),
        TextTable({TeamCommand::tr("Login"), TeamCommand::tr("Role"), TeamCommand::tr("Can log in"),
                   TeamCommand::tr("Last seen")},
                  {false, false, false, false}),
        [](const TeamMember& row) {
            return QJsonObject{{QStringLiteral("login"), row.login},
                               {QStringLiteral("role"), row.role},
                               {QStringLiteral("can_login"), row.canLogin},
                               {QStringLiteral("last_seen"), row.lastSeen.isValid()
                                                                 ? QJsonValue(row.lastSeen.toUTC().toString(Qt::ISODate))
                                                                 : QJsonValue()}};
        },
        [](const TeamMember& row) {
            return QStringList{row.login, row.role, row.canLogin ? TeamCommand::tr("yes") : TeamCommand::tr("no"),
                               lastSeenText(row)};
        });
}

// The first line of standard input, without its line end: a password piped in never shows in `ps` or the history.
QString readPasswordLine()
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return {};
    QString line = QString::fromUtf8(input.readLine());
    while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}
} // namespace

int TeamCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "The team on a PostgreSQL server: each person logs in as their own PostgreSQL role, in one of Herald's roles\n"
        "(viewer, editor, sender, admin, worker, serve). Only admins may add, change or remove people; the server refuses\n"
        "everyone else, and each change is in the audit log.\n\n"
        "  list [--json]                 people, their role, whether they can log in, when Herald last saw them\n"
        "  add NAME --role ROLE          a new login; prints a generated password once (PostgreSQL keeps its hash,\n"
        "                                Herald keeps nothing)\n"
        "      [--password-stdin]        the password from the first line of standard input instead\n"
        "      [--no-password]           no password: certificate or peer authentication (pg_hba.conf)\n"
        "  set-role NAME ROLE            moves a person to another role\n"
        "  remove NAME                   drops the login; what it owns in this database goes to the owner\n\n"
        "Herald changes only plain team members: never a superuser, the database's owner, a role that may create\n"
        "roles, a role outside the team, or yourself. The embedded database (SQLite) is one person with every right.\n\n"
        "Exit status: 0 done, 1 failed (the reason on standard error), 2 usage error."));
    parser.addPositionalArgument(QStringLiteral("action"), tr("list, add, set-role or remove."));
    const QCommandLineOption profile = CommandArguments::profileOption();
    const QCommandLineOption json = CommandArguments::listJsonOption();
    const QCommandLineOption role(QStringLiteral("role"), tr("add: viewer, editor, sender, admin, worker (runs herald worker and herald intake) or serve (runs herald serve)."),
                                  tr("role"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           tr("add: read the password from standard input."));
    const QCommandLineOption noPassword(QStringLiteral("no-password"),
                                       tr("add: no password (certificate or peer authentication)."));
    parser.addOptions({profile, json, role, passwordStdin, noPassword});
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const bool listing = action == QLatin1String("list") && positional.size() == 1;
    const bool adding = action == QLatin1String("add") && positional.size() == 2 && parser.isSet(role)
                        && !(parser.isSet(passwordStdin) && parser.isSet(noPassword));
    const bool settingRole = action == QLatin1String("set-role") && positional.size() == 3;
    const bool removing = action == QLatin1String("remove") && positional.size() == 2;
    if (!listing && !adding && !settingRole && !removing) {
        return Output::usageError(tr("Usage: herald team list [--json] | herald team add NAME --role ROLE "
                                     "[--password-stdin | --no-password] | herald team set-role NAME ROLE | "
                                     "herald team remove NAME  (each with [--profile NAME])"));
    }
    const auto database = ProfileOpener::openOrSay(parser.value(profile));
    if (!database)
        return 1;
    TeamRepository team(*database);
    if (!team.isTeamServer()) {
        // Not a failure to list: there is simply nobody else.
        if (listing) {
            Output::line(TeamRepository::onePersonSentence());
            return 0;
        }
        return Output::failed(TeamRepository::onePersonSentence());
    }
    if (listing)
        return list(team, parser.isSet(json));

    const QString name = positional.value(1);
    if (settingRole) {
        if (const Status changed = team.setRole(name, positional.value(2)); !changed)
            return Output::failed(changed.error().message);
        Output::line(tr("%1 is now %2.").arg(name, positional.value(2)));
        return 0;
    }
    if (removing) {
        if (const Status removed = team.remove(name); !removed)
            return Output::failed(removed.error().message);
        Output::line(tr("%1 was removed.").arg(name));
        return 0;
    }
    TeamRepository::Password choice = TeamRepository::Password::Generate;
    QString password;
    if (parser.isSet(passwordStdin)) {
        choice = TeamRepository::Password::Given;
        password = readPasswordLine();
        if (password.isEmpty())
            return Output::failed(tr("--password-stdin: standard input held no password."));
    } else if (parser.isSet(noPassword)) {
        choice = TeamRepository::Password::None;
    }
    const auto added = team.add(name, parser.value(role), choice, password);
    if (!added)
        return Output::failed(added.error().message);
    if (!added->isEmpty()) {
        // Shown once: nothing keeps it, so whoever added the person hands it over now.
        Output::error(tr("%1 was added as %2. Their password, shown this once:").arg(name, parser.value(role)));
        Output::line(added.value());
    } else {
        Output::line(tr("%1 was added as %2.").arg(name, parser.value(role)));
    }
    return 0;
}

} // namespace herald::cli
