#include "CopyCatalog.h"

#include "storage/SqlErrors.h"

#include <QHash>
#include <QSqlQuery>

namespace herald {

namespace {

const QString kAuditLog = QStringLiteral("audit_log");

// The columns of `table` in column order; for PostgreSQL also their types and which one has a sequence.
struct ColumnInfo
{
    QStringList names;
    QSet<QString> bytea;
    QString sequenceColumn;
};

Result<ColumnInfo> columnsOf(const QSqlDatabase& db, Backend backend, const QString& table)
{
    QSqlQuery query(db);
    if (backend == Backend::Sqlite) {
        query.prepare(QStringLiteral("SELECT name, '', 0 FROM pragma_table_info(:table) ORDER BY cid"));
    } else {
        // Generated columns are computed by the server and cannot be copied into.
        query.prepare(
            QStringLiteral("SELECT column_name, data_type,"
                           "       (is_identity = 'YES' OR column_default LIKE 'nextval(%') AS has_sequence"
                           " FROM information_schema.columns"
                           " WHERE table_schema = current_schema() AND table_name = :table AND is_generated = 'NEVER'"
                           " ORDER BY ordinal_position"));
    }
    query.bindValue(QStringLiteral(":table"), table);
    if (!query.exec())
        return SqlErrors::toError(query.lastError(),
            QCoreApplication::translate("CopyCatalog", "Could not read the columns of %1").arg(table));
    ColumnInfo info;
    while (query.next()) {
        const QString name = query.value(0).toString();
        info.names.append(name);
        if (query.value(1).toString() == QLatin1String("bytea"))
            info.bytea.insert(name);
        if (query.value(2).toBool())
            info.sequenceColumn = name;
    }
    return info;
}

} // namespace

const QStringList& CopyCatalog::copiedTables()
{
    static const QStringList tables {
        QStringLiteral("nonprofits"),
        QStringLiteral("nonprofit_tags"),
        QStringLiteral("suppressions"),
        QStringLiteral("templates"),
        QStringLiteral("template_versions"),
        QStringLiteral("sender_identities"),
        QStringLiteral("segments"),
        QStringLiteral("campaigns"),
        QStringLiteral("sends"),
        QStringLiteral("campaign_attachments"),
        QStringLiteral("media"),
        QStringLiteral("providers"),
        QStringLiteral("dkim_keys"),
        QStringLiteral("app_settings"),
        QStringLiteral("sample_rows"),
        QStringLiteral("send_metrics"),
        QStringLiteral("send_metrics_5min"),
        QStringLiteral("failure_reasons"),
        QStringLiteral("failure_reasons_5min"),
        QStringLiteral("queue_samples"),
        QStringLiteral("provider_status"),
        QStringLiteral("alerts"),
        QStringLiteral("rate_slowdown"),
        QStringLiteral("rate_schedule"),
        QStringLiteral("feedback_reports"),
        QStringLiteral("campaign_links"),
        QStringLiteral("engagement_events"),
        QStringLiteral("campaign_engagement"),
        QStringLiteral("link_engagement"),
        QStringLiteral("engagement_hourly"),
        QStringLiteral("send_engagement"),
        QStringLiteral("send_link_engagement"),
        QStringLiteral("engagement_spool_segments"),
        kAuditLog,
    };
    return tables;
}

QString CopyCatalog::skipReason(const QString& table)
{
    if (table == QLatin1String("schema_migrations"))
        return tr("Herald migrates the target itself");
    if (table == QLatin1String("campaign_send_counts"))
        return tr("the server counts the copied sends itself (a trigger on sends)");
    if (table == QLatin1String("engagement_roller"))
        return tr("a lease between running workers, made by the target's migration");
    if (table == QLatin1String("nonprofits_search") || table.startsWith(QLatin1String("nonprofits_search_")))
        return tr("SQLite's full-text index of nonprofits; PostgreSQL indexes them itself");
    if (table == QLatin1String("approval_settings") || table == QLatin1String("campaign_approvals"))
        return tr("a team server's own approvals (schema 24): a new server starts with approval off and nothing approved");
    if (table == QLatin1String("team_last_seen"))
        return tr("when this server last saw each login (schema 25); the logins are the server's own");
    if (table.startsWith(QLatin1String("sqlite_")))
        return tr("SQLite's own bookkeeping");
    return {};
}

Result<QStringList> CopyCatalog::tablesOf(const QSqlDatabase& db, Backend backend)
{
    QSqlQuery query(db);
    const bool ran = query.exec(backend == Backend::Sqlite
            ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            : QStringLiteral("SELECT table_name FROM information_schema.tables"
                             " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                             " ORDER BY table_name"));
    if (!ran)
        return SqlErrors::toError(query.lastError(), tr("Could not list the tables"));
    QStringList tables;
    while (query.next())
        tables.append(query.value(0).toString());
    return tables;
}

Result<QList<CopyTable>> CopyCatalog::plan(
    const QSqlDatabase& source, Backend sourceBackend, const QSqlDatabase& target)
{
    auto sourceTables = tablesOf(source, sourceBackend);
    if (!sourceTables)
        return sourceTables.error();
    auto targetTables = tablesOf(target, Backend::Postgres);
    if (!targetTables)
        return targetTables.error();

    QStringList toCopy;
    for (const QString& table : sourceTables.value()) {
        if (!skipReason(table).isEmpty())
            continue;
        if (!copiedTables().contains(table))
            return Error::make(Error::Kind::Schema,
                tr("The database has a table Herald does not know how to move: %1. Nothing was copied; "
                   "this version of Herald cannot move this database.")
                    .arg(table));
        if (!targetTables->contains(table))
            return Error::make(Error::Kind::Schema,
                tr("The server's database has no table %1; open it with this version of Herald first.").arg(table));
        toCopy.append(table);
    }
    auto ordered = inForeignKeyOrder(target, toCopy);
    if (!ordered)
        return ordered.error();

    QList<CopyTable> plan;
    for (const QString& table : ordered.value()) {
        auto from = columnsOf(source, sourceBackend, table);
        if (!from)
            return from.error();
        auto into = columnsOf(target, Backend::Postgres, table);
        if (!into)
            return into.error();
        CopyTable copy { table, {}, {}, into->sequenceColumn };
        for (const QString& column : from->names) {
            if (!into->names.contains(column))
                return Error::make(Error::Kind::Schema,
                    tr("The server's table %1 has no column %2; nothing was copied.").arg(table, column));
            copy.columns.append(column);
            if (into->bytea.contains(column))
                copy.byteaColumns.insert(column);
        }
        plan.append(copy);
    }
    return plan;
}

Result<QStringList> CopyCatalog::inForeignKeyOrder(const QSqlDatabase& target, const QStringList& tables)
{
    QSqlQuery query(target);
    if (!query.exec(QStringLiteral("SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c"
                                   " WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace")))
        return SqlErrors::toError(query.lastError(), tr("Could not read the server's foreign keys"));
    QHash<QString, QSet<QString>> references; // table -> the tables it references
    while (query.next()) {
        const QString table = query.value(0).toString();
        const QString referenced = query.value(1).toString();
        if (table != referenced)
            references[table].insert(referenced);
    }
    // Kahn's algorithm, keeping copiedTables()' order among tables that may go at the same time.
    QStringList pending;
    for (const QString& table : copiedTables())
        if (tables.contains(table) && table != kAuditLog)
            pending.append(table);
    QStringList ordered;
    while (!pending.isEmpty()) {
        bool progressed = false;
        for (qsizetype i = 0; i < pending.size(); ++i) {
            const QSet<QString> needs = references.value(pending.at(i));
            const bool ready = std::all_of(needs.cbegin(), needs.cend(), [&](const QString& referenced) {
                return ordered.contains(referenced) || !pending.contains(referenced);
            });
            if (ready) {
                ordered.append(pending.takeAt(i));
                progressed = true;
                break;
            }
        }
        if (!progressed)
            return Error::make(Error::Kind::Schema,
                tr("The server's foreign keys go round in a circle (%1); Herald cannot order the copy.")
                    .arg(pending.join(QStringLiteral(", "))));
    }
    if (tables.contains(kAuditLog))
        ordered.append(kAuditLog);
    return ordered;
}

} // namespace herald
