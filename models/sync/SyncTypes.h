#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace herald {

// Why a row could not sync by itself: both sides changed it since the last sync, or one side deleted it.
enum class ConflictKind { EditedOnBoth, DeletedOnServer, DeletedLocally };
// What the user chose for a conflict. KeepBoth: the local row becomes a new draft with a new UUID.
enum class Resolution { KeepMine, KeepServer, KeepBoth };

QString toString(ConflictKind kind);
bool fromString(const QString& text, ConflictKind* kind);
QString toString(Resolution resolution);
bool fromString(const QString& text, Resolution* resolution);

// A conflict recorded by a sync and waiting for the user (sync_conflicts).
struct SyncConflict
{
    qint64 id = 0;
    QString entity; // "template", "campaign", …
    QString uuid;
    ConflictKind kind = ConflictKind::EditedOnBoth;
    QString name;
    QDateTime detectedAt;
};

// One line of the sync log: what went up, what came down, conflicts and how they were resolved.
struct SyncLogEntry
{
    QDateTime at;
    QString runId;
    QString action; // pushed, pulled, deleted_on_server, deleted_locally, conflict, resolved, renamed, failed, refused
    QString entity;
    QString uuid;
    QString name;
    QString detail;
};

// Where a sync is: shown as progress, and the hook tests use to stop the server midway.
struct SyncProgress
{
    QString stage; // the table being synced
    int done = 0;  // rows looked at in this stage
    int total = 0;
    int pushed = 0; // so far in the whole run
    int pulled = 0;
};

// What one sync did.
struct SyncSummary
{
    int pushed = 0;
    int pulled = 0;
    int newConflicts = 0;
    int openConflicts = 0; // unresolved after this run, old ones included
    int cachedNonprofits = 0;
    QStringList failures; // rows that could not sync, each naming the row and why
    QStringList refused;  // drafts the server newly refused to this login's role: kept here, not pushed again
    int stillRefused = 0; // drafts refused before and unchanged since, left alone this time
};

} // namespace herald
