#pragma once

#include "storage/ConnectionProfile.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace herald {
class Database;
}

namespace herald::test {

// A desk's embedded database as someone who has used Herald for a while has it: nonprofits with tags, suppressions,
// templates with versions, identities, segments, campaigns with their sends, metrics and engagement, attachments,
// media, providers, a DKIM key, settings and an audit log; text with tabs, newlines, backslashes and accents, and
// binary columns. Plus a fingerprint of a table's rows that reads the same on SQLite and PostgreSQL.
class DeskDatabase
{
public:
    // Fills a migrated, empty SQLite database: about 2.5 × `nonprofits` rows in all (40,000 gives ~100,000).
    // An empty string when all went well, else what failed.
    static QString fill(const QSqlDatabase& db, int nonprofits);

    // SHA-256 of the table's rows, each value in a backend-neutral form (timestamps as UTC ISO with milliseconds,
    // booleans as 0/1, bytes as hex), the rows sorted. `except`: columns left out (audit_log's actor, which the server
    // sets itself).
    static QString fingerprint(const QSqlDatabase& db, Backend backend, const QString& table,
                               const QStringList& except = {});
    static qint64 count(const QSqlDatabase& db, const QString& table);
    // The rows of every table a move copies (CopyCatalog::copiedTables()).
    static qint64 copiedRows(Database& database);
};

} // namespace herald::test
