#pragma once

#include "BenchOutput.h"
#include "storage/BoundQuery.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>

#include <functional>
#include <memory>

namespace herald::bench {

// The database named by --pg HOST:PORT/NAME (user postgres, no TLS, as the bench scripts' throwaway cluster),
// opened and migrated; null after printing why not.
inline std::unique_ptr<Database> openPostgres(const QString& address)
{
    static const QRegularExpression pattern(QStringLiteral("^([^:]+):(\\d+)/(\\w+)$"));
    const auto match = pattern.match(address);
    if (!match.hasMatch()) {
        print(QStringLiteral("give --pg HOST:PORT/NAME"));
        return nullptr;
    }
    ConnectionProfile profile = ConnectionProfile::postgres(QStringLiteral("bench"), match.captured(1),
        match.captured(2).toInt(), match.captured(3), QStringLiteral("postgres"));
    profile.sslMode = QStringLiteral("disable");
    auto database = std::make_unique<Database>(profile);
    if (auto opened = database->open(); !opened) {
        print(opened.error().message);
        return nullptr;
    }
    return database;
}

// Runs one statement of a fill with its values bound and prints how long it took; false after printing why it failed.
inline bool timedStatement(Database& database, const QString& what, const QString& sql,
                           const QList<std::pair<QString, QVariant>>& values = {})
{
    QElapsedTimer timer;
    timer.start();
    BoundQuery query(database.connection(), sql);
    for (const auto& [name, value] : values)
        query.bind(name, value);
    if (auto done = query.exec(what); !done) {
        print(done.error().message);
        return false;
    }
    print(QStringLiteral("%1: %2 s").arg(what).arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    return true;
}

// The main() of a bench with two commands on the PostgreSQL database of --pg: `fill ARGUMENTS…` writes the data
// (fill gets the arguments after "fill"), `queries` times what reads it (--runs times).
inline int fillOrQueries(int argc, char** argv, const QString& description, const QString& fillUsage,
                         const QString& defaultRuns, const std::function<int(Database&, const QStringList&)>& fill,
                         const std::function<int(Database&, int)>& queries)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("fill %1 | queries").arg(fillUsage));
    parser.addOptions({{QStringLiteral("pg"), QStringLiteral("PostgreSQL database (user postgres)."), QStringLiteral("host:port/name")},
                       {QStringLiteral("runs"), QStringLiteral("Timed runs."), QStringLiteral("n"), defaultRuns}});
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    auto database = openPostgres(parser.value(QStringLiteral("pg")));
    if (!database)
        return 1;
    if (positional.value(0) == QLatin1String("fill"))
        return fill(*database, positional.mid(1));
    if (positional.value(0) == QLatin1String("queries"))
        return queries(*database, parser.value(QStringLiteral("runs")).toInt());
    parser.showHelp(2);
}

} // namespace herald::bench
