#pragma once

#include "storage/Database.h"

#include <QCoreApplication>
#include <QDateTime>

namespace herald::cli {

// `herald campaign send` and `campaign create --at`: take a draft out of drafts as the campaign editor's
// Send Now / Schedule button does. CampaignLauncher checks it (template, sender identity, audience) and queues
// its audience without suppressed addresses, in one transaction; before that a campaign to more than
// SenderDomainCheck::BulkThreshold recipients gets its sender domain's DNS checked, and a domain that is not
// ready stops it unless `anyway` (the window asks instead). Returns the exit code.
class CampaignQueueing
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::CampaignQueueing)
public:
    struct Request
    {
        qint64 campaignId = 0;
        QDateTime at;        // invalid: send now
        bool anyway = false; // queue even when the sender domain's DNS is not ready
    };

    // Sending again a campaign that was queued already does nothing and succeeds (exit 0).
    static int queue(Database& database, const Request& request);
};

} // namespace herald::cli
