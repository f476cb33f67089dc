#include "SendingPage.h"

#include "CampaignPanel.h"
#include "SendingMonitor.h"
#include "common/PageTitle.h"
#include "engagement/EngagementDialog.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace herald {

SendingPage::SendingPage(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_monitor(new SendingMonitor(database, PollIntervalMs, this))
    , m_engineLabel(new QLabel(this))
    , m_intakeLabel(new QLabel(this))
    , m_emptyLabel(new QLabel(this))
    , m_errorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("sendingPage"));
    auto* title = new PageTitle(tr("Sending"), this);
    m_engineLabel->setObjectName(QStringLiteral("engineStateLabel"));
    m_engineLabel->setWordWrap(true);
    m_engineLabel->setTextFormat(Qt::PlainText);
    m_engineLabel->setText(tr("Not sending: no campaign is waiting."));
    m_intakeLabel->setObjectName(QStringLiteral("intakeStateLabel"));
    m_intakeLabel->setWordWrap(true);
    m_intakeLabel->setTextFormat(Qt::PlainText);
    m_intakeLabel->hide();
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setText(tr("No campaign is being sent. Queue one on the Campaigns page; it shows up here while it "
                             "goes out."));
    m_errorLabel->setObjectName(QStringLiteral("sendingErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_errorLabel->hide();

    auto* panels = new QWidget;
    m_panelsLayout = new QVBoxLayout(panels);
    m_panelsLayout->setContentsMargins(0, 0, 0, 0);
    m_panelsLayout->addWidget(m_emptyLabel);
    m_panelsLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("campaignPanels"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(panels);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(title);
    layout->addWidget(m_engineLabel);
    layout->addWidget(m_intakeLabel);
    layout->addWidget(m_errorLabel);
    layout->addWidget(scroll, 1);

    connect(m_monitor, &SendingMonitor::progressRead, this, &SendingPage::showCampaigns);
    connect(m_monitor, &SendingMonitor::failedRead, this, [this](qint64 id, const QList<Send>& rows, bool more) {
        if (CampaignPanel* panel = m_panels.value(id))
            panel->showFailed(rows, more);
    });
    connect(m_monitor, &SendingMonitor::failureReasonsRead, this, [this](qint64 id, const QList<FailureReason>& reasons) {
        if (CampaignPanel* panel = m_panels.value(id))
            panel->showFailureReasons(reasons);
    });
    connect(m_monitor, &SendingMonitor::feedbackRead, this, [this](qint64 id, const CampaignFeedback& feedback) {
        if (CampaignPanel* panel = m_panels.value(id))
            panel->showFeedback(feedback);
    });
    connect(m_monitor, &SendingMonitor::actionDone, this, [this](qint64 id, const QString& message) {
        m_errorLabel->hide();
        if (CampaignPanel* panel = m_panels.value(id))
            panel->showMessage(message);
    });
    connect(m_monitor, &SendingMonitor::errorOccurred, this, [this](const QString& message) {
        m_errorLabel->setText(message);
        m_errorLabel->show();
    });
}

SendingPage::~SendingPage() = default;

void SendingPage::showEngineState(const QString& text, bool problem)
{
    m_engineLabel->setText(text);
    m_engineLabel->setStyleSheet(problem ? QStringLiteral("QLabel { color: #b3261e; }") : QString());
}

void SendingPage::showIntakeResult(const QString& text, bool problem)
{
    m_intakeLabel->setText(tr("Bounces and complaints: %1").arg(text));
    m_intakeLabel->setStyleSheet(problem ? QStringLiteral("QLabel { color: #b3261e; }") : QString());
    m_intakeLabel->show();
}

CampaignPanel* SendingPage::createPanel(qint64 campaignId)
{
    auto* panel = new CampaignPanel(campaignId, m_panelsLayout->parentWidget());
    connect(panel, &CampaignPanel::statusChangeRequested, m_monitor, &SendingMonitor::changeStatus);
    connect(panel, &CampaignPanel::resolveUnknownRequested, m_monitor, &SendingMonitor::resolveUnknown);
    connect(panel, &CampaignPanel::retryRequested, m_monitor, &SendingMonitor::retryFailed);
    connect(panel, &CampaignPanel::failedListStale, m_monitor, &SendingMonitor::readFailed);
    connect(panel, &CampaignPanel::failureReasonsStale, m_monitor, &SendingMonitor::readFailureReasons);
    connect(panel, &CampaignPanel::feedbackStale, m_monitor, &SendingMonitor::readFeedback);
    connect(panel, &CampaignPanel::engagementRequested, this,
            [this](qint64 id, qint64 delivered) { EngagementDialog::showFor(m_database, id, delivered, this); });
    m_panels.insert(campaignId, panel);
    return panel;
}

void SendingPage::showCampaigns(const QList<CampaignProgress>& campaigns)
{
    QSet<qint64> shown;
    for (int i = 0; i < campaigns.size(); ++i) {
        const CampaignProgress& progress = campaigns.at(i);
        CampaignPanel* panel = m_panels.value(progress.campaignId);
        if (!panel)
            panel = createPanel(progress.campaignId);
        // Keep the database's order: sending and paused first, then the most recently finished.
        if (m_panelsLayout->indexOf(panel) != i + 1) {
            m_panelsLayout->removeWidget(panel);
            m_panelsLayout->insertWidget(i + 1, panel);
        }
        panel->showProgress(progress);
        shown.insert(progress.campaignId);
    }
    for (auto it = m_panels.begin(); it != m_panels.end();) {
        if (!shown.contains(it.key())) {
            it.value()->deleteLater();
            it = m_panels.erase(it);
        } else {
            ++it;
        }
    }
    m_emptyLabel->setVisible(campaigns.isEmpty());
}

} // namespace herald
