#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald unsubscribe-server --listen ADDR:PORT [--profile NAME]`: the one-click unsubscribe receiver, for the
// organisation to run behind its web server (which terminates TLS and forwards the unsubscribe link's path).
// Runs until SIGINT or SIGTERM; prints "Listening on ADDR:PORT" once it accepts requests, then one line per
// request. Exit 1 when the database or the address cannot be used, 2 on a usage mistake.
class UnsubscribeServerCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::UnsubscribeServerCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
