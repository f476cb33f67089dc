#pragma once

#include "storage/Database.h"

#include <QCoreApplication>

namespace herald::cli {

// What `herald campaign list|show|render` print: the campaigns with their counts, one campaign's status and
// queue counted by status, and the exact MIME message the send engine would hand over for one recipient.
// Each returns the command's exit code.
class CampaignReports
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::CampaignReports)
public:
    static int list(Database& database, bool json);
    static int show(Database& database, qint64 campaignId, bool json);
    static int render(Database& database, qint64 campaignId, const QString& nonprofitKey);
};

} // namespace herald::cli
