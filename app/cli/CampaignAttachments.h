#pragma once

#include "storage/Database.h"

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald campaign attach|attachments|detach`: the files sent with every message of a campaign. Each returns the
// command's exit code.
class CampaignAttachments
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::CampaignAttachments)
public:
    // Attaches the files in order; stops at the first that cannot be read or attached (those before stay).
    static int attach(Database& database, qint64 campaignId, const QStringList& files);
    static int list(Database& database, qint64 campaignId, bool json);
    static int detach(Database& database, qint64 campaignId, const QString& fileName);
};

} // namespace herald::cli
