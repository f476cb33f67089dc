#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald campaign list|show|render|create|send|pause|resume|cancel|attach|attachments|detach`: campaigns without a
// window. Reads the arguments and hands each action to CampaignReports, CampaignActions, CampaignQueueing or
// CampaignAttachments.
class CampaignCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::CampaignCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
