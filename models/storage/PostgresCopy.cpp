#include "PostgresCopy.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>

namespace herald {

namespace {
QString serverError(PGconn* connection)
{
    return QString::fromUtf8(PQerrorMessage(connection)).trimmed();
}
} // namespace

PostgresCopy::PostgresCopy(QString table, QStringList columns)
    : m_table(std::move(table))
    , m_columns(std::move(columns))
{
}

void PostgresCopy::appendText(QByteArray& out, const QString& value)
{
    if (value.isNull()) {
        out.append("\\N");
        return;
    }
    const auto escape = [&out](char c) {
        switch (c) {
        case '\\':
            out.append("\\\\");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        default:
            out.append(c);
        }
    };
    // Most values are ASCII (keys, numbers, networks): no UTF-8 conversion for those.
    for (const QChar c : value) {
        if (c.unicode() >= 0x80) {
            for (const char byte : value.toUtf8())
                escape(byte);
            return;
        }
    }
    for (const QChar c : value)
        escape(char(c.unicode()));
}

QString PostgresCopy::readText(QByteArrayView field)
{
    if (field == "\\N")
        return {};
    if (!field.contains('\\'))
        return QString::fromUtf8(field);
    QByteArray bytes;
    bytes.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        char c = field.at(i);
        if (c == '\\' && i + 1 < field.size()) {
            const char next = field.at(++i);
            c = next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next;
        }
        bytes.append(c);
    }
    return QString::fromUtf8(bytes);
}

void PostgresCopy::addFormattedRows(const QByteArray& rows, qsizetype count)
{
    m_buffer.append(rows);
    m_rows += count;
}

void PostgresCopy::addRow(const QStringList& values)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            m_buffer.append('\t');
        appendText(m_buffer, values.at(i));
    }
    m_buffer.append('\n');
    ++m_rows;
}

Status PostgresCopy::send(const QSqlDatabase& db)
{
    // Qt names the handle's type after libpq's struct (pg_conn*); older releases spelled the typedef.
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    const char* type = handle.typeName();
    if (!handle.isValid() || (qstrcmp(type, "pg_conn*") != 0 && qstrcmp(type, "PGconn*") != 0))
        return Error::make(Error::Kind::Database, tr("Bulk loading needs a PostgreSQL connection."));
    PGconn* connection = *static_cast<PGconn* const*>(handle.constData());
    const QString what = tr("Could not load %n row(s) into %1", nullptr, int(m_rows)).arg(m_table);

    const QByteArray sql
        = QStringLiteral("COPY %1 (%2) FROM STDIN").arg(m_table, m_columns.join(QStringLiteral(", "))).toUtf8();
    PGresult* started = PQexec(connection, sql.constData());
    const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
    PQclear(started);
    if (!copying)
        return Error::make(Error::Kind::Database, tr("%1: %2").arg(what, serverError(connection)));

    const bool sent = PQputCopyData(connection, m_buffer.constData(), int(m_buffer.size())) == 1;
    const bool ended = PQputCopyEnd(connection, sent ? nullptr : "client failed to send the rows") == 1;
    bool ok = sent && ended;
    QString error = ok ? QString() : serverError(connection);
    // Read every result, so the connection is free for the driver's next statement.
    while (PGresult* result = PQgetResult(connection)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK) {
            ok = false;
            if (error.isEmpty())
                error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        }
        PQclear(result);
    }
    m_buffer.resize(0);
    m_rows = 0;
    if (!ok) {
        const bool lost = PQstatus(connection) != CONNECTION_OK;
        return Error::make(lost ? Error::Kind::Connection : Error::Kind::Database, tr("%1: %2").arg(what, error));
    }
    return {};
}

} // namespace herald
