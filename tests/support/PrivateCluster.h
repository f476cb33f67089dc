#pragma once

#include "storage/ConnectionProfile.h"

#include <QString>

namespace herald::test {

// A PostgreSQL cluster of one test's own (its own folder and port, started with tests/support/pg_cluster.sh),
// for tests that stop the server and start it again without disturbing the cluster other tests share.
class PrivateCluster
{
public:
    PrivateCluster();
    ~PrivateCluster(); // stops it and removes its folder
    PrivateCluster(const PrivateCluster&) = delete;
    PrivateCluster& operator=(const PrivateCluster&) = delete;

    bool isRunning() const { return m_running; }
    QString error() const { return m_error; }
    int port() const { return m_port; }

    // Stops the server keeping its data, and starts it again.
    bool pause();
    bool resume();
    // A new empty database on it, as a profile for the superuser; an empty profile name on failure.
    ConnectionProfile createDatabase(const QString& name);

private:
    bool script(const QString& action);

    QString m_dir;
    int m_port = 0;
    bool m_running = false;
    QString m_error;
};

} // namespace herald::test
