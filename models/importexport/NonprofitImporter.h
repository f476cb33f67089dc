#pragma once

#include "ImportReport.h"
#include "JobControl.h"
#include "NonprofitImportOptions.h"
#include "storage/Database.h"

#include <QCoreApplication>

namespace herald {

// Imports a CSV file of nonprofits: streams it (memory flat in the file size), checks every row, and upserts
// by email or EIN in batches that are committed whole (ImportStaging, StagedNonprofitMerge), reporting
// progress and stopping between batches when cancelled. Whatever happens, the table holds whole batches only,
// and the report says up to which line. Runs on the calling thread's connection: a dialog calls it from a worker,
// e.g. QtConcurrent::run([&](QPromise<ImportReport>& promise) { … }) with a JobControl whose progress calls
// promise.setProgressValue() and whose isCancelled returns promise.isCanceled(); CsvReader::preview() and
// ColumnMapping::guess() fill the mapping dialog beforehand.
class NonprofitImporter
{
    Q_DECLARE_TR_FUNCTIONS(herald::NonprofitImporter)
public:
    explicit NonprofitImporter(Database& database);

    ImportReport run(const QString& path, const NonprofitImportOptions& options, const JobControl& control = {});

private:
    Database& m_database;
};

} // namespace herald
