#pragma once

#include "Database.h"
#include "domain/AuditEntry.h"
#include "domain/Error.h"
#include "storage/KeysetPage.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

class QSqlQuery;

namespace herald {

class BoundQuery;

// A page of the whole log, newest first; the cursor is the id of the last line held (0: start at the newest).
using AuditPage = KeysetPage<AuditEntry, qint64>;

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
    // The audit view: the lines whose actor, action, entity, entity id or details contain `search` (ignoring case;
    // every line when empty), newest first, `limit` after the line `afterId` (0: from the newest).
    Result<AuditPage> page(const QString& search, qint64 afterId, int limit);
    Result<qint64> count(const QString& search);

private:
    static AuditEntry readRow(const QSqlQuery& query);
    QStringList searchConditions(const QString& search) const;
    static void bindSearch(BoundQuery& query, const QString& search);

    Database& m_database;
};

} // namespace herald
