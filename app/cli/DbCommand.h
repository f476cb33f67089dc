#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald db status [--profile NAME]`: opens the database (applying migrations) and prints where it
// is, what server answers and the schema version. Exit 0 when the database can be used.
class DbCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::DbCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
