#pragma once

#include "engagement/EngagementFigures.h"

#include <QList>
#include <QObject>

class QBarCategoryAxis;
class QBarSet;
class QHorizontalBarSeries;
class QValueAxis;

namespace herald {

class ChartPanel;

// The Dashboard's engagement across recent campaigns: people's open and click rates per campaign (machines' are
// left out), newest at the top, for the campaigns that track opens and clicks. Rates from anonymous tracking count
// events, not recipients: those campaigns are marked "~" and drawn lighter. Builds its panel for the page to lay out.
class RecentEngagementChart : public QObject
{
    Q_OBJECT
public:
    static constexpr int Campaigns = 8; // how many recent campaigns the chart shows

    explicit RecentEngagementChart(QWidget* page); // the panel ("engagementPanel") is a child of `page`

    ChartPanel* panel() const { return m_panel; }
    // `campaigns` as EngagementReport::recentCampaigns gives them, newest first.
    void showCampaigns(const QList<RecentCampaignEngagement>& campaigns);

private:
    void showBarTip(bool entered, int index, QBarSet* set);

    ChartPanel* m_panel;
    QList<RecentCampaignEngagement> m_shown; // in the axis's order, oldest first
    QHorizontalBarSeries* m_series;
    QBarSet* m_openRates;
    QBarSet* m_clickRates;
    QBarCategoryAxis* m_campaignAxis;
    QValueAxis* m_rateAxis;
};

} // namespace herald
