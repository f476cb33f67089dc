#pragma once

#include "metrics/Alert.h"

#include <QList>
#include <QObject>

class QBarCategoryAxis;
class QBarSeries;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace herald {

class ChartPanel;
struct DashboardFigures;

// The dashboard's four charts (queue depth, sends and failures per second, the failure rate against the alert
// threshold, latency percentiles by provider): builds their panels for the page to lay out, and draws each read
// into them with the data behind every chart ready for its CSV export.
class DashboardCharts : public QObject
{
    Q_OBJECT
public:
    // The panels are children of `page` (which lays them out) and are built in this order:
    // "queue", "throughput", "failureRate", "latency".
    explicit DashboardCharts(QWidget* page);

    ChartPanel* panel(const QString& name) const;
    // Names the threshold line; the next showFailureRate() draws it.
    void setThresholds(const AlertThresholds& thresholds);
    void showFigures(const DashboardFigures& figures, qint64 now);
    void showFailureRate(const DashboardFigures& figures);

private:
    ChartPanel* buildQueueChart(QWidget* page);
    ChartPanel* buildThroughputChart(QWidget* page);
    ChartPanel* buildFailureRateChart(QWidget* page);
    ChartPanel* buildLatencyChart(QWidget* page);
    QDateTimeAxis* addTimeAxis(ChartPanel* panel);
    void showTimeRange(const DashboardFigures& figures);
    void showQueue(const DashboardFigures& figures);
    void showThroughput(const DashboardFigures& figures, qint64 now);
    void showLatency(const DashboardFigures& figures);

    AlertThresholds m_thresholds;
    QList<ChartPanel*> m_panels;
    QList<QDateTimeAxis*> m_timeAxes;
    QLineSeries* m_pendingSeries;
    QLineSeries* m_retryingSeries;
    QLineSeries* m_inFlightSeries;
    QValueAxis* m_queueAxis;
    QLineSeries* m_sentSeries;
    QLineSeries* m_failedSeries;
    QValueAxis* m_rateAxis;
    QLineSeries* m_failureRateSeries;
    QLineSeries* m_thresholdSeries;
    QValueAxis* m_failureAxis;
    QBarSeries* m_latencySeries;
    QBarCategoryAxis* m_latencyCategories;
    QValueAxis* m_latencyAxis;
};

} // namespace herald
