#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald intake [--once] [--interval SECONDS] [--profile NAME]`: reads the feedback mailbox set up in Settings
// (bounces, complaints, mailto: unsubscribes), records what it finds and pauses campaigns whose complaint rate
// passed the threshold. With --once one pass, else a pass every interval until SIGINT or SIGTERM. The password
// comes from HERALD_INTAKE_PASSWORD or the keychain. Exit 1 when a pass fails (with --once) or nothing is set up.
class IntakeCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::IntakeCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
