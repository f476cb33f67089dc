#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald serve --listen ADDR:PORT [--public-url URL] [--trusted-proxy CIDR]… [--threads N] [--profile NAME]`:
// the public endpoint, behind the organisation's web server (which ends TLS): one-click unsubscribe, the open pixel,
// the click redirect, the web view and /healthz. Several may run on several machines against one PostgreSQL. Opens
// and clicks are written in batches every --flush-ms (at most 250 ms; what a kill -9 can lose) and all of them on
// SIGTERM or SIGINT. `herald unsubscribe-server` is the same command under its old name. Prints
// "Listening on ADDR:PORT" once it accepts requests, then one line per request (never an address or a token).
// Exit 1 when the database or the address cannot be used, 2 on a usage mistake.
class ServeCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::ServeCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
