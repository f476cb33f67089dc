#include "LocalStore.h"

#include "storage/BoundQuery.h"
#include "storage/SqlDialect.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace herald {

namespace {
ConnectionProfile storeProfile(const ConnectionProfile& server, const QString& path)
{
    ConnectionProfile profile = ConnectionProfile::embedded(path.isEmpty() ? LocalStore::pathFor(server) : path);
    profile.id = QStringLiteral("offline-") + server.id;
    profile.name = LocalStore::tr("%1 (offline)").arg(server.name);
    return profile;
}

// The journal lives only in the local store, so it is not part of the shared migrations.
const char* const JournalStatements[] = {
    "CREATE TABLE IF NOT EXISTS sync_rows (entity TEXT NOT NULL, uuid TEXT NOT NULL, "
    "server_version INTEGER NOT NULL, local_version INTEGER NOT NULL, PRIMARY KEY (entity, uuid)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS sync_conflicts (id INTEGER PRIMARY KEY, entity TEXT NOT NULL, uuid TEXT NOT NULL, "
    "kind TEXT NOT NULL, name TEXT NOT NULL DEFAULT '', "
    "detected_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), resolved_at TEXT, resolution TEXT)",
    "CREATE UNIQUE INDEX IF NOT EXISTS sync_conflicts_open_key ON sync_conflicts (entity, uuid) "
    "WHERE resolved_at IS NULL",
    "CREATE TABLE IF NOT EXISTS sync_log (id INTEGER PRIMARY KEY, "
    "at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), run_id TEXT NOT NULL DEFAULT '', "
    "action TEXT NOT NULL, entity TEXT NOT NULL DEFAULT '', uuid TEXT NOT NULL DEFAULT '', "
    "name TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE IF NOT EXISTS sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS sync_refused (entity TEXT NOT NULL, uuid TEXT NOT NULL, local_version INTEGER NOT NULL, "
    "PRIMARY KEY (entity, uuid)) WITHOUT ROWID",
};

const QString ConflictColumns = QStringLiteral("SELECT id, entity, uuid, kind, name, detected_at FROM sync_conflicts ");

SyncConflict readConflict(const QSqlQuery& query)
{
    SyncConflict conflict;
    conflict.id = query.value(0).toLongLong();
    conflict.entity = query.value(1).toString();
    conflict.uuid = query.value(2).toString();
    fromString(query.value(3).toString(), &conflict.kind);
    conflict.name = query.value(4).toString();
    conflict.detectedAt = SqlDialect::readTimestamp(query.value(5));
    return conflict;
}
} // namespace

LocalStore::LocalStore(const ConnectionProfile& server, const QString& path)
    : m_server(server)
    , m_database(storeProfile(server, path))
{
}

QString LocalStore::pathFor(const ConnectionProfile& server)
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("offline/%1.sqlite").arg(server.id));
}

bool LocalStore::existsFor(const ConnectionProfile& server) { return QFileInfo::exists(pathFor(server)); }

Status LocalStore::open()
{
    if (auto opened = m_database.open(); !opened)
        return opened;
    return createJournal();
}

Status LocalStore::createJournal()
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    for (const char* statement : JournalStatements) {
        BoundQuery create(db.value(), QString::fromLatin1(statement));
        if (auto done = create.exec(tr("Could not set up the sync journal in %1").arg(m_database.profile().sqlitePath));
            !done)
            return done;
    }
    return {};
}

Result<QHash<QString, SyncedVersions>> LocalStore::syncedRows(const QString& entity)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT uuid, server_version, local_version FROM sync_rows WHERE entity = :entity"));
    query.bind(QStringLiteral(":entity"), entity);
    if (auto done = query.exec(tr("Could not read the sync journal")); !done)
        return done.error();
    QHash<QString, SyncedVersions> rows;
    while (query.next())
        rows.insert(query.value(0).toString(), {query.value(1).toInt(), query.value(2).toInt()});
    return rows;
}

Status LocalStore::recordSynced(const QString& entity, const QString& uuid, SyncedVersions versions)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("INSERT INTO sync_rows (entity, uuid, server_version, local_version) "
                                                "VALUES (:entity, :uuid, :server, :local) ON CONFLICT (entity, uuid) "
                                                "DO UPDATE SET server_version = excluded.server_version, "
                                                "local_version = excluded.local_version"));
    query.bind(QStringLiteral(":entity"), entity)
        .bind(QStringLiteral(":uuid"), uuid)
        .bind(QStringLiteral(":server"), versions.server)
        .bind(QStringLiteral(":local"), versions.local);
    return query.exec(tr("Could not record the sync of %1 %2").arg(entity, uuid));
}

Status LocalStore::forgetSynced(const QString& entity, const QString& uuid)
{
    return forgetRow(QStringLiteral("sync_rows"), entity, uuid);
}

Status LocalStore::forgetRow(const QString& journalTable, const QString& entity, const QString& uuid)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(),
                     QStringLiteral("DELETE FROM %1 WHERE entity = :entity AND uuid = :uuid").arg(journalTable));
    query.bind(QStringLiteral(":entity"), entity).bind(QStringLiteral(":uuid"), uuid);
    return query.exec(tr("Could not update the sync journal for %1 %2").arg(entity, uuid));
}

Result<QHash<QString, int>> LocalStore::refusedRows(const QString& entity)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT uuid, local_version FROM sync_refused WHERE entity = :entity"));
    query.bind(QStringLiteral(":entity"), entity);
    if (auto done = query.exec(tr("Could not read the drafts the server refused")); !done)
        return done.error();
    QHash<QString, int> refused;
    while (query.next())
        refused.insert(query.value(0).toString(), query.value(1).toInt());
    return refused;
}

Status LocalStore::recordRefused(const QString& entity, const QString& uuid, int localVersion)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("INSERT INTO sync_refused (entity, uuid, local_version) "
                                                "VALUES (:entity, :uuid, :local) ON CONFLICT (entity, uuid) "
                                                "DO UPDATE SET local_version = excluded.local_version"));
    query.bind(QStringLiteral(":entity"), entity).bind(QStringLiteral(":uuid"), uuid).bind(QStringLiteral(":local"), localVersion);
    return query.exec(tr("Could not record that the server refused %1 %2").arg(entity, uuid));
}

Status LocalStore::forgetRefused(const QString& entity, const QString& uuid)
{
    return forgetRow(QStringLiteral("sync_refused"), entity, uuid);
}

Result<qint64> LocalStore::recordConflict(const QString& entity, const QString& uuid, ConflictKind kind,
                                          const QString& name)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery insert(db.value(), QStringLiteral("INSERT INTO sync_conflicts (entity, uuid, kind, name) "
                                                 "VALUES (:entity, :uuid, :kind, :name) ON CONFLICT DO NOTHING"));
    insert.bind(QStringLiteral(":entity"), entity)
        .bind(QStringLiteral(":uuid"), uuid)
        .bind(QStringLiteral(":kind"), toString(kind))
        .bind(QStringLiteral(":name"), name);
    if (auto done = insert.exec(tr("Could not record the conflict on %1 '%2'").arg(entity, name)); !done)
        return done.error();
    BoundQuery open(db.value(), QStringLiteral("SELECT id FROM sync_conflicts WHERE entity = :entity AND uuid = :uuid "
                                               "AND resolved_at IS NULL"));
    open.bind(QStringLiteral(":entity"), entity).bind(QStringLiteral(":uuid"), uuid);
    if (auto done = open.execSingle(tr("Could not read the conflict on %1 '%2'").arg(entity, name),
                                    tr("The conflict on %1 '%2' was not recorded.").arg(entity, name));
        !done)
        return done.error();
    return open.value(0).toLongLong();
}

Result<QList<SyncConflict>> LocalStore::openConflicts()
{
    return BoundQuery::selectAll(m_database, ConflictColumns + QStringLiteral("WHERE resolved_at IS NULL ORDER BY id"),
                                 tr("Could not read the sync conflicts"), &readConflict);
}

Result<SyncConflict> LocalStore::conflict(qint64 id)
{
    return BoundQuery::selectOne(m_database, ConflictColumns + QStringLiteral("WHERE id = :key"), id,
                                 tr("Could not read sync conflict #%1").arg(id),
                                 tr("There is no sync conflict #%1.").arg(id), &readConflict);
}

Result<QSet<QString>> LocalStore::openConflictUuids(const QString& entity)
{
    auto conflicts = openConflicts();
    if (!conflicts)
        return conflicts.error();
    QSet<QString> uuids;
    for (const SyncConflict& conflict : conflicts.value()) {
        if (conflict.entity == entity)
            uuids.insert(conflict.uuid);
    }
    return uuids;
}

Status LocalStore::markResolved(qint64 conflictId, Resolution resolution)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("UPDATE sync_conflicts SET resolved_at = %1, resolution = :resolution "
                                                "WHERE id = :id")
                                     .arg(SqlDialect(Backend::Sqlite).now()));
    query.bind(QStringLiteral(":resolution"), toString(resolution)).bind(QStringLiteral(":id"), conflictId);
    return query.exec(tr("Could not mark sync conflict #%1 resolved").arg(conflictId));
}

Status LocalStore::log(const SyncLogEntry& entry)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("INSERT INTO sync_log (run_id, action, entity, uuid, name, detail) "
                                                "VALUES (:run, :action, :entity, :uuid, :name, :detail)"));
    query.bind(QStringLiteral(":run"), entry.runId)
        .bind(QStringLiteral(":action"), entry.action)
        .bind(QStringLiteral(":entity"), entry.entity)
        .bind(QStringLiteral(":uuid"), entry.uuid)
        .bind(QStringLiteral(":name"), entry.name)
        .bind(QStringLiteral(":detail"), entry.detail);
    return query.exec(tr("Could not write the sync log"));
}

Result<QList<SyncLogEntry>> LocalStore::logEntries(int limit)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT at, run_id, action, entity, uuid, name, detail FROM sync_log "
                                                "ORDER BY id DESC LIMIT :limit"));
    query.bind(QStringLiteral(":limit"), limit);
    return query.readAll(tr("Could not read the sync log"), [](const QSqlQuery& row) {
        return SyncLogEntry{SqlDialect::readTimestamp(row.value(0)), row.value(1).toString(), row.value(2).toString(),
                            row.value(3).toString(), row.value(4).toString(), row.value(5).toString(),
                            row.value(6).toString()};
    });
}

QDateTime LocalStore::lastSyncAt()
{
    auto db = m_database.checkedConnection();
    if (!db)
        return {};
    BoundQuery query(db.value(), QStringLiteral("SELECT value FROM sync_meta WHERE key = 'last_sync_at'"));
    if (!query.exec(QString()) || !query.next())
        return {};
    return SqlDialect::readTimestamp(query.value(0));
}

Status LocalStore::setLastSyncAt(const QDateTime& at)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("INSERT INTO sync_meta (key, value) VALUES ('last_sync_at', :at) "
                                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.bind(QStringLiteral(":at"), SqlDialect(Backend::Sqlite).timestamp(at));
    return query.exec(tr("Could not record the time of the sync"));
}

} // namespace herald
