#include "SenderIdentityRepository.h"

#include "BoundQuery.h"
#include "SqlDialect.h"
#include "StoredRow.h"

#include <QCoreApplication>

namespace herald {

namespace {
const QString Table = QStringLiteral("sender_identities");
const QString SelectColumns = QStringLiteral(
    "SELECT id, uuid, name, from_name, from_email, reply_to, postal_address, unsubscribe_base_url, created_at, "
    "updated_at, version FROM sender_identities ");

void bindFields(BoundQuery& query, const SenderIdentity& identity)
{
    query.bind(QStringLiteral(":name"), identity.name)
        .bind(QStringLiteral(":from_name"), identity.fromName)
        .bind(QStringLiteral(":from_email"), identity.fromEmail)
        .bind(QStringLiteral(":reply_to"), identity.replyTo)
        .bind(QStringLiteral(":postal_address"), identity.postalAddress)
        .bind(QStringLiteral(":unsubscribe_base_url"), identity.unsubscribeBaseUrl);
}
} // namespace

SenderIdentityRepository::SenderIdentityRepository(Database& database) : m_database(database) {}

SenderIdentity SenderIdentityRepository::readRow(const QSqlQuery& query)
{
    SenderIdentity row;
    row.id = query.value(0).toLongLong();
    row.uuid = query.value(1).toString();
    row.name = query.value(2).toString();
    row.fromName = query.value(3).toString();
    row.fromEmail = query.value(4).toString();
    row.replyTo = query.value(5).toString();
    row.postalAddress = query.value(6).toString();
    row.unsubscribeBaseUrl = query.value(7).toString();
    row.createdAt = SqlDialect::readTimestamp(query.value(8));
    row.updatedAt = SqlDialect::readTimestamp(query.value(9));
    row.version = query.value(10).toInt();
    return row;
}

Result<QSqlDatabase> SenderIdentityRepository::connectionToWrite(SenderIdentity& identity)
{
    identity.normalize();
    if (auto valid = identity.validate(); !valid)
        return valid.error();
    return m_database.checkedConnection();
}

Status SenderIdentityRepository::insert(SenderIdentity& identity)
{
    auto db = connectionToWrite(identity);
    if (!db)
        return db.error();
    const QString uuid = identity.uuid.isEmpty() ? StoredRow::newUuid() : identity.uuid;
    BoundQuery query(db.value(),
                     QStringLiteral("INSERT INTO sender_identities (uuid, name, from_name, from_email, reply_to, "
                                    "postal_address, unsubscribe_base_url) VALUES (:uuid, :name, :from_name, "
                                    ":from_email, :reply_to, :postal_address, :unsubscribe_base_url) "
                                    "RETURNING id, version, created_at, updated_at"));
    bindFields(query, identity);
    query.bind(QStringLiteral(":uuid"), uuid);
    if (!query.query().exec())
        return StoredRow::namedWriteError(db.value(), Table, tr("Sender identity"), identity.name, 0,
                                          query.query().lastError(),
                                          tr("Could not add sender identity '%1'").arg(identity.name));
    query.next();
    identity.id = query.value(0).toLongLong();
    identity.uuid = uuid;
    identity.version = query.value(1).toInt();
    identity.createdAt = SqlDialect::readTimestamp(query.value(2));
    identity.updatedAt = SqlDialect::readTimestamp(query.value(3));
    query.finish();
    return {};
}

Status SenderIdentityRepository::update(SenderIdentity& identity)
{
    auto db = connectionToWrite(identity);
    if (!db)
        return db.error();
    BoundQuery query(db.value(),
                     QStringLiteral("UPDATE sender_identities SET name = :name, from_name = :from_name, "
                                    "from_email = :from_email, reply_to = :reply_to, postal_address = :postal_address, "
                                    "unsubscribe_base_url = :unsubscribe_base_url, updated_at = %1, "
                                    "version = version + 1 WHERE id = :id AND version = :version "
                                    "RETURNING version, updated_at")
                         .arg(SqlDialect(m_database.backend()).now()));
    bindFields(query, identity);
    query.bind(QStringLiteral(":id"), identity.id).bind(QStringLiteral(":version"), identity.version);
    if (!query.query().exec())
        return StoredRow::namedWriteError(db.value(), Table, tr("Sender identity"), identity.name, identity.id,
                                          query.query().lastError(),
                                          tr("Could not save sender identity '%1'").arg(identity.name));
    if (!query.next())
        return StoredRow::staleWriteError(db.value(), Table, tr("Sender identity"), identity.name, identity.id,
                                          identity.version);
    identity.version = query.value(0).toInt();
    identity.updatedAt = SqlDialect::readTimestamp(query.value(1));
    query.finish();
    return {};
}

Result<SenderIdentity> SenderIdentityRepository::find(qint64 id)
{
    return BoundQuery::selectOne(m_database, SelectColumns + QStringLiteral("WHERE id = :key"), id,
                                 tr("Could not read sender identity #%1").arg(id),
                                 tr("Sender identity #%1 does not exist.").arg(id), &SenderIdentityRepository::readRow);
}

Result<QList<SenderIdentity>> SenderIdentityRepository::list()
{
    return BoundQuery::selectAll(m_database, SelectColumns + QStringLiteral("ORDER BY lower(name), id"),
                                 tr("Could not read the sender identities"), &SenderIdentityRepository::readRow);
}

Result<bool> SenderIdentityRepository::remove(qint64 id)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("DELETE FROM sender_identities WHERE id = :id"));
    if (auto done = query.bind(QStringLiteral(":id"), id).exec(tr("Could not delete sender identity #%1").arg(id));
        !done)
        return done.error();
    return query.numRowsAffected() > 0;
}

} // namespace herald
