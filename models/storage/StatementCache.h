#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace herald {

// Statements kept prepared on this thread's connections, for the statements of sending that run thousands of
// times a minute. Preparing anew for each run cost PostgreSQL a PREPARE, a plan and a DEALLOCATE every time;
// kept, a statement is parsed once and planned once it has run five times. A statement is valid for the
// server session it was prepared in: Database marks each opening of a connection (markOpened), and a
// statement of an earlier session is prepared again.
class StatementCache
{
public:
    struct Taken
    {
        QSqlQuery query;
        quint64 session = 0; // of the connection when prepared; 0: not to be kept
        bool prepared = false; // false: the query's lastError says why
    };
    // The statement `sql` prepared on `db`, the caller's until it gives it back. A second use of the same SQL
    // while the first is out (nested) gets a statement of its own.
    static Taken take(const QSqlDatabase& db, const QString& sql);
    // Keeps the statement for the next use, finished (SQLite would hold its read snapshot otherwise); one
    // that failed is dropped instead (whatever broke it may have broken the prepared statement).
    static void giveBack(const QSqlDatabase& db, const QString& sql, Taken taken, bool failed);
    // Drops this thread's statements of a connection that is about to be removed.
    static void forget(const QString& connectionName);
    // A connection was (re)opened: statements prepared in its earlier sessions are gone.
    static void markOpened(const QSqlDatabase& db);
};

} // namespace herald
