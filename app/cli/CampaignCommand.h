#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald campaign list [--json]` and `herald campaign render ID --nonprofit N`: the campaigns with their
// counts, and the exact MIME message the send engine would hand over for one recipient.
class CampaignCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::CampaignCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
