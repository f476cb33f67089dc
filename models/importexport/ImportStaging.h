#pragma once

#include "NonprofitRowParser.h"
#include "storage/ConnectionProfile.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

namespace herald {

// The temporary table `import_staging` a batch of imported rows passes through on its way into nonprofits.
// Created once per import on the importing connection and filled per batch, inside the batch's transaction:
// by COPY on PostgreSQL (libpq), by one prepared INSERT on SQLite.
class ImportStaging
{
    Q_DECLARE_TR_FUNCTIONS(herald::ImportStaging)
public:
    ImportStaging(QSqlDatabase db, Backend backend);

    Status create();
    void drop();
    // Replaces the table's rows with `rows`.
    Status load(const QList<ImportRow>& rows);

private:
    Status loadWithCopy(const QList<ImportRow>& rows);
    Status loadWithInsert(const QList<ImportRow>& rows);

    QSqlDatabase m_db;
    Backend m_backend;
};

} // namespace herald
