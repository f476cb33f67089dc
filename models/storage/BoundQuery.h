#pragma once

#include "domain/Error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace herald {

// One prepared statement with its bound values, failing as an Error that says what was being done.
// Repositories use it so that no SQL is ever built from values.
class BoundQuery
{
public:
    BoundQuery(const QSqlDatabase& db, const QString& sql);

    BoundQuery& bind(const QString& placeholder, const QVariant& value);
    // Runs it; on failure the error reads "<what>: <server text>".
    Status exec(const QString& what);
    // Runs it and moves to the first row; NotFound when there is none.
    Status execSingle(const QString& what, const QString& notFoundMessage);

    QSqlQuery& query() { return m_query; }
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    QVariant value(const QString& column) const { return m_query.value(column); }
    int numRowsAffected() const { return m_query.numRowsAffected(); }
    // Ends a statement whose rows were read (SQLite will not commit while a RETURNING statement is open).
    void finish() { m_query.finish(); }

private:
    QSqlQuery m_query;
    bool m_prepared = false;
    QString m_prepareError;
};

} // namespace herald
