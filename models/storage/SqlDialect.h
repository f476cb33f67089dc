#pragma once

#include "ConnectionProfile.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

namespace herald {

// The few places where PostgreSQL and SQLite spell SQL differently, so repositories keep one statement each.
class SqlDialect
{
public:
    explicit SqlDialect(Backend backend) : m_backend(backend) {}

    Backend backend() const { return m_backend; }
    bool isPostgres() const { return m_backend == Backend::Postgres; }

    // The current time as the database stores it.
    QString now() const;
    // A time to bind: a timestamptz on PostgreSQL, ISO-8601 UTC text (which sorts in time order) on SQLite.
    QVariant timestamp(const QDateTime& time) const;
    static QDateTime readTimestamp(const QVariant& value);
    // A stored time as epoch milliseconds (bigint), computed by the database: reading thousands of times as QDateTime
    // costs the client a time-zone lookup each.
    QString epochMilliseconds(const QString& column) const;

    // "<column> contains the bound text, ignoring case"; bind containsPattern(text).
    QString containsCondition(const QString& column, const QString& placeholder) const;
    static QString containsPattern(const QString& text);
    // "<column> contains the bound text" exactly, case and all, with no pattern to escape: for columns stored in
    // lower case (addresses), where it is several times quicker than ILIKE on PostgreSQL.
    QString containsText(const QString& column, const QString& placeholder) const;

    // Comma-joined values of an expression in a group, ordered.
    QString joinedAggregate(const QString& expression) const;
    // The comma-joined tags of the nonprofit whose id is `idExpression`, in code point order (as QStringList::sort
    // leaves them), NULL when it has none.
    QString sortedTagList(const QString& idExpression) const;
    // The comparison that is true when two values (or rows) differ, NULLs counting as equal to each other.
    QString distinctFrom() const;

private:
    Backend m_backend;
};

} // namespace herald
