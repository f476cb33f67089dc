#pragma once

#include "ConnectionProfile.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace herald {

// One open profile: hands each thread its own connection (a QSqlDatabase belongs to the thread that
// opened it) and brings the schema up to date when first opened.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(herald::Database)
public:
    explicit Database(ConnectionProfile profile, QString password = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Connects on the calling thread and applies pending migrations.
    Status open();
    // Connects without migrating and says what is there ("PostgreSQL 15.4 …"), for "Test connection".
    static Result<QString> probe(const ConnectionProfile& profile, const QString& password);

    // This thread's connection, opened on first use. Check isOpen() or use checkedConnection().
    QSqlDatabase connection();
    Result<QSqlDatabase> checkedConnection();
    // Closes this thread's connection (workers call it before their thread ends).
    void releaseThreadConnection();
    // A cheap round trip; reopens a dropped connection.
    Status ping();

    Backend backend() const { return m_profile.backend; }
    const ConnectionProfile& profile() const { return m_profile; }
    int schemaVersion() const { return m_schemaVersion; }

private:
    QString threadConnectionName() const;
    static Result<QSqlDatabase> openNamed(const ConnectionProfile& profile, const QString& password,
                                          const QString& connectionName);

    ConnectionProfile m_profile;
    QString m_password;
    QString m_instanceKey;
    int m_schemaVersion = 0;
    QMutex m_namesMutex;
    QSet<QString> m_connectionNames;
};

} // namespace herald
