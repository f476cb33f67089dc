#pragma once

#include "sending/CampaignProgressReader.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace herald {

class CampaignPanel;
class Database;
class SendingMonitor;

// Follows the campaigns that are sending, paused or just finished: one CampaignPanel each, fed by a
// SendingMonitor that reads the database a few times a second (so other workers' sends count too),
// and the state of this window's send engine.
class SendingPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int PollIntervalMs = 300;

    explicit SendingPage(Database& database, QWidget* parent = nullptr);
    ~SendingPage() override;

    SendingMonitor* monitor() const { return m_monitor; }
    CampaignPanel* panel(qint64 campaignId) const { return m_panels.value(campaignId); }

public slots:
    void showEngineState(const QString& text, bool problem);
    // What the latest pass over the feedback mailbox found (FeedbackIntakeRunner).
    void showIntakeResult(const QString& text, bool problem);

private:
    void showCampaigns(const QList<herald::CampaignProgress>& campaigns);
    CampaignPanel* createPanel(qint64 campaignId);

    Database& m_database;
    SendingMonitor* m_monitor;
    QLabel* m_engineLabel;
    QLabel* m_intakeLabel;
    QLabel* m_emptyLabel;
    QLabel* m_errorLabel;
    QVBoxLayout* m_panelsLayout;
    QHash<qint64, CampaignPanel*> m_panels;
};

} // namespace herald
