#pragma once

#include "Database.h"
#include "domain/Error.h"
#include "domain/SenderIdentity.h"

#include <QCoreApplication>
#include <QList>

class QSqlQuery;

namespace herald {

// SQL for sender identities (sender_identities). Every method uses this thread's connection of the database.
class SenderIdentityRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::SenderIdentityRepository)
public:
    explicit SenderIdentityRepository(Database& database);

    // Validates, stores and fills in id, uuid, version and timestamps.
    Status insert(SenderIdentity& identity);
    // Stores the edit if nobody changed the row since it was read (identity.version); bumps version.
    Status update(SenderIdentity& identity);
    Result<SenderIdentity> find(qint64 id);
    // Every identity by name (they are few).
    Result<QList<SenderIdentity>> list();
    // Deletes it; campaigns that used it keep the copy of its fields they were given.
    Result<bool> remove(qint64 id);

private:
    Result<QSqlDatabase> connectionToWrite(SenderIdentity& identity);
    static SenderIdentity readRow(const QSqlQuery& query);

    Database& m_database;
};

} // namespace herald
