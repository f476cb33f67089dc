#include "CsvBatchRunner.h"

#include "storage/AuditLogRepository.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

namespace herald {

CsvBatchRunner::CsvBatchRunner(const QString& path)
    : m_path(path)
    , m_file(path)
    , m_reader(&m_file)
{
}

Result<CsvRecord> CsvBatchRunner::readHeader()
{
    if (!m_file.open(QIODevice::ReadOnly))
        return Error::make(Error::Kind::Io, tr("Could not open %1: %2").arg(m_path, m_file.errorString()));
    CsvRecord header;
    if (!m_reader.next(header)) {
        if (m_reader.hasError())
            return Error::make(Error::Kind::Io, m_reader.errorString());
        return Error::make(Error::Kind::Validation, tr("%1 is empty.").arg(m_path));
    }
    if (header.invalidUtf8 || header.tooLong || header.unterminatedQuote)
        return Error::make(
            Error::Kind::Validation, tr("The first line of %1 is not a header of column names in UTF-8.").arg(m_path));
    m_lastLine = header.line;
    return header;
}

bool CsvBatchRunner::commit(Batch& batch, ImportReport& report)
{
    if (!batch.commit(report))
        return false;
    report.committedThroughLine = m_lastLine;
    ++report.batchesCommitted;
    return true;
}

void CsvBatchRunner::run(Batch& batch, int batchSize, const JobControl& control, ImportReport& report)
{
    report.committedThroughLine = m_lastLine;
    const qint64 total = m_file.size();
    const qint64 size = std::max(1, batchSize);
    qint64 taken = 0;
    // Commits, then is the one place the import may stop when asked to.
    auto commitAndContinue = [&] {
        taken = 0;
        if (!commit(batch, report))
            return false;
        control.report(m_reader.position(), total);
        report.cancelled = control.cancelled();
        return !report.cancelled;
    };
    CsvRecord record;
    while (m_reader.next(record)) {
        if (!batch.take(record)) {
            if (!commitAndContinue())
                return;
            batch.take(record);
        }
        m_lastLine = record.line;
        if (++taken >= size && !commitAndContinue())
            return;
    }
    if (m_reader.hasError())
        report.failure = Error::make(Error::Kind::Io, m_reader.errorString());
    else if (taken > 0 && commit(batch, report))
        control.report(total, total);
}

ImportReport CsvBatchRunner::importFile(Database& database, const QString& path, const QString& entity,
    const QString& actor, int batchSize, const JobControl& control, const StartBatch& start)
{
    ImportReport report;
    CsvBatchRunner runner(path);
    auto header = runner.readHeader();
    auto batch = header ? start(header->fields) : Result<std::unique_ptr<Batch>>(header.error());
    if (!batch) {
        report.failure = batch.error();
        return report;
    }
    runner.run(*batch.value(), batchSize, control, report);
    AuditLogRepository audit(database);
    (void)audit.record(actor, QStringLiteral("import"), entity, QFileInfo(path).fileName(), report.summary());
    return report;
}

} // namespace herald
