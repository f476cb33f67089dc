#pragma once

#include "domain/Error.h"
#include "importexport/JobControl.h"

#include <QCoreApplication>
#include <QString>

namespace herald {

class Database;

// Backs the embedded database up into one file with SQLite's online backup API, a few pages at a time with
// progress and cancel. It reads one snapshot (a read transaction held for the whole backup), so Herald, a worker
// and this backup may all run at once: writers go on, and the file holds what was committed when it started.
// The file is written beside its destination and renamed into place when complete. Restoring is opening the file.
class SqliteBackup
{
    Q_DECLARE_TR_FUNCTIONS(herald::SqliteBackup)
public:
    // Pages copied per step, between two progress reports and cancel checks.
    static constexpr int kPagesPerStep = 256;

    // Backs `database` (SQLite) up into `file`; an existing file is refused unless `overwrite`.
    static Status run(Database& database, const QString& file, bool overwrite, const JobControl& control = {});
};

} // namespace herald
