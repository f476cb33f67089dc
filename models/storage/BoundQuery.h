#pragma once

#include "Database.h"
#include "StatementCache.h"
#include "domain/Error.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <type_traits>

namespace herald {

// One prepared statement with its bound values, failing as an Error that says what was being done.
// Repositories use it so that no SQL is ever built from values.
class BoundQuery
{
public:
    enum class Lifetime {
        OneRun,       // prepared for this run only
        KeptPrepared, // kept prepared on this thread's connection for the next run (StatementCache): for the
                      // statements that run thousands of times, never for SQL built with varying text
    };
    BoundQuery(const QSqlDatabase& db, const QString& sql, Lifetime lifetime = Lifetime::OneRun);
    ~BoundQuery();
    BoundQuery(const BoundQuery&) = delete;
    BoundQuery& operator=(const BoundQuery&) = delete;

    BoundQuery& bind(const QString& placeholder, const QVariant& value);
    // SQL NULL for a nullable text column (bind() stores a null QString as empty text).
    static QVariant nullText() { return QVariant(QMetaType(QMetaType::QString)); }
    static QVariant nullIfEmpty(const QString& text) { return text.isEmpty() ? nullText() : QVariant(text); }
    // Runs it; on failure the error reads "<what>: <server text>".
    Status exec(const QString& what);
    // Runs it and moves to the first row; NotFound when there is none.
    Status execSingle(const QString& what, const QString& notFoundMessage);
    // Runs it and turns every row into a value with readRow(const QSqlQuery&).
    template<typename ReadRow>
    auto readAll(const QString& what, ReadRow readRow) -> Result<QList<std::invoke_result_t<ReadRow, const QSqlQuery&>>>
    {
        if (auto ran = exec(what); !ran)
            return ran.error();
        QList<std::invoke_result_t<ReadRow, const QSqlQuery&>> rows;
        while (m_query.next())
            rows.append(readRow(m_query));
        return rows;
    }

    // On this thread's connection: the one row `sql` selects with its placeholder :key bound to `key`, read with
    // readRow(const QSqlQuery&); NotFound with `notFoundMessage` when there is none.
    template<typename ReadRow>
    static auto selectOne(Database& database, const QString& sql, const QVariant& key, const QString& what,
                          const QString& notFoundMessage, ReadRow readRow)
        -> Result<std::invoke_result_t<ReadRow, const QSqlQuery&>>
    {
        auto db = database.checkedConnection();
        if (!db)
            return db.error();
        BoundQuery query(db.value(), sql);
        query.bind(QStringLiteral(":key"), key);
        if (auto found = query.execSingle(what, notFoundMessage); !found)
            return found.error();
        return readRow(query.m_query);
    }

    // On this thread's connection: every row `sql` (without placeholders) selects, read with readRow.
    template<typename ReadRow>
    static auto selectAll(Database& database, const QString& sql, const QString& what, ReadRow readRow)
        -> Result<QList<std::invoke_result_t<ReadRow, const QSqlQuery&>>>
    {
        auto db = database.checkedConnection();
        if (!db)
            return db.error();
        return BoundQuery(db.value(), sql).readAll(what, readRow);
    }

    QSqlQuery& query() { return m_query; }
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    QVariant value(const QString& column) const { return m_query.value(column); }
    int numRowsAffected() const { return m_query.numRowsAffected(); }
    // Ends a statement whose rows were read (SQLite will not commit while a RETURNING statement is open).
    void finish() { m_query.finish(); }

private:
    StatementCache::Taken m_statement;
    QSqlQuery& m_query = m_statement.query;
    QSqlDatabase m_keptOn; // valid for a kept statement
    QString m_keptSql;
    bool m_failed = false;
};

} // namespace herald
