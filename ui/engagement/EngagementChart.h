#pragma once

#include "engagement/EngagementFigures.h"

#include <QWidget>

class QCheckBox;
class QLineSeries;
class QValueAxis;

namespace herald {

class ChartPanel;

// Opens and clicks over a campaign's first 7 days, every 6 hours from the hour of the first delivery: people's as
// strong lines, machines' as light dashed ones behind the "Show machines" check (off at first, since image proxies
// can outnumber people tenfold and flatten their lines). Six hours, not one: a campaign to a few hundred
// organisations gets 0 or 1 opens in most hours, and hourly lines are mostly noise; by day, the first day's peak,
// when most opens happen, disappears into one point. The panel's Export saves the chart or the buckets as CSV.
class EngagementChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr int BucketHours = 6;

    explicit EngagementChart(QWidget* parent = nullptr);

    void showReport(const CampaignEngagement& report);
    ChartPanel* panel() const { return m_panel; }
    // The series, for tests: people's opens and clicks, machines' opens and clicks.
    QList<QLineSeries*> series() const { return {m_humanOpens, m_humanClicks, m_machineOpens, m_machineClicks}; }

private:
    void showMachines(bool shown);
    void fitValueAxis();

    ChartPanel* m_panel;
    QCheckBox* m_showMachines;
    QLineSeries* m_humanOpens;
    QLineSeries* m_humanClicks;
    QLineSeries* m_machineOpens;
    QLineSeries* m_machineClicks;
    QValueAxis* m_countAxis;
};

} // namespace herald
