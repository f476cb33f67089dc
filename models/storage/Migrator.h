#pragma once

#include "ConnectionProfile.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

namespace herald {

// Brings a database to the schema this build knows: numbered files per dialect
// (resources :/migrations/<dialect>/NNN_name.sql), each applied in its own transaction and
// recorded in schema_migrations. A database newer than this build is refused, not touched.
class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(herald::Migrator)
public:
    struct Migration
    {
        int version = 0;
        QString name;
        QString path;
    };

    static QList<Migration> available(Backend backend);
    static int latestVersion(Backend backend);
    // The schema version recorded in the database (0 when empty).
    static Result<int> currentVersion(QSqlDatabase& db);
    // Applies what is missing; returns the resulting version.
    // On PostgreSQL only the owner of the schema's tables migrates; anyone else gets a sentence naming the owner.
    static Result<int> migrate(QSqlDatabase& db, Backend backend);

private:
    static Status checkMayMigrate(QSqlDatabase& db, int latest);
};

} // namespace herald
