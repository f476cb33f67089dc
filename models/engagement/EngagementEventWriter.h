#pragma once

#include "EngagementRecord.h"
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

private:
    Status copyToPostgres(const QSqlDatabase& db, const QList<EngagementRecord>& events);
    Status insertIntoSqlite(const QSqlDatabase& db, const QList<EngagementRecord>& events);

    Database& m_database;
};

} // namespace herald
