#pragma once

#include <QCoreApplication>
#include <QString>

namespace herald {

enum class Backend { Sqlite, Postgres };

// Where Herald keeps its data: an embedded SQLite file ("This computer") or a PostgreSQL server.
// Holds no password: passwords live in the keychain (SecretStore) or only in memory for a session.
struct ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(herald::ConnectionProfile)
public:
    QString id; // stable key in the settings file and the keychain
    QString name;
    Backend backend = Backend::Sqlite;

    QString sqlitePath; // Sqlite only

    QString host; // Postgres only
    int port = 5432;
    QString database = QStringLiteral("herald");
    QString user;
    QString sslMode; // empty: the default for the host (see effectiveSslMode)
    int connectTimeoutSeconds = 5;

    static ConnectionProfile embedded(const QString& sqlitePath);
    static ConnectionProfile postgres(const QString& name, const QString& host, int port, const QString& database,
                                      const QString& user);

    // prefer on the same machine, verify-full anywhere else (a password never crosses a network unverified).
    static QString defaultSslMode(const QString& host);
    static bool isLoopbackHost(const QString& host);
    QString effectiveSslMode() const;

    // "127.0.0.1:5432/herald" or the file path: how messages name the server.
    QString location() const;
    bool isValid(QString* problem) const;
};

} // namespace herald
