#pragma once

#include "domain/Error.h"
#include "storage/ConnectionProfile.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlDatabase>
#include <QStringList>

namespace herald {

// One table as a move copies it: the columns both sides have, which of them PostgreSQL stores as bytea, and the
// column whose sequence must be set past the copied ids (empty when the table has none).
struct CopyTable
{
    QString name;
    QStringList columns;
    QSet<QString> byteaColumns;
    QString sequenceColumn;
};

// What moving a database copies. Every table Herald's schema has is named here, either copied or left out for a
// stated reason; a table the source has that this list does not know refuses the move (naming it), so a later
// migration cannot add a table that a move silently leaves behind. The order comes from the target's foreign keys
// (a table after the tables it references), and the audit log goes last: nobody may empty it again (schema 23), so a
// cancelled move never leaves lines there.
class CopyCatalog
{
    Q_DECLARE_TR_FUNCTIONS(herald::CopyCatalog)
public:
    // The tables a move copies, and why the others are left out (empty when the table is copied or unknown).
    static const QStringList& copiedTables();
    static QString skipReason(const QString& table);

    // The tables to copy from `source` into `target` (PostgreSQL), in copy order; an error naming any table or
    // column the move does not know how to copy.
    static Result<QList<CopyTable>> plan(const QSqlDatabase& source, Backend sourceBackend, const QSqlDatabase& target);

    // The base tables of a database, by name.
    static Result<QStringList> tablesOf(const QSqlDatabase& db, Backend backend);

private:
    static Result<QStringList> inForeignKeyOrder(const QSqlDatabase& target, const QStringList& tables);
};

} // namespace herald
