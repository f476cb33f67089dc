#pragma once

#include "engagement/EngagementFigures.h"

#include <QTableWidget>

namespace herald {

// A campaign's tracked links (objectName "engagementLinksTable"): number, URL as written in the template, people's
// clicks, the people who clicked (per-recipient tracking only) and machines' clicks; sorted by people's clicks,
// most first, and by any column its header is clicked on.
class EngagementLinksTable : public QTableWidget
{
    Q_OBJECT
public:
    enum Column { Number, Url, HumanClicks, UniqueClickers, MachineClicks, ColumnCount };

    explicit EngagementLinksTable(QWidget* parent = nullptr);

    void showReport(const CampaignEngagement& report);
};

} // namespace herald
