#pragma once

#include "LocalStore.h"
#include "SyncTable.h"
#include "SyncTypes.h"
#include "domain/Error.h"

#include <QCoreApplication>

#include <functional>
#include <optional>

namespace herald {

class Database;

// Syncs the offline store of a profile with its server, by UUID with version checks: pushes rows created, edited
// or deleted locally, pulls rows created, edited or deleted on the server, and records a conflict (never
// overwriting) for a row changed on both sides since the last sync, or deleted on one and changed on the other.
// Every server write is its own transaction checked against the version last seen, and the journal is updated
// only after it committed; a push whose reply was lost is recognised next time by its content. So a sync that
// fails or is stopped midway leaves both sides consistent and completes on the next run.
class SyncEngine
{
    Q_DECLARE_TR_FUNCTIONS(herald::SyncEngine)
public:
    // Called after each row; return false to stop the sync there.
    using ProgressCallback = std::function<bool(const SyncProgress&)>;

    // Both sides of a conflicting row as they are now; nullopt for a side where it is deleted.
    struct ConflictSides
    {
        SyncConflict conflict;
        const SyncTable* table = nullptr;
        std::optional<SyncRecord> mine;
        std::optional<SyncRecord> server;
        QHash<QString, QString> referenceNames; // UUID of a referenced row (template, segment, identity) → its name
    };

    SyncEngine(Database& server, LocalStore& local);

    // How many nonprofits to keep for previews and audience estimates (those of the segments first).
    void setNonprofitLimit(int limit) { m_nonprofitLimit = limit; }

    Result<SyncSummary> run(const ProgressCallback& progress = {});

    Result<ConflictSides> sides(qint64 conflictId);
    // Applies the user's choice to both sides and closes the conflict. KeepBoth gives the local row a new UUID
    // and name; it is pushed as a new draft by the next run.
    Status resolve(qint64 conflictId, Resolution resolution);

private:
    struct Run;
    struct Connections
    {
        QSqlDatabase server;
        QSqlDatabase local;
    };
    // This thread's connections to both sides.
    Result<Connections> connections();
    enum class Action { None, PushInsert, PushUpdate, PushDelete, PullWrite, PullDelete, CompareBoth, Conflict };

    Status syncTable(Run& run, const SyncTable& table, bool deletionsOnly);
    Status apply(Run& run, const SyncTable& table, const QString& uuid, Action action, ConflictKind conflictKind,
                 const std::optional<SyncVersion>& serverVersion, const std::optional<SyncedVersions>& synced);
    Status pushInsert(Run& run, const SyncTable& table, SyncRecord mine);
    // Writes the server's row here and records it synced: in a transaction of its own, or in the caller's.
    Status pullWrite(const SyncTable& table, const SyncRecord& server);
    Status storePulled(const SyncTable& table, const SyncRecord& server);
    Status pullDelete(const SyncTable& table, const QString& uuid);
    // Keeps a draft the server refused to the login's role and says so in the log.
    Status pushRefused(Run& run, const SyncTable& table, const QString& uuid, int localVersion, const Error& error);
    Status conflictFound(Run& run, const SyncTable& table, const QString& uuid, ConflictKind kind, const QString& name);
    // A name no row of the table has on either side: "<name> (<suffix>)", then "(<suffix> 2)", …
    Result<QString> freeName(const SyncTable& table, const QString& name, const QString& suffix);
    // Whether a failure means the server went away (stop the run) rather than one row being refused.
    bool serverLost(const Error& error);
    void log(const QString& runId, const QString& action, const SyncTable& table, const QString& uuid,
             const QString& name, const QString& detail = {});

    Database& m_server;
    LocalStore& m_local;
    int m_nonprofitLimit = 2000;
};

} // namespace herald
