#include "AuditLogExporter.h"

#include "CsvExportFile.h"
#include "storage/AuditLogRepository.h"

namespace herald {

AuditLogExporter::AuditLogExporter(Database& database) : m_database(database) {}

Result<qint64> AuditLogExporter::run(const QString& path, const QString& search, const JobControl& control,
                                     int pageSize)
{
    AuditLogRepository repository(m_database);
    auto total = repository.count(search);
    if (!total)
        return total.error();
    CsvExportFile file(path);
    if (auto opened = file.open({QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("actor"),
                                 QStringLiteral("action"), QStringLiteral("entity"), QStringLiteral("entity_id"),
                                 QStringLiteral("detail")});
        !opened)
        return opened.error();
    return file.writePages<qint64>(
        [&](qint64 afterId) { return repository.page(search, afterId, pageSize); },
        [](const AuditEntry& row) {
            return QStringList{QString::number(row.id), row.at.toUTC().toString(Qt::ISODateWithMs), row.actor,
                               row.action, row.entity, row.entityId, row.detail};
        },
        total.value(), control);
}

} // namespace herald
