#pragma once

#include "CsvWriter.h"
#include "JobControl.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <algorithm>
#include <memory>

namespace herald {

// The file an export writes: a header, then every keyset page a repository returns, with progress (rows written
// of `total`) and cancel between pages. The file appears only when complete (QSaveFile).
class CsvExportFile
{
    Q_DECLARE_TR_FUNCTIONS(herald::CsvExportFile)
public:
    explicit CsvExportFile(const QString& path);

    Status open(const QStringList& header);

    // Writes the rows of fetchPage(cursor) (a Result<KeysetPage>) as fieldsOf(row) until the last page;
    // returns how many rows were written.
    template <typename Cursor, typename FetchPage, typename FieldsOf>
    Result<qint64> writePages(FetchPage fetchPage, FieldsOf fieldsOf, qint64 total, const JobControl& control)
    {
        Cursor cursor {};
        qint64 written = 0;
        while (true) {
            auto page = fetchPage(cursor);
            if (!page)
                return page.error();
            for (const auto& row : page->rows)
                m_writer->write(fieldsOf(row));
            written += page->rows.size();
            control.report(written, std::max(written, total));
            if (page->atEnd)
                break;
            if (control.cancelled())
                return cancel();
            cursor = page->next;
        }
        if (auto committed = commit(); !committed)
            return committed.error();
        return written;
    }

private:
    Error cancel();
    Status commit();

    QString m_path;
    QSaveFile m_file;
    std::unique_ptr<CsvWriter> m_writer;
};

} // namespace herald
