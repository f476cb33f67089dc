#pragma once

#include "JobControl.h"
#include "storage/Database.h"
#include "storage/NonprofitRepository.h"

namespace herald {

// Writes the nonprofits a table view shows (its filter and sort order) to a CSV file that NonprofitImporter
// reads back unchanged. Streams keyset pages, reports progress (rows written of rows matching) and stops
// between pages when cancelled; the file appears only when complete.
class NonprofitExporter
{
public:
    static constexpr int DefaultPageSize = 2000;

    explicit NonprofitExporter(Database& database);

    // The number of rows written.
    Result<qint64> run(const QString& path, const NonprofitQuery& query, const JobControl& control = {},
        int pageSize = DefaultPageSize);

    // The export's columns: the keys ColumnMapping guesses back.
    static QStringList header();
    static QStringList fieldsOf(const Nonprofit& nonprofit);

private:
    Database& m_database;
};

} // namespace herald
