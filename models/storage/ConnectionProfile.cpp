#include "ConnectionProfile.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QUuid>

namespace herald {

namespace {
const QStringList& knownSslModes()
{
    static const QStringList modes = {QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
                                      QStringLiteral("require"), QStringLiteral("verify-ca"),
                                      QStringLiteral("verify-full")};
    return modes;
}
} // namespace

ConnectionProfile ConnectionProfile::embedded(const QString& sqlitePath)
{
    ConnectionProfile profile;
    profile.id = QStringLiteral("local");
    profile.name = tr("This computer");
    profile.backend = Backend::Sqlite;
    profile.sqlitePath = sqlitePath;
    return profile;
}

ConnectionProfile ConnectionProfile::postgres(const QString& name, const QString& host, int port,
                                              const QString& database, const QString& user)
{
    ConnectionProfile profile;
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.name = name;
    profile.backend = Backend::Postgres;
    profile.host = host;
    profile.port = port;
    profile.database = database;
    profile.user = user;
    return profile;
}

bool ConnectionProfile::isLoopbackHost(const QString& host)
{
    if (host.isEmpty() || host.startsWith(QLatin1Char('/')) || host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true; // empty or a path: a Unix socket on this machine
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString ConnectionProfile::defaultSslMode(const QString& host)
{
    return isLoopbackHost(host) ? QStringLiteral("prefer") : QStringLiteral("verify-full");
}

QString ConnectionProfile::effectiveSslMode() const { return sslMode.isEmpty() ? defaultSslMode(host) : sslMode; }

QString ConnectionProfile::location() const
{
    if (backend == Backend::Sqlite)
        return sqlitePath;
    return QStringLiteral("%1:%2/%3").arg(host.isEmpty() ? QStringLiteral("localhost") : host).arg(port).arg(database);
}

bool ConnectionProfile::isValid(QString* problem) const
{
    QString why;
    if (name.trimmed().isEmpty())
        why = tr("The profile needs a name.");
    else if (backend == Backend::Sqlite && sqlitePath.isEmpty())
        why = tr("The database file is not set.");
    else if (backend == Backend::Postgres && database.trimmed().isEmpty())
        why = tr("The database name is not set.");
    else if (backend == Backend::Postgres && (port <= 0 || port > 65535))
        why = tr("Port %1 is not between 1 and 65535.").arg(port);
    else if (backend == Backend::Postgres && !sslMode.isEmpty() && !knownSslModes().contains(sslMode))
        why = tr("SSL mode '%1' is not one of %2.").arg(sslMode, knownSslModes().join(QStringLiteral(", ")));
    if (problem)
        *problem = why;
    return why.isEmpty();
}

} // namespace herald
