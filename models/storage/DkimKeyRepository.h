#pragma once

#include "Database.h"
#include "domain/DkimDomainKey.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QList>

class QSqlQuery;

namespace herald {

// SQL for the DKIM keys of sender domains (dkim_keys): one key per domain, replaced when a new one is
// generated or imported.
class DkimKeyRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::DkimKeyRepository)
public:
    explicit DkimKeyRepository(Database& database) : m_database(database) {}

    // Stores the domain's key, replacing the one it had (normalizes the domain to lower case).
    Status save(DkimDomainKey& key);
    Result<DkimDomainKey> find(const QString& domain);
    Result<QList<DkimDomainKey>> list();
    Status remove(const QString& domain);

private:
    static DkimDomainKey readRow(const QSqlQuery& query);

    Database& m_database;
};

} // namespace herald
