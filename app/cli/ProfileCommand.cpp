#include "ProfileCommand.h"

#include "CommandArguments.h"
#include "Output.h"
#include "config/Config.h"
#include "storage/ProfileStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace herald::cli {

namespace {
int list(ProfileStore& store)
{
    const QString active = store.activeId();
    for (const ConnectionProfile& profile : store.all()) {
        const bool isActive = profile.id == active || (active.isEmpty() && profile.id == QLatin1String("local"));
        Output::line(QStringLiteral("%1 %2\t%3\t%4")
                         .arg(isActive ? QStringLiteral("*") : QStringLiteral(" "), profile.name,
                              profile.backend == Backend::Postgres ? QStringLiteral("postgres") : QStringLiteral("sqlite"),
                              profile.location()));
    }
    return 0;
}
} // namespace

int ProfileCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Manages connection profiles."));
    parser.addPositionalArgument(QStringLiteral("action"), tr("list, add NAME, use NAME or remove NAME."));
    const QCommandLineOption host(QStringLiteral("host"), tr("PostgreSQL host."), tr("host"), QStringLiteral("localhost"));
    const QCommandLineOption port(QStringLiteral("port"), tr("PostgreSQL port."), tr("port"), QStringLiteral("5432"));
    const QCommandLineOption database(QStringLiteral("database"), tr("Database name."), tr("name"), QStringLiteral("herald"));
    const QCommandLineOption user(QStringLiteral("user"), tr("User name."), tr("user"));
    const QCommandLineOption sslMode(QStringLiteral("sslmode"),
                                     tr("disable, allow, prefer, require, verify-ca or verify-full (default: prefer "
                                        "for this machine, verify-full otherwise)."),
                                     tr("mode"));
    parser.addOptions({host, port, database, user, sslMode});
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;
    ProfileStore store(Config::instance());
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const QString name = positional.value(1);
    if (action == QLatin1String("list") || action.isEmpty())
        return list(store);

    if (name.isEmpty()) {
        Output::error(tr("Usage: herald profile %1 NAME").arg(action));
        return 2;
    }
    bool exists = false;
    const ConnectionProfile existing = store.findByName(name, &exists);
    if (action == QLatin1String("add")) {
        if (exists) {
            Output::error(tr("A profile named '%1' exists already.").arg(name));
            return 1;
        }
        bool portOk = false;
        const int portNumber = parser.value(port).toInt(&portOk);
        ConnectionProfile profile = ConnectionProfile::postgres(name, parser.value(host), portOk ? portNumber : -1,
                                                                parser.value(database), parser.value(user));
        profile.sslMode = parser.value(sslMode);
        QString problem;
        if (!profile.isValid(&problem)) {
            Output::error(problem);
            return 1;
        }
        store.save(profile);
        Output::line(tr("Added profile '%1' (%2, sslmode %3).").arg(name, profile.location(), profile.effectiveSslMode()));
        return 0;
    }
    if (!exists) {
        Output::error(tr("There is no connection profile named '%1'.").arg(name));
        return 1;
    }
    if (action == QLatin1String("use")) {
        store.setActiveId(existing.id);
        Output::line(tr("'%1' is now the active profile.").arg(existing.name));
        return 0;
    }
    if (action == QLatin1String("remove")) {
        if (existing.id == QLatin1String("local")) {
            Output::error(tr("'%1' is the built-in database and cannot be removed.").arg(existing.name));
            return 1;
        }
        store.remove(existing.id);
        Output::line(tr("Removed profile '%1'.").arg(existing.name));
        return 0;
    }
    Output::error(tr("Unknown action '%1': use list, add, use or remove.").arg(action));
    return 2;
}

} // namespace herald::cli
