#include "ProviderRepository.h"

#include "AuditLogRepository.h"
#include "BoundQuery.h"
#include "SqlDialect.h"
#include "StoredRow.h"
#include "domain/CurrentUser.h"
#include "domain/ProviderValidator.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace herald {

namespace {
const QString SelectColumns = QStringLiteral("SELECT id, name, kind, host, port, tls, username, %1, "
                                             "rate_per_s, burst, connections, priority, enabled, verify_certificate, dkim_sign FROM providers ");

void normalize(Provider& provider)
{
    provider.name = provider.name.trimmed();
    provider.host = provider.host.trimmed();
    provider.username = provider.username.trimmed();
}

void bindFields(BoundQuery& query, const Provider& provider)
{
    query.bind(QStringLiteral(":name"), provider.name)
        .bind(QStringLiteral(":kind"), Provider::kindName(provider.kind))
        .bind(QStringLiteral(":host"), provider.host)
        .bind(QStringLiteral(":port"), provider.port)
        .bind(QStringLiteral(":tls"), Provider::tlsName(provider.tls))
        .bind(QStringLiteral(":username"), provider.username)
        .bind(QStringLiteral(":secret_ref"), provider.secretRef)
        .bind(QStringLiteral(":rate_per_s"), provider.ratePerSecond)
        .bind(QStringLiteral(":burst"), provider.burst)
        .bind(QStringLiteral(":connections"), provider.connections)
        .bind(QStringLiteral(":priority"), provider.priority)
        .bind(QStringLiteral(":enabled"), provider.enabled)
        .bind(QStringLiteral(":verify"), provider.verifyCertificate)
        .bind(QStringLiteral(":dkim_sign"), provider.dkimSign);
}
} // namespace

ProviderRepository::ProviderRepository(Database& database) : m_database(database) {}

Provider ProviderRepository::readRow(const QSqlQuery& query)
{
    Provider row;
    row.id = query.value(0).toLongLong();
    row.name = query.value(1).toString();
    Provider::kindFromName(query.value(2).toString(), &row.kind);
    row.host = query.value(3).toString();
    row.port = query.value(4).toInt();
    Provider::tlsFromName(query.value(5).toString(), &row.tls);
    row.username = query.value(6).toString();
    row.secretRef = query.value(7).toString();
    row.ratePerSecond = query.value(8).toDouble();
    row.burst = query.value(9).toInt();
    row.connections = query.value(10).toInt();
    row.priority = query.value(11).toInt();
    row.enabled = query.value(12).toBool();
    row.verifyCertificate = query.value(13).toBool();
    row.dkimSign = query.value(14).toBool();
    return row;
}

Result<QSqlDatabase> ProviderRepository::connectionToWrite(Provider& provider)
{
    normalize(provider);
    if (auto valid = ProviderValidator::validate(provider); !valid)
        return valid.error();
    return m_database.checkedConnection();
}

Error ProviderRepository::writeError(const Provider& provider, const QSqlError& error, const QString& what)
{
    return StoredRow::namedWriteError(m_database.connection(), QStringLiteral("providers"), tr("Provider"),
                                      provider.name, provider.id, error, what);
}

Status ProviderRepository::insert(Provider& provider)
{
    auto db = connectionToWrite(provider);
    if (!db)
        return db.error();
    BoundQuery query(db.value(),
                     QStringLiteral("INSERT INTO providers (name, kind, host, port, tls, username, secret_ref, "
                                    "rate_per_s, burst, connections, priority, enabled, verify_certificate, dkim_sign) VALUES (:name, :kind, "
                                    ":host, :port, :tls, :username, :secret_ref, :rate_per_s, :burst, :connections, "
                                    ":priority, :enabled, :verify, :dkim_sign) RETURNING id"));
    bindFields(query, provider);
    if (!query.query().exec())
        return writeError(provider, query.query().lastError(), tr("Could not add provider '%1'").arg(provider.name));
    query.next();
    provider.id = query.value(0).toLongLong();
    query.finish();
    return recordChange(QStringLiteral("provider add"), provider.id, describe(provider));
}

Status ProviderRepository::update(Provider& provider)
{
    auto db = connectionToWrite(provider);
    if (!db)
        return db.error();
    BoundQuery query(db.value(),
                     QStringLiteral("UPDATE providers SET name = :name, kind = :kind, host = :host, port = :port, "
                                    "tls = :tls, username = :username, secret_ref = :secret_ref, "
                                    "rate_per_s = :rate_per_s, burst = :burst, connections = :connections, "
                                    "priority = :priority, enabled = :enabled, verify_certificate = :verify, dkim_sign = :dkim_sign, "
                                    "updated_at = %1 "
                                    "WHERE id = :id")
                         .arg(SqlDialect(m_database.backend()).now()));
    bindFields(query, provider);
    query.bind(QStringLiteral(":id"), provider.id);
    if (!query.query().exec())
        return writeError(provider, query.query().lastError(), tr("Could not save provider '%1'").arg(provider.name));
    if (query.numRowsAffected() == 0)
        return Error::make(Error::Kind::NotFound,
                           tr("Provider '%1' (#%2) was deleted by someone else; your changes were not saved.")
                               .arg(provider.name, QString::number(provider.id)));
    return recordChange(QStringLiteral("provider change"), provider.id, describe(provider));
}

QString ProviderRepository::selectColumns()
{
    // Viewers and editors may not read secret_ref (schema 23, a column privilege): they list providers without it.
    if (m_database.backend() == Backend::Postgres) {
        QSqlQuery mayRead(m_database.connection());
        if (mayRead.exec(QStringLiteral("SELECT has_column_privilege('providers', 'secret_ref', 'SELECT')"))
            && mayRead.next() && !mayRead.value(0).toBool())
            return SelectColumns.arg(QStringLiteral("'' AS secret_ref"));
    }
    return SelectColumns.arg(QStringLiteral("secret_ref"));
}

Result<Provider> ProviderRepository::find(qint64 id)
{
    return BoundQuery::selectOne(m_database, selectColumns() + QStringLiteral("WHERE id = :key"), id,
                                 tr("Could not read provider #%1").arg(id), tr("Provider #%1 does not exist.").arg(id),
                                 &ProviderRepository::readRow);
}

Result<QList<Provider>> ProviderRepository::list()
{
    return BoundQuery::selectAll(m_database, selectColumns() + QStringLiteral("ORDER BY priority, lower(name), id"),
                                 tr("Could not read the providers"), &ProviderRepository::readRow);
}

Status ProviderRepository::remove(qint64 id)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const auto removing = find(id);
    BoundQuery query(db.value(), QStringLiteral("DELETE FROM providers WHERE id = :id"));
    query.bind(QStringLiteral(":id"), id);
    if (auto done = query.exec(tr("Could not delete provider #%1").arg(id)); !done)
        return done;
    if (query.numRowsAffected() == 0)
        return Error::make(Error::Kind::NotFound, tr("Provider #%1 does not exist.").arg(id));
    return recordChange(QStringLiteral("provider remove"), id, removing ? describe(removing.value()) : QString());
}

QString ProviderRepository::describe(const Provider& provider)
{
    // What an administrator looks for later: which provider, where it sends, as whom, how fast; never the secret.
    return QStringLiteral("%1: %2 %3:%4 %5, user '%6', %7/s, %8")
        .arg(provider.name, Provider::kindName(provider.kind), provider.host, QString::number(provider.port),
             Provider::tlsName(provider.tls), provider.username, QString::number(provider.ratePerSecond),
             provider.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled"));
}

Status ProviderRepository::recordChange(const QString& action, qint64 id, const QString& detail)
{
    // Issue 18: every provider change is in the audit log (the actor is the login on PostgreSQL, schema 23).
    auto recorded = AuditLogRepository(m_database)
                        .record(currentUserName(QStringLiteral("herald")), action, QStringLiteral("provider"),
                                QString::number(id), detail);
    if (!recorded)
        return recorded.error();
    return {};
}

} // namespace herald
