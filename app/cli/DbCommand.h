#pragma once

#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;

namespace herald::cli {

// `herald db status|copy|backup`:
//   status [--profile NAME]               opens the database (applying migrations) and prints where it is, what server
//                                         answers and the schema version; exit 0 when the database can be used
//   copy --to PROFILE [--from PROFILE]    moves everything into an empty PostgreSQL database (DatabaseCopier)
//   backup FILE [--profile NAME] [--force] backs the embedded database up (SqliteBackup)
class DbCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::DbCommand)
public:
    static int run(const QStringList& arguments);

private:
    static int status(const QString& profileName);
    static int copy(const QString& from, const QString& to);
    static int backup(const QString& profileName, const QString& file, bool force);
};

} // namespace herald::cli
