#pragma once

#include "domain/Send.h"
#include "sending/CampaignProgressReader.h"
#include "storage/FeedbackRepository.h"

#include <QElapsedTimer>
#include <QFrame>

#include <deque>

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QValueAxis;
class QWidget;

namespace herald {

class EngagementButton;

// One campaign on the Sending page: progress and counts, rate and ETA, the last five minutes of sends
// and failures per second, pause / resume / cancel, what to do with unknown outcomes and failed rows,
// and once finished, where every message ended up. It only shows and asks: SendingPage carries out.
class CampaignPanel : public QFrame
{
    Q_OBJECT
public:
    static constexpr int ChartSeconds = 300;

    CampaignPanel(qint64 campaignId, QWidget* parent = nullptr);

    qint64 campaignId() const { return m_campaignId; }
    const CampaignProgress& progress() const { return m_progress; }
    void showProgress(const CampaignProgress& progress);
    void showFailed(const QList<Send>& rows, bool more);
    void showFailureReasons(const QList<FailureReason>& reasons);
    void showMessage(const QString& message);
    // Bounces, complaints and unsubscribes the feedback mailbox brought back for this campaign.
    void showFeedback(const CampaignFeedback& feedback);
    double sendsPerSecond() const { return m_rate; }

signals:
    void statusChangeRequested(qint64 campaignId, herald::CampaignStatus from, herald::CampaignStatus to);
    void resolveUnknownRequested(qint64 campaignId, bool resend);
    void retryRequested(qint64 campaignId, const QList<qint64>& sendIds);
    // The failed count changed (or the campaign finished): the page reads the rows again.
    void failedListStale(qint64 campaignId);
    void failureReasonsStale(qint64 campaignId);
    // Asked every few seconds: bounces and complaints arrive long after the messages went out.
    void feedbackStale(qint64 campaignId);
    // The Engagement… button: the page opens the campaign's opens and clicks.
    void engagementRequested(qint64 campaignId, qint64 delivered);

private:
    struct Sample
    {
        qint64 atMs;
        qint64 sent;
        qint64 failed;
        double sentRate = 0;
        double failedRate = 0;
    };

    QWidget* buildCountsRow();
    QWidget* buildUnknownBox();
    QWidget* buildFailedBox();
    void buildRateChart();
    void buildDeliveryChart();
    void addSample();
    void updateButtons();
    void cancelCampaign();
    void retrySelected();
    const Sample* sampleBefore(qint64 ageMs) const;

    qint64 m_campaignId;
    CampaignProgress m_progress;
    bool m_hasProgress = false;
    QElapsedTimer m_clock;
    std::deque<Sample> m_samples;
    double m_rate = 0;

    QLabel* m_titleLabel;
    QLabel* m_statusLabel;
    QProgressBar* m_progressBar;
    QLabel* m_sentLabel = nullptr;
    QLabel* m_failedLabel = nullptr;
    QLabel* m_retryingLabel = nullptr;
    QLabel* m_pendingLabel = nullptr;
    QLabel* m_unknownCountLabel = nullptr;
    QLabel* m_suppressedLabel = nullptr;
    QLabel* m_rateLabel;
    QLabel* m_feedbackLabel = nullptr;
    qint64 m_feedbackAskedMs = -1;
    QLabel* m_messageLabel;
    QPushButton* m_pauseButton;
    QPushButton* m_resumeButton;
    QPushButton* m_cancelButton;
    EngagementButton* m_engagementButton;
    QWidget* m_unknownBox = nullptr;
    QLabel* m_unknownLabel = nullptr;
    QWidget* m_failedBox = nullptr;
    QLabel* m_failedTitle = nullptr;
    QTreeWidget* m_failedList = nullptr;
    QPushButton* m_retryButton = nullptr;
    QChartView* m_rateView = nullptr;
    QLineSeries* m_sentSeries = nullptr;
    QLineSeries* m_failedSeries = nullptr;
    QValueAxis* m_rateAxis = nullptr;
    QChartView* m_deliveryView = nullptr;
};

} // namespace herald
