#pragma once

#include "JobControl.h"
#include "storage/Database.h"

namespace herald {

// Writes the audit log (or the lines a search finds) to CSV, newest first: id, time (UTC), actor, action, entity,
// entity id, details. Keyset pages, progress and cancel between pages; the file appears only when complete.
class AuditLogExporter
{
public:
    static constexpr int DefaultPageSize = 2000;

    explicit AuditLogExporter(Database& database);

    // The number of lines written.
    Result<qint64> run(const QString& path, const QString& search, const JobControl& control = {},
                       int pageSize = DefaultPageSize);

private:
    Database& m_database;
};

} // namespace herald
