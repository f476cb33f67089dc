#pragma once

#include "Database.h"
#include "domain/DkimDomainKey.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QList>

class QSqlQuery;

namespace herald {

// SQL for the DKIM keys of sender domains (dkim_keys): one RSA key per domain and, beside it, an Ed25519 key if the
// domain has one; each replaced when a new one is generated or imported.
class DkimKeyRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::DkimKeyRepository)
public:
    explicit DkimKeyRepository(Database& database) : m_database(database) {}

    // Stores the domain's RSA key, replacing the one it had (normalizes the domain to lower case); its Ed25519 key stays.
    Status save(DkimDomainKey& key);
    // Stores the domain's Ed25519 key (key.ed25519Selector, key.ed25519PublicKey) beside its RSA key, which it needs.
    Status saveEd25519(DkimDomainKey& key);
    Status removeEd25519(const QString& domain);
    Result<DkimDomainKey> find(const QString& domain);
    Result<QList<DkimDomainKey>> list();
    Status remove(const QString& domain);

private:
    static DkimDomainKey readRow(const QSqlQuery& query);

    Database& m_database;
};

} // namespace herald
