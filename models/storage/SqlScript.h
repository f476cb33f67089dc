#pragma once

#include <QString>
#include <QStringList>

namespace herald {

// Splits a migration file into statements, because QSQLITE runs only the first statement of a string.
// Understands quotes, comments, PostgreSQL dollar quoting and SQLite trigger bodies (BEGIN … END;).
class SqlScript
{
public:
    static QStringList split(const QString& script);
};

} // namespace herald
