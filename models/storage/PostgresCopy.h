#pragma once

#include "domain/Error.h"

#include <QCoreApplication>
#include <QByteArray>
#include <QSqlDatabase>
#include <QStringList>

namespace herald {

// Bulk-loads rows into a PostgreSQL table with COPY … FROM STDIN over the Qt driver's own libpq connection
// (QSqlDriver::handle()), inside whatever transaction that connection has open. Rows are buffered in COPY's
// text format and sent when the copy is finished.
class PostgresCopy
{
    Q_DECLARE_TR_FUNCTIONS(herald::PostgresCopy)
public:
    // `table` and `columns` are identifiers from code, never from input.
    PostgresCopy(QString table, QStringList columns);

    // One row: a value per column; a null QString is SQL NULL.
    void addRow(const QStringList& values);
    // Rows already in COPY's text format (appendText between tabs, a newline after each).
    void addFormattedRows(const QByteArray& rows, qsizetype count);
    qsizetype rowCount() const { return m_rows; }
    // Sends the buffered rows and clears the buffer.
    Status send(const QSqlDatabase& db);

    // One value in COPY's text format: backslash escapes for the characters it uses, \N for a null QString.
    static void appendText(QByteArray& out, const QString& value);
    // The value appendText wrote (a null QString for \N).
    static QString readText(QByteArrayView field);

private:
    QString m_table;
    QStringList m_columns;
    QByteArray m_buffer;
    qsizetype m_rows = 0;
};

} // namespace herald
