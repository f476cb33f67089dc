#include "NonprofitExporter.h"

#include "ColumnMapping.h"
#include "CsvExportFile.h"

namespace herald {

NonprofitExporter::NonprofitExporter(Database& database)
    : m_database(database)
{
}

QStringList NonprofitExporter::header()
{
    QStringList names;
    for (const NonprofitField field : ColumnMapping::allFields())
        names << ColumnMapping::key(field);
    return names;
}

QStringList NonprofitExporter::fieldsOf(const Nonprofit& nonprofit)
{
    // In ColumnMapping::allFields() order; tags as the importer splits them.
    return { nonprofit.name, nonprofit.email, nonprofit.ein, nonprofit.street, nonprofit.city, nonprofit.region,
        nonprofit.postalCode, nonprofit.country, nonprofit.tags.join(QLatin1Char(';')), toString(nonprofit.status),
        nonprofit.consent };
}

Result<qint64> NonprofitExporter::run(
    const QString& path, const NonprofitQuery& query, const JobControl& control, int pageSize)
{
    NonprofitRepository repository(m_database);
    auto total = repository.count(query);
    if (!total)
        return total.error();
    CsvExportFile file(path);
    if (auto opened = file.open(header()); !opened)
        return opened.error();
    return file.writePages<NonprofitCursor>(
        [&](const NonprofitCursor& after) { return repository.page(query, after, pageSize); },
        &NonprofitExporter::fieldsOf, total.value(), control);
}

} // namespace herald
