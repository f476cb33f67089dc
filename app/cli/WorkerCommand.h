#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald worker [--profile NAME] [--concurrency N] …`: the send engine without a window. Runs until
// SIGINT/SIGTERM (then stops cleanly: results written, unsent leases returned) or, with
// --exit-when-idle, until no campaign has anything left to send. Several workers on several machines
// share one PostgreSQL queue.
class WorkerCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::WorkerCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
