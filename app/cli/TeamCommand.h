#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald team list|add|set-role|remove`: the people of a team server (PostgreSQL) and their Herald roles, through
// the same TeamRepository as Settings → Team; the server refuses whoever is not an admin.
class TeamCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::TeamCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
