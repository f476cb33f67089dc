#include "AuditLogRepository.h"

#include "BoundQuery.h"
#include "SqlDialect.h"

#include <QCoreApplication>

namespace herald {

namespace {
const QString SelectColumns = QStringLiteral("SELECT id, at, actor, action, entity, entity_id, detail FROM audit_log ");

QString where(const QStringList& conditions)
{
    return conditions.isEmpty() ? QString() : QStringLiteral("WHERE %1 ").arg(conditions.join(QStringLiteral(" AND ")));
}
} // namespace

AuditLogRepository::AuditLogRepository(Database& database) : m_database(database) {}

AuditEntry AuditLogRepository::readRow(const QSqlQuery& query)
{
    AuditEntry row;
    row.id = query.value(0).toLongLong();
    row.at = SqlDialect::readTimestamp(query.value(1));
    row.actor = query.value(2).toString();
    row.action = query.value(3).toString();
    row.entity = query.value(4).toString();
    row.entityId = query.value(5).toString();
    row.detail = query.value(6).toString();
    return row;
}

Result<AuditEntry> AuditLogRepository::record(const QString& actor, const QString& action, const QString& entity,
                                              const QString& entityId, const QString& detail)
{
    if (action.trimmed().isEmpty())
        return Error::validation(QStringLiteral("action"), tr("An audit line needs an action."));
    if (entity.trimmed().isEmpty())
        return Error::validation(QStringLiteral("entity"), tr("An audit line needs the kind of thing acted on."));
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("INSERT INTO audit_log (actor, action, entity, entity_id, detail) "
                                                "VALUES (:actor, :action, :entity, :entity_id, :detail) "
                                                "RETURNING id, at, actor"));
    query.bind(QStringLiteral(":actor"), actor)
        .bind(QStringLiteral(":action"), action)
        .bind(QStringLiteral(":entity"), entity)
        .bind(QStringLiteral(":entity_id"), entityId)
        .bind(QStringLiteral(":detail"), detail);
    if (auto done = query.execSingle(
            tr("Could not record '%1' of %2 %3 in the audit log").arg(action, entity, entityId),
            tr("The audit log did not return the new line."));
        !done)
        return done.error();
    AuditEntry entry{query.value(0).toLongLong(), SqlDialect::readTimestamp(query.value(1)), query.value(2).toString(),
                     action, entity, entityId, detail};
    query.finish();
    return entry;
}

Result<QList<AuditEntry>> AuditLogRepository::listFor(const QString& entity, const QString& entityId)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), SelectColumns + QStringLiteral("WHERE entity = :entity AND entity_id = :entity_id "
                                                                "ORDER BY at DESC, id DESC"));
    query.bind(QStringLiteral(":entity"), entity).bind(QStringLiteral(":entity_id"), entityId);
    return query.readAll(tr("Could not read the history of %1 %2").arg(entity, entityId), &AuditLogRepository::readRow);
}

Result<QHash<QString, AuditEntry>> AuditLogRepository::latestFor(const QString& entity, const QString& action)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), SelectColumns + QStringLiteral(
        "a WHERE entity = :entity AND action = :action AND NOT EXISTS (SELECT 1 FROM audit_log b "
        "WHERE b.entity = a.entity AND b.entity_id = a.entity_id AND b.action = a.action AND b.id > a.id)"));
    query.bind(QStringLiteral(":entity"), entity).bind(QStringLiteral(":action"), action);
    auto lines = query.readAll(tr("Could not read the audit log"), &AuditLogRepository::readRow);
    if (!lines)
        return lines.error();
    QHash<QString, AuditEntry> latest;
    for (const AuditEntry& line : lines.value())
        latest.insert(line.entityId, line);
    return latest;
}

Result<QList<AuditEntry>> AuditLogRepository::recent(int limit)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), SelectColumns + QStringLiteral("ORDER BY at DESC, id DESC LIMIT :limit"));
    query.bind(QStringLiteral(":limit"), limit);
    return query.readAll(tr("Could not read the audit log"), &AuditLogRepository::readRow);
}

// Each column its own placeholder (:s0 … :s4): Qt's drivers do not all accept one name bound twice.
QStringList AuditLogRepository::searchConditions(const QString& search) const
{
    if (search.isEmpty())
        return {};
    const SqlDialect dialect(m_database.backend());
    QStringList columns;
    for (const char* column : {"actor", "action", "entity", "entity_id", "detail"})
        columns << dialect.containsCondition(QLatin1String(column), QStringLiteral(":s%1").arg(columns.size()));
    return {QStringLiteral("(%1)").arg(columns.join(QStringLiteral(" OR ")))};
}

void AuditLogRepository::bindSearch(BoundQuery& query, const QString& search)
{
    if (search.isEmpty())
        return;
    for (int i = 0; i < 5; ++i)
        query.bind(QStringLiteral(":s%1").arg(i), SqlDialect::containsPattern(search));
}

Result<AuditPage> AuditLogRepository::page(const QString& search, qint64 afterId, int limit)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    QStringList conditions = searchConditions(search);
    if (afterId > 0)
        conditions << QStringLiteral("id < :after");
    // By id alone: it grows with every line, so "newest first" needs no second key and the page's end is one id.
    BoundQuery query(db.value(), SelectColumns + where(conditions) + QStringLiteral("ORDER BY id DESC LIMIT :limit"));
    bindSearch(query, search);
    if (afterId > 0)
        query.bind(QStringLiteral(":after"), afterId);
    query.bind(QStringLiteral(":limit"), limit);
    auto rows = query.readAll(tr("Could not read the audit log"), &AuditLogRepository::readRow);
    if (!rows)
        return rows.error();
    return AuditPage::read(std::move(rows).value(), afterId, limit, [](const AuditEntry& row) { return row.id; });
}

Result<qint64> AuditLogRepository::count(const QString& search)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT count(*) FROM audit_log ") + where(searchConditions(search)));
    bindSearch(query, search);
    if (auto done = query.execSingle(tr("Could not count the audit log"), tr("The count returned no row.")); !done)
        return done.error();
    return query.value(0).toLongLong();
}

} // namespace herald
