#pragma once

#include "SyncTypes.h"
#include "domain/Error.h"
#include "storage/ConnectionProfile.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>

namespace herald {

// The versions of a row at its last sync: the server's and the local store's. A row changed on a side since
// when that side's version differs from the one kept here.
struct SyncedVersions
{
    int server = 0;
    int local = 0;
};

// The offline store of one PostgreSQL profile: an SQLite database under AppDataLocation with the same schema
// (so the same repositories and pages work on it) holding drafts and read copies, plus the sync journal:
// the versions of each row at its last sync, the conflicts waiting for the user, and the sync log.
class LocalStore
{
    Q_DECLARE_TR_FUNCTIONS(herald::LocalStore)
public:
    // `path` empty: <AppDataLocation>/offline/<profile id>.sqlite.
    explicit LocalStore(const ConnectionProfile& server, const QString& path = {});

    static QString pathFor(const ConnectionProfile& server);
    // Whether this profile was ever synced on this computer (there is something to work offline with).
    static bool existsFor(const ConnectionProfile& server);

    // Opens (creating) the store and brings its schema and journal up to date.
    Status open();
    Database& database() { return m_database; }
    const ConnectionProfile& serverProfile() const { return m_server; }

    Result<QHash<QString, SyncedVersions>> syncedRows(const QString& entity);
    Status recordSynced(const QString& entity, const QString& uuid, SyncedVersions versions);
    Status forgetSynced(const QString& entity, const QString& uuid);

    // Drafts the server refused to the login (its role may not write them): uuid → the local version refused. Such a
    // draft stays here and is not pushed again until it is changed here (a new version) or the refusal forgotten.
    Result<QHash<QString, int>> refusedRows(const QString& entity);
    Status recordRefused(const QString& entity, const QString& uuid, int localVersion);
    Status forgetRefused(const QString& entity, const QString& uuid);

    // Records a conflict unless one is already open for the row; the open conflict's id.
    Result<qint64> recordConflict(const QString& entity, const QString& uuid, ConflictKind kind, const QString& name);
    Result<QList<SyncConflict>> openConflicts();
    Result<SyncConflict> conflict(qint64 id);
    Result<QSet<QString>> openConflictUuids(const QString& entity);
    Status markResolved(qint64 conflictId, Resolution resolution);

    Status log(const SyncLogEntry& entry);
    // The newest entries first.
    Result<QList<SyncLogEntry>> logEntries(int limit = 1000);

    QDateTime lastSyncAt();
    Status setLastSyncAt(const QDateTime& at);

private:
    Status createJournal();
    // Deletes the row of one of the journal's own tables (`journalTable`, a name of ours) for entity and uuid.
    Status forgetRow(const QString& journalTable, const QString& entity, const QString& uuid);

    ConnectionProfile m_server;
    Database m_database;
};

} // namespace herald
