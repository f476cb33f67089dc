#include "SuppressionExporter.h"

#include "CsvExportFile.h"
#include "storage/SuppressionRepository.h"

namespace herald {

SuppressionExporter::SuppressionExporter(Database& database)
    : m_database(database)
{
}

Result<qint64> SuppressionExporter::run(const QString& path, const JobControl& control, int pageSize)
{
    return run(path, SuppressionFilter {}, control, pageSize);
}

Result<qint64> SuppressionExporter::run(
    const QString& path, const SuppressionFilter& filter, const JobControl& control, int pageSize)
{
    SuppressionRepository repository(m_database);
    auto total = repository.count(filter);
    if (!total)
        return total.error();
    CsvExportFile file(path);
    if (auto opened = file.open(
            { QStringLiteral("email"), QStringLiteral("reason"), QStringLiteral("date"), QStringLiteral("source") });
        !opened)
        return opened.error();
    return file.writePages<SuppressionCursor>(
        [&](const SuppressionCursor& after) { return repository.page(filter, after, pageSize); },
        [](const Suppression& row) {
            return QStringList { row.email, toString(row.reason), row.createdAt.toUTC().toString(Qt::ISODateWithMs),
                row.source };
        },
        total.value(), control);
}

} // namespace herald
