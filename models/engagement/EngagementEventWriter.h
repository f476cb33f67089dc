#pragma once

#include "EngagementRecord.h"
#include "EngagementSpoolFormat.h"
#include "domain/Error.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QList>

namespace herald {

// Writes a batch of events to engagement_events in one transaction on the calling thread's connection: COPY on
// PostgreSQL (one round trip for the batch), one multi-row INSERT per few hundred rows on SQLite. Either every event
// of the batch is stored or none is, so the caller keeps the batch to try again after an error.
class EngagementEventWriter
{
    Q_DECLARE_TR_FUNCTIONS(herald::EngagementEventWriter)
public:
    explicit EngagementEventWriter(Database& database) : m_database(database) {}

    Status write(const QList<EngagementRecord>& events);

    // A segment of herald serve's spool (EngagementSpool), exactly once: the transaction that writes its events also
    // records (instance, segment) in engagement_spool_segments, and writes nothing when that row is there already
    // (false: a crash came between the commit and the deletion of the file). It forgets the instance's earlier
    // segments, whose files the caller has deleted.
    Result<bool> writeSegment(const EngagementSpoolFormat::Lines& lines, const QString& instance, qint64 segment);
    // When no file of `instance` is left.
    Status forgetSegments(const QString& instance);
    // What a killed process left in engagement_spool_segments, after `ageMs`.
    Status pruneSegments(qint64 nowMs, qint64 ageMs);

private:
    Status writeRows(const QSqlDatabase& db, const QByteArray& rows, qsizetype count);
    Status insertIntoSqlite(const QSqlDatabase& db, const QList<EngagementRecord>& events);

    Database& m_database;
};

} // namespace herald
