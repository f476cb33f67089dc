#pragma once

#include "SqlDialect.h"

#include <QJsonArray>
#include <QList>
#include <QString>

#include <initializer_list>

namespace herald {

// A batch of rows bound as one JSON parameter and read as a table, so one statement handles a whole batch on
// both backends (jsonb_to_recordset on PostgreSQL, json_each on SQLite).
class JsonRows
{
public:
    struct Column
    {
        const char* name;
        const char* postgresType;
    };

    // A FROM item `r` whose columns are read from the JSON array of objects bound to `placeholder`.
    static QString source(const SqlDialect& dialect, std::initializer_list<Column> columns,
        const QString& placeholder = QStringLiteral(":rows"));
    static QString source(const SqlDialect& dialect, const QList<Column>& columns,
        const QString& placeholder = QStringLiteral(":rows"));
    // A FROM item `v(value)` over the elements of the JSON array of strings bound to `placeholder`.
    static QString values(const SqlDialect& dialect, const QString& placeholder);
    // A condition that `column` (a bigint key) is one of the numbers of the JSON array bound to `placeholder`,
    // written so that the key's index is used: joined with source() alone, the planner may instead walk an
    // index on another condition (sends by status: thousands of leased rows, each matched against the batch).
    static QString keyIn(const SqlDialect& dialect, const QString& column, const QString& placeholder);
    // The array as compact JSON text, to bind.
    static QString text(const QJsonArray& array);
};

} // namespace herald
