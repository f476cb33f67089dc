#pragma once

#include "engagement/EngagementFigures.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace herald::cli {

// A campaign's engagement report as `herald report campaign` prints it: JSON (keys in ReportCommand's help), or
// lines and tables for a person (the first week by day rather than by hour).
class EngagementReportOutput
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::EngagementReportOutput)
public:
    static QJsonObject json(const CampaignEngagement& report);
    static void print(const CampaignEngagement& report);
};

} // namespace herald::cli
