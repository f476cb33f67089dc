#pragma once

#include "importexport/JobControl.h"
#include "storage/Database.h"

#include <QStringList>

namespace herald {

struct RecordedEngagementEvent;

// Writes a campaign's raw opens and clicks to CSV in time order: time (ISO 8601 UTC), kind, the link's URL, verdict,
// reason, agent class, client network, and the recipient's address for per-recipient events only (anonymous ones
// name nobody). Keyset pages, progress (events written of all) and cancel between pages; the file appears only
// when complete.
class EngagementExport
{
public:
    static constexpr int DefaultPageSize = 5000;

    explicit EngagementExport(Database& database);

    // The number of events written.
    Result<qint64> run(qint64 campaignId, const QString& path, const JobControl& control = {},
                       int pageSize = DefaultPageSize);

    static QStringList header();
    static QStringList fieldsOf(const RecordedEngagementEvent& event);

private:
    Database& m_database;
};

} // namespace herald
