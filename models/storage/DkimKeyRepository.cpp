#include "DkimKeyRepository.h"

#include "BoundQuery.h"
#include "SqlDialect.h"

#include <QCoreApplication>

namespace herald {

namespace {
const QString SelectColumns =
    QStringLiteral("SELECT domain, selector, public_key, bits, created_at, updated_at, ed25519_selector, "
                   "ed25519_public_key FROM dkim_keys ");
} // namespace

DkimDomainKey DkimKeyRepository::readRow(const QSqlQuery& query)
{
    DkimDomainKey key;
    key.domain = query.value(0).toString();
    key.selector = query.value(1).toString();
    key.publicKey = query.value(2).toString();
    key.bits = query.value(3).toInt();
    key.createdAt = SqlDialect::readTimestamp(query.value(4));
    key.updatedAt = SqlDialect::readTimestamp(query.value(5));
    key.ed25519Selector = query.value(6).toString();
    key.ed25519PublicKey = query.value(7).toString();
    return key;
}

Status DkimKeyRepository::save(DkimDomainKey& key)
{
    key.domain = key.domain.trimmed().toLower();
    key.selector = key.selector.trimmed();
    if (const QString problem = DkimDomainKey::domainProblem(key.domain); !problem.isEmpty())
        return Error::validation(QStringLiteral("domain"), problem);
    if (const QString problem = DkimDomainKey::selectorProblem(key.selector); !problem.isEmpty())
        return Error::validation(QStringLiteral("selector"), problem);
    if (key.publicKey.isEmpty())
        return Error::validation(QStringLiteral("public_key"), tr("The DKIM key for %1 has no public key.").arg(key.domain));
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const QString now = SqlDialect(m_database.backend()).now();
    BoundQuery query(db.value(),
                     QStringLiteral("INSERT INTO dkim_keys (domain, selector, public_key, bits) "
                                    "VALUES (:domain, :selector, :public_key, :bits) "
                                    "ON CONFLICT (domain) DO UPDATE SET selector = excluded.selector, "
                                    "public_key = excluded.public_key, bits = excluded.bits, created_at = %1, updated_at = %1")
                         .arg(now));
    query.bind(QStringLiteral(":domain"), key.domain)
        .bind(QStringLiteral(":selector"), key.selector)
        .bind(QStringLiteral(":public_key"), key.publicKey)
        .bind(QStringLiteral(":bits"), key.bits);
    return query.exec(tr("Could not save the DKIM key for %1").arg(key.domain));
}

Status DkimKeyRepository::saveEd25519(DkimDomainKey& key)
{
    key.domain = key.domain.trimmed().toLower();
    key.ed25519Selector = key.ed25519Selector.trimmed();
    if (const QString problem = DkimDomainKey::selectorProblem(key.ed25519Selector); !problem.isEmpty())
        return Error::validation(QStringLiteral("selector"), problem);
    if (key.ed25519PublicKey.isEmpty())
        return Error::validation(QStringLiteral("public_key"), tr("The Ed25519 key for %1 has no public key.").arg(key.domain));
    auto rsa = find(key.domain);
    if (!rsa)
        return rsa.error().kind == Error::Kind::NotFound
            ? Error::validation(QStringLiteral("domain"), tr("%1 has no RSA key yet: receivers that do not know Ed25519 "
                                                             "need one. Generate or import the RSA key first.")
                                                              .arg(key.domain))
            : rsa.error();
    if (rsa->selector == key.ed25519Selector)
        return Error::validation(QStringLiteral("selector"), tr("The RSA key of %1 already uses the selector %2: the "
                                                                "Ed25519 key needs a record of its own.")
                                                                 .arg(key.domain, key.ed25519Selector));
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("UPDATE dkim_keys SET ed25519_selector = :selector, ed25519_public_key = "
                                                ":public_key, updated_at = %1 WHERE domain = :domain")
                                     .arg(SqlDialect(m_database.backend()).now()));
    query.bind(QStringLiteral(":domain"), key.domain)
        .bind(QStringLiteral(":selector"), key.ed25519Selector)
        .bind(QStringLiteral(":public_key"), key.ed25519PublicKey);
    return query.exec(tr("Could not save the Ed25519 key for %1").arg(key.domain));
}

Status DkimKeyRepository::removeEd25519(const QString& domain)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const QString lower = domain.trimmed().toLower();
    BoundQuery query(db.value(), QStringLiteral("UPDATE dkim_keys SET ed25519_selector = NULL, ed25519_public_key = NULL "
                                                "WHERE domain = :domain"));
    query.bind(QStringLiteral(":domain"), lower);
    return query.exec(tr("Could not delete the Ed25519 key for %1").arg(lower));
}

Result<DkimDomainKey> DkimKeyRepository::find(const QString& domain)
{
    const QString lower = domain.trimmed().toLower();
    return BoundQuery::selectOne(m_database, SelectColumns + QStringLiteral("WHERE domain = :key"), lower,
                                 tr("Could not read the DKIM key for %1").arg(lower),
                                 tr("Herald has no DKIM key for %1.").arg(lower), &DkimKeyRepository::readRow);
}

Result<QList<DkimDomainKey>> DkimKeyRepository::list()
{
    return BoundQuery::selectAll(m_database, SelectColumns + QStringLiteral("ORDER BY domain"),
                                 tr("Could not read the DKIM keys"), &DkimKeyRepository::readRow);
}

Status DkimKeyRepository::remove(const QString& domain)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const QString lower = domain.trimmed().toLower();
    BoundQuery query(db.value(), QStringLiteral("DELETE FROM dkim_keys WHERE domain = :domain"));
    query.bind(QStringLiteral(":domain"), lower);
    return query.exec(tr("Could not delete the DKIM key for %1").arg(lower));
}

} // namespace herald
