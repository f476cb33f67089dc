#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald report campaign ID [--json] [--profile NAME]`: a campaign's engagement as the Campaigns page shows it
// (delivered; opens, clicks and their rates, people's and machines' apart; the first week by day; clicks per
// link), read from the roll-ups (models/engagement/EngagementReport).
class ReportCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::ReportCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
