#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald profile list|add|use|remove`: connection profiles for scripts and headless workers.
// Passwords are never taken on the command line (they would land in shell history): the keychain,
// PGPASSWORD or ~/.pgpass provide them.
class ProfileCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::ProfileCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
