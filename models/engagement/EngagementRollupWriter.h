#pragma once

#include "domain/Error.h"
#include "engagement/EngagementTally.h"
#include "engagement/StoredEngagementEvent.h"
#include "storage/JsonRows.h"
#include "storage/SqlDialect.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QSqlDatabase>

namespace herald {

// What one roll-up pass writes, on the caller's connection inside its transaction: the verdicts the late rules
// changed, the batch's figures added to every roll-up table (one upsert per table), and the batch marked rolled up.
class EngagementRollupWriter
{
    Q_DECLARE_TR_FUNCTIONS(herald::EngagementRollupWriter)
public:
    EngagementRollupWriter(const QSqlDatabase& db, const SqlDialect& dialect) : m_db(db), m_dialect(dialect) {}

    Status add(const EngagementTally& tally);
    // Marks the batch rolled up, with the verdicts of the events the roll-up made a machine's (one update of each
    // row); returns how many were not rolled up already. The fence: fewer than the batch means another process
    // counted some of them, and the caller must roll back.
    Result<int> markRolledUp(const QList<StoredEngagementEvent>& batch);

private:
    struct Column
    {
        enum class Merge {
            Key,        // the conflict target
            Add,        // stored + new
            Earliest,   // the earlier of stored and new, NULL counting as later than any time
            InsertOnly, // set when the row is made
        };
        JsonRows::Column source;
        Merge merge;
    };
    // INSERT … ON CONFLICT DO UPDATE of every row of `rows` (JSON objects named by `columns`) into `table`.
    Status upsert(const QString& table, const QList<Column>& columns, const QJsonArray& rows, const QString& what);

    QSqlDatabase m_db;
    SqlDialect m_dialect;
};

} // namespace herald
