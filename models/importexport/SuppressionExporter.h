#pragma once

#include "JobControl.h"
#include "storage/Database.h"
#include "storage/SuppressionRepository.h"

namespace herald {

// Writes the suppression list to CSV (email, reason, date, source; newest first) for SuppressionImporter to read
// back: keyset pages, progress (rows written of all) and cancel between pages; the file appears only when complete.
class SuppressionExporter
{
public:
    static constexpr int DefaultPageSize = 2000;

    explicit SuppressionExporter(Database& database);

    // The number of rows written.
    Result<qint64> run(const QString& path, const JobControl& control = {}, int pageSize = DefaultPageSize);
    // Only the suppressions the filter lets through (what a list shows).
    Result<qint64> run(const QString& path, const SuppressionFilter& filter, const JobControl& control = {},
        int pageSize = DefaultPageSize);

private:
    Database& m_database;
};

} // namespace herald
