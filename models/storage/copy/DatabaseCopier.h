#pragma once

#include "CopyCatalog.h"
#include "domain/Error.h"
#include "importexport/JobControl.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <functional>

namespace herald {

class Database;

// Moves everything a desk holds into an empty PostgreSQL database that Herald has migrated: each table in one
// transaction (COPY FROM STDIN), ids kept and the sequences set past them, counts compared on both sides at the end,
// the move recorded in the server's audit log and the mover made its first admin. The source is read in one
// snapshot, so a desk that keeps working meanwhile still copies a consistent whole.
//
// Cancelled or failed midway, the tables copied so far are emptied again: the target is left empty, ready for
// another try, and the error says so (or, if emptying failed too, exactly which tables keep rows).
class DatabaseCopier
{
    Q_DECLARE_TR_FUNCTIONS(herald::DatabaseCopier)
public:
    struct TableCount
    {
        QString table;
        qint64 source = 0;
        qint64 target = 0;
    };
    struct Outcome
    {
        QList<TableCount> tables;
        qint64 rows = 0;
        qint64 milliseconds = 0;
        QString adminSentence; // what became of the mover's admin role
        // "Copied N rows in M tables in S s (R rows/s). Counts match on both sides."
        QString headline() const;
        // The headline, then table by table: "nonprofits 5 = 5, …"
        QString summary() const;
        qint64 rowsPerSecond() const { return milliseconds > 0 ? rows * 1000 / milliseconds : rows; }
    };

    DatabaseCopier(Database& source, Database& target);

    // Called on the copying thread: the tables in copy order once planned, then each table's progress.
    std::function<void(const QStringList& tables)> planned;
    std::function<void(int table, qint64 done, qint64 total)> tableProgress;

    // Runs the move on the calling thread (each Database hands this thread its own connection). `control` gets the
    // overall progress and is asked between batches whether to stop.
    Result<Outcome> run(const JobControl& control);

    // Rows sent to the server per COPY statement (between two cancel checks).
    static constexpr int kBatchRows = 5000;

private:
    Status checkTarget(const QSqlDatabase& target, const QList<CopyTable>& plan) const;
    Result<qint64> count(const QSqlDatabase& db, const QString& table) const;
    Status copyTable(const QSqlDatabase& source, const QSqlDatabase& target, int index, const CopyTable& table,
        qint64 total, const JobControl& control);
    Status setSequences(const QSqlDatabase& target, const QList<CopyTable>& plan) const;
    // Empties the tables copied so far after a cancel or a failure; `why` opens the message returned.
    Error undo(const QSqlDatabase& target, const Error& why) const;

    Database& m_source;
    Database& m_target;
    QList<TableCount> m_counts;
    QStringList m_committed;
    qint64 m_done = 0;
    qint64 m_total = 0;
};

} // namespace herald
