#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald sync [--profile NAME] [--keep mine|server|both]`: syncs the offline store of a PostgreSQL profile with
// its server and prints what went up, what came down and the conflicts. --keep resolves every open conflict the
// same way first. Exit 0 when everything synced, 3 while conflicts wait for a decision, 1 on failure.
class SyncCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::SyncCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
