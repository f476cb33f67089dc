#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald stats [--profile P] [--json | --prometheus] [--range 15m|1h|24h|7d]`: the dashboard figures
// (send and failure rates, failure rate over a rolling window, latency percentiles, top failure
// reasons, queue depth) for scripts, monitoring and people.
class StatsCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::StatsCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
