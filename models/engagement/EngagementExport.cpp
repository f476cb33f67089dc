#include "EngagementExport.h"

#include "engagement/EngagementEventLog.h"
#include "importexport/CsvExportFile.h"
#include "storage/CampaignRepository.h"

namespace herald {

EngagementExport::EngagementExport(Database& database)
    : m_database(database)
{
}

QStringList EngagementExport::header()
{
    return {QStringLiteral("time"),    QStringLiteral("kind"),        QStringLiteral("link_url"),
            QStringLiteral("verdict"), QStringLiteral("reason"),      QStringLiteral("agent_class"),
            QStringLiteral("client_network"), QStringLiteral("email")};
}

QStringList EngagementExport::fieldsOf(const RecordedEngagementEvent& event)
{
    return {event.occurredAt().toString(Qt::ISODateWithMs), event.kind, event.url, event.verdict, event.reason,
            event.agentClass, event.clientNet, event.sendId != 0 ? event.email : QString()};
}

Result<qint64> EngagementExport::run(qint64 campaignId, const QString& path, const JobControl& control, int pageSize)
{
    if (auto campaign = CampaignRepository(m_database).find(campaignId); !campaign)
        return campaign.error();
    EngagementEventLog events(m_database);
    auto total = events.count(campaignId);
    if (!total)
        return total.error();
    CsvExportFile file(path);
    if (auto opened = file.open(header()); !opened)
        return opened.error();
    return file.writePages<EngagementEventCursor>(
        [&](const EngagementEventCursor& after) { return events.page(campaignId, after, pageSize); },
        &EngagementExport::fieldsOf, total.value(), control);
}

} // namespace herald
