#pragma once

#include "domain/Campaign.h"
#include "domain/Send.h"
#include "sending/CampaignProgressReader.h"
#include "storage/FeedbackRepository.h"

#include <QList>
#include <QObject>

#include <functional>

class QThread;
class QTimer;

namespace herald {

class Database;

// The Sending page's hands on the database, on a thread of its own with its own connection: reads every
// campaign's counts a few times a second and carries out the page's actions (pause, resume, cancel,
// unknown rows, retries). Everything it finds comes back through queued signals, so the window never
// waits for the database.
class SendingMonitor : public QObject
{
    Q_OBJECT
public:
    SendingMonitor(Database& database, int intervalMs, QObject* parent = nullptr);
    ~SendingMonitor() override; // stops the thread and closes its connection

    void changeStatus(qint64 campaignId, CampaignStatus from, CampaignStatus to);
    void resolveUnknown(qint64 campaignId, bool resend);
    void retryFailed(qint64 campaignId, const QList<qint64>& sendIds);
    // The campaign's failed rows (at most MaxFailedShown) and, when finished, why they failed.
    void readFailed(qint64 campaignId);
    void readFailureReasons(qint64 campaignId);
    void readFeedback(qint64 campaignId);

    static constexpr int MaxFailedShown = 500;

signals:
    void progressRead(const QList<herald::CampaignProgress>& campaigns);
    void failedRead(qint64 campaignId, const QList<herald::Send>& rows, bool more);
    void failureReasonsRead(qint64 campaignId, const QList<herald::FailureReason>& reasons);
    void feedbackRead(qint64 campaignId, const herald::CampaignFeedback& feedback);
    // An action finished: what it did, in a sentence for the status line.
    void actionDone(qint64 campaignId, const QString& message);
    void errorOccurred(const QString& message);

private:
    void onThread(std::function<void()> job);
    void poll();

    Database& m_database;
    QThread* m_thread;
    QObject* m_context; // lives on m_thread: queued jobs run there
    QTimer* m_timer = nullptr;
    QString m_lastError;
};

} // namespace herald
