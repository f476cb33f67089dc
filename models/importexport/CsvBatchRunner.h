#pragma once

#include "CsvReader.h"
#include "ImportReport.h"
#include "JobControl.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QFile>

#include <functional>
#include <memory>

namespace herald {

// What both importers share: opens the file, reads its header, then hands the records to a batch and has it
// committed every batchSize records and at the end, reporting progress (bytes read of the file) and stopping
// between batches when cancelled; what is committed is in the report up to committedThroughLine. The import is
// recorded in the audit log.
class CsvBatchRunner
{
    Q_DECLARE_TR_FUNCTIONS(herald::CsvBatchRunner)
public:
    // What an importer does with the records of one batch.
    class Batch
    {
    public:
        virtual ~Batch() = default;
        // Takes the record (as a row or a rejection); false when it cannot join the records taken since the
        // last commit (its key is among them), and is to be offered again after one.
        virtual bool take(const CsvRecord& record) = 0;
        // Stores what was taken in one transaction and adds it to the report; false when that failed (with
        // report.failure set, nothing of the batch stored).
        virtual bool commit(ImportReport& report) = 0;
    };

    // Makes the batch for a file with this header, or says why the file cannot be imported.
    using StartBatch = std::function<Result<std::unique_ptr<Batch>>(const QStringList& header)>;

    // Imports `path`; `entity` ("nonprofits") and `actor` go to the audit log.
    static ImportReport importFile(Database& database, const QString& path, const QString& entity, const QString& actor,
        int batchSize, const JobControl& control, const StartBatch& start);

private:
    explicit CsvBatchRunner(const QString& path);

    // Opens the file and reads the header line.
    Result<CsvRecord> readHeader();
    void run(Batch& batch, int batchSize, const JobControl& control, ImportReport& report);
    bool commit(Batch& batch, ImportReport& report);

    QString m_path;
    QFile m_file;
    CsvReader m_reader;
    qint64 m_lastLine = 0;
};

} // namespace herald
