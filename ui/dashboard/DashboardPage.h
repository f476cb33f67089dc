#pragma once

#include "metrics/Alert.h"
#include "metrics/DashboardFigures.h"
#include "engagement/EngagementFigures.h"
#include "storage/FeedbackRepository.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QWidget>

class QComboBox;
class QLabel;
class QTimer;
class QTreeWidget;

namespace herald {

class ChartPanel;
class DashboardCharts;
class DashboardTiles;
class Database;
class RecentEngagementChart;

// Sending health at a glance, across every instance and worker sharing the database: queue depth, sends and
// failures per second, the failure rate over a rolling window against the alert threshold, latency
// percentiles, each provider's state, the top failure reasons, the recent campaigns' bounce and complaint
// rates and people's open and click rates, over 15 min / 1 h / 24 h / 7 d. While
// visible it reads the figures a few times a second on a thread of its own (a tick is skipped while the
// previous read runs), so the window never waits for the database.
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int RefreshIntervalMs = 500;
    static constexpr int FeedbackCampaigns = 10; // campaigns in "Bounces and complaints by campaign"
    // Opens and clicks are read this seldom (and when the page is shown): they change slowly, and reading them
    // counts each campaign's delivered messages, which takes a while on a large queue.
    static constexpr int EngagementIntervalMs = 30000;

    explicit DashboardPage(Database& database, QWidget* parent = nullptr);
    ~DashboardPage() override;

    ChartPanel* panel(const QString& name) const; // "queue", "throughput", "failureRate", "latency", "engagement"
    const DashboardFigures& figures() const { return m_figures; }
    int readsShown() const { return m_readsShown; }
    bool isReading() const { return m_watcher.isRunning(); }
    bool isLive() const;

public slots:
    // The alert thresholds, for the line on the failure-rate chart.
    void setThresholds(const herald::AlertThresholds& thresholds);
    // Reads the figures now unless a read is running (then it reads again when that one is done).
    void refresh();
    // Reads the opens and clicks too at the next read, without waiting for EngagementIntervalMs.
    void refreshEngagement();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    struct Read
    {
        bool ok = false;
        DashboardFigures figures;
        QList<CampaignFeedback> campaigns;
        double complaintThreshold = 0;
        std::optional<QList<RecentCampaignEngagement>> engagement; // when it was due
        QString error;
        qint64 now = 0;
    };

    QTreeWidget* buildProviderTable();
    QTreeWidget* buildReasonTable();
    QTreeWidget* buildFeedbackTable();
    void readDone();
    void showFigures(const DashboardFigures& figures, qint64 now);
    void showProviders(const DashboardFigures& figures);
    void showReasons(const DashboardFigures& figures);
    void showFeedback(const QList<CampaignFeedback>& campaigns, double complaintThreshold);
    qint64 rangeSeconds() const;
    int windowSeconds() const;

    Database& m_database;
    QThreadPool m_pool; // one thread, kept: its database connection is opened once
    QFutureWatcher<Read> m_watcher;
    QTimer* m_timer;
    bool m_readAgain = false;
    int m_readsShown = 0;
    bool m_engagementDue = true;
    QElapsedTimer m_engagementRead; // since the opens and clicks were last read
    DashboardFigures m_figures;

    QComboBox* m_rangeBox;
    QComboBox* m_windowBox;
    QLabel* m_updatedLabel;
    QLabel* m_errorLabel;
    DashboardTiles* m_tiles;
    DashboardCharts* m_charts;
    RecentEngagementChart* m_engagement;
    QTreeWidget* m_providerTable;
    QTreeWidget* m_reasonTable;
    QTreeWidget* m_feedbackTable;
};

} // namespace herald
