#include "PrivateCluster.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>

namespace herald::test {

PrivateCluster::PrivateCluster()
{
    QTcpServer probe; // a port nothing listens on right now
    if (probe.listen(QHostAddress::LocalHost))
        m_port = probe.serverPort();
    probe.close();
    m_dir = QStringLiteral("/tmp/herald-pg-private-%1").arg(m_port);
    m_running = m_port > 0 && script(QStringLiteral("start"));
}

PrivateCluster::~PrivateCluster()
{
    for (const QString& name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(QLatin1String("private-cluster-")))
            QSqlDatabase::removeDatabase(name);
    }
    script(QStringLiteral("stop"));
}

bool PrivateCluster::script(const QString& action)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(HERALD_TEST_SUPPORT_DIR "/pg_cluster.sh"),
                  {action, m_dir, QString::number(m_port)});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("pg_cluster.sh %1 failed: %2").arg(action, QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

bool PrivateCluster::pause()
{
    m_running = !script(QStringLiteral("pause"));
    return !m_running;
}

bool PrivateCluster::resume()
{
    m_running = script(QStringLiteral("resume"));
    return m_running;
}

ConnectionProfile PrivateCluster::createDatabase(const QString& name)
{
    ConnectionProfile profile = ConnectionProfile::postgres(QStringLiteral("private"), QStringLiteral("127.0.0.1"),
                                                            m_port, name, QStringLiteral("postgres"));
    profile.id = QStringLiteral("private-") + name;
    profile.sslMode = QStringLiteral("disable");
    profile.connectTimeoutSeconds = 2;
    const QString connection = QStringLiteral("private-cluster-%1").arg(m_port);
    {
        QSqlDatabase admin = QSqlDatabase::contains(connection)
            ? QSqlDatabase::database(connection, false)
            : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        admin.setHostName(profile.host);
        admin.setPort(m_port);
        admin.setDatabaseName(QStringLiteral("postgres"));
        admin.setUserName(QStringLiteral("postgres"));
        admin.close(); // the server may have been restarted since the last use
        if (!admin.open()) {
            m_error = admin.lastError().text();
            profile.name.clear();
            return profile;
        }
        QSqlQuery query(admin);
        // Database names are identifiers; callers pass [a-z0-9_] only.
        if (!query.exec(QStringLiteral("CREATE DATABASE %1").arg(name))) {
            m_error = query.lastError().text();
            profile.name.clear();
        }
    }
    return profile;
}

} // namespace herald::test
