#pragma once

#include "storage/ConnectionProfile.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <optional>

namespace herald {

// One synced row, database-neutral: its UUID, version and content, with references to other synced rows given
// by UUID (row ids differ between the server and the local store).
struct SyncRecord
{
    QString uuid;
    int version = 0;
    bool inScope = true; // false: on the server but no longer a draft (a campaign that was queued)
    QVariantList values; // in the order of SyncTable::columns

    QString name() const { return values.isEmpty() ? QString() : values.first().toString(); }
};

// What the engine knows of a row without reading its content.
struct SyncVersion
{
    int version = 0;
    bool inScope = true;
};

// A table that syncs by UUID and version between the server and the local store (templates, sender identities,
// segments, draft campaigns), and the SQL that reads and writes its rows the same way on both backends.
class SyncTable
{
    Q_DECLARE_TR_FUNCTIONS(herald::SyncTable)
public:
    // Audience: campaign audience JSON, whose {"segment": id} names a segment by its row id.
    enum class Kind { Text, Integer, Timestamp, Reference, Audience };
    struct Column
    {
        QString name;
        Kind kind = Kind::Text;
        QString referencedTable; // Reference only
    };

    // The synced tables, referenced ones first (the order rows are pushed in).
    static const QList<SyncTable>& all();
    static const SyncTable* forEntity(const QString& entity);
    static Backend backendOf(const QSqlDatabase& db);
    // The segment UUID a synced audience names ({"segment": "<uuid>"}), or empty.
    static QString audienceSegmentUuid(const QString& audienceJson);

    QString entity; // "template": what the log and conflicts call it
    QString table;
    QList<Column> columns; // the first is the name
    QString scopeCondition; // which rows belong in the local store ("status = 'draft'"); empty: all
    bool namesUnique = false;
    bool keepsHistory = false; // templates: the state an update replaces goes to template_versions

    int columnIndex(const QString& name) const;
    // Same content, versions and timestamps aside (e.g. a push that reached the server before the line dropped).
    bool sameContent(const SyncRecord& a, const SyncRecord& b) const;
    // Every row's version, by UUID.
    Result<QHash<QString, SyncVersion>> versions(const QSqlDatabase& db) const;
    // The row with this UUID; nullopt when there is none.
    Result<std::optional<SyncRecord>> read(const QSqlDatabase& db, const QString& uuid) const;

    // On the server: a new row (version 1 by the schema) or the edit of the row still at `expectedVersion`
    // and in scope; the new version, or nullopt when the row moved on (someone saved first, queued or deleted it).
    Result<int> insertOnServer(const QSqlDatabase& db, const SyncRecord& record) const;
    Result<std::optional<int>> updateOnServer(const QSqlDatabase& db, const SyncRecord& record, int expectedVersion) const;
    // Deletes the row if it is still at `expectedVersion`; false when it moved on.
    Result<bool> removeOnServer(const QSqlDatabase& db, const QString& uuid, int expectedVersion) const;

    // In the local store: writes the row as given (insert or overwrite) and returns the local version it got.
    Result<int> writeLocal(const QSqlDatabase& db, const SyncRecord& record) const;
    Status removeLocal(const QSqlDatabase& db, const QString& uuid) const;
    // Gives a local row another UUID and name (keep both); the new local version.
    Result<int> renameLocal(const QSqlDatabase& db, const QString& uuid, const QString& newUuid,
                            const QString& newName) const;

private:
    QString selectSql() const;
    QString valueExpression(int column) const; // the placeholder, mapped from a UUID for a reference
    void bindValues(class BoundQuery& query, Backend backend, const SyncRecord& record) const;
    // Whether the record's audience names a segment, which takes a second statement to point at its row.
    bool namesSegment(const SyncRecord& record) const;
    Status keepHistory(const QSqlDatabase& db, const QString& uuid, int version) const;
};

} // namespace herald
