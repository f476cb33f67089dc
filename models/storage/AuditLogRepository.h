#pragma once

#include "Database.h"
#include "domain/AuditEntry.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

class QSqlQuery;

namespace herald {

// SQL for the audit log: lines are added and read, never changed.
class AuditLogRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::AuditLogRepository)
public:
    explicit AuditLogRepository(Database& database);

    // Adds a line and returns it as stored. On PostgreSQL the database writes the actor itself (the login, session_user),
    // whatever `actor` says (schema 23); on SQLite, one person's own database, `actor` is kept.
    Result<AuditEntry> record(const QString& actor, const QString& action, const QString& entity,
                              const QString& entityId, const QString& detail = {});
    // What happened to one entity, newest first.
    Result<QList<AuditEntry>> listFor(const QString& entity, const QString& entityId);
    // The newest line of `action` on each `entity`, keyed by entity id.
    Result<QHash<QString, AuditEntry>> latestFor(const QString& entity, const QString& action);
    // The latest `limit` lines of the whole log, newest first.
    Result<QList<AuditEntry>> recent(int limit);

private:
    static AuditEntry readRow(const QSqlQuery& query);

    Database& m_database;
};

} // namespace herald
