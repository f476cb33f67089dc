#pragma once

#include "Database.h"
#include "domain/Error.h"
#include "domain/Provider.h"

#include <QCoreApplication>
#include <QList>

class QSqlQuery;

namespace herald {

// SQL for the mail providers. The table holds a keychain reference (secretRef), never a password or key. Each
// add, change and removal is recorded in the audit log.
class ProviderRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::ProviderRepository)
public:
    explicit ProviderRepository(Database& database);

    // Validates, stores and fills in the id.
    Status insert(Provider& provider);
    // Stores the edit (the last save wins: providers are edited by an administrator, not synced).
    Status update(Provider& provider);
    Result<Provider> find(qint64 id);
    // Every provider in the order they are tried: priority, then name.
    Result<QList<Provider>> list();
    Status remove(qint64 id);

private:
    // Normalizes and validates the provider, then hands out the connection to write it on.
    Result<QSqlDatabase> connectionToWrite(Provider& provider);
    // The SELECT list, without the secret reference when this role may not read it.
    QString selectColumns();
    Error writeError(const Provider& provider, const QSqlError& error, const QString& what);
    static Provider readRow(const QSqlQuery& query);
    static QString describe(const Provider& provider);
    Status recordChange(const QString& action, qint64 id, const QString& detail);

    Database& m_database;
};

} // namespace herald
