#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace herald::cli {

// Headless entry: `herald --version`, `herald --help` and the sub-commands (db, profile, and those
// later issues add: worker, import, export, stats, campaign …). Runs under QCoreApplication, so it
// needs no display.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::CommandLine)
public:
    // True when argv asks for something other than the desktop window.
    static bool isHeadless(int argc, char** argv);
    static int run(int argc, char** argv);

    static QStringList subCommands();
};

} // namespace herald::cli
