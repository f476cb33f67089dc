#include "SendingMonitor.h"

#include "sending/SendQueue.h"
#include "storage/CampaignRepository.h"
#include "storage/Database.h"
#include "storage/SendRepository.h"

#include <QThread>
#include <QTimer>

namespace herald {

SendingMonitor::SendingMonitor(Database& database, int intervalMs, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_thread(new QThread(this))
    , m_context(new QObject)
{
    qRegisterMetaType<QList<herald::CampaignProgress>>();
    qRegisterMetaType<QList<herald::FailureReason>>();
    qRegisterMetaType<QList<herald::Send>>();
    qRegisterMetaType<herald::CampaignFeedback>();
    m_thread->setObjectName(QStringLiteral("SendingMonitor"));
    m_context->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start();
    onThread([this, intervalMs] {
        m_timer = new QTimer(m_context);
        m_timer->setInterval(intervalMs);
        connect(m_timer, &QTimer::timeout, m_context, [this] { poll(); });
        m_timer->start();
        poll();
    });
}

SendingMonitor::~SendingMonitor()
{
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            delete m_timer;
            m_timer = nullptr;
            m_database.releaseThreadConnection();
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void SendingMonitor::onThread(std::function<void()> job)
{
    QMetaObject::invokeMethod(m_context, std::move(job), Qt::QueuedConnection);
}

void SendingMonitor::poll()
{
    auto campaigns = CampaignProgressReader(m_database).read();
    if (!campaigns) {
        // Once per distinct problem: the connection monitor already says when the server is away.
        if (campaigns.error().message != m_lastError)
            emit errorOccurred(campaigns.error().message);
        m_lastError = campaigns.error().message;
        return;
    }
    m_lastError.clear();
    emit progressRead(campaigns.value());
}

void SendingMonitor::changeStatus(qint64 campaignId, CampaignStatus from, CampaignStatus to)
{
    onThread([this, campaignId, from, to] {
        if (auto changed = CampaignRepository(m_database).setStatus(campaignId, from, to); !changed)
            emit errorOccurred(changed.error().message);
        else
            emit actionDone(campaignId, QString());
        poll(); // show the new status at once
    });
}

void SendingMonitor::resolveUnknown(qint64 campaignId, bool resend)
{
    onThread([this, campaignId, resend] {
        auto resolved = SendQueue(m_database, QString()).resolveUnknown(campaignId, resend);
        if (!resolved) {
            emit errorOccurred(resolved.error().message);
        } else {
            emit actionDone(campaignId, resend ? tr("%n message(s) of unknown outcome are queued again.", nullptr, resolved.value())
                                               : tr("%n message(s) of unknown outcome are counted as sent.", nullptr, resolved.value()));
        }
        poll();
    });
}

void SendingMonitor::retryFailed(qint64 campaignId, const QList<qint64>& sendIds)
{
    onThread([this, campaignId, sendIds] {
        auto retried = SendQueue(m_database, QString()).retryFailed(campaignId, sendIds);
        if (!retried)
            emit errorOccurred(retried.error().message);
        else
            emit actionDone(campaignId, tr("%n failed message(s) are queued again.", nullptr, retried.value()));
        poll();
    });
}

void SendingMonitor::readFailed(qint64 campaignId)
{
    onThread([this, campaignId] {
        auto page = SendRepository(m_database).listForCampaign(campaignId, SendStatus::Failed, {}, MaxFailedShown);
        if (!page)
            emit errorOccurred(page.error().message);
        else
            emit failedRead(campaignId, page->rows, !page->atEnd);
    });
}

void SendingMonitor::readFailureReasons(qint64 campaignId)
{
    onThread([this, campaignId] {
        auto reasons = CampaignProgressReader(m_database).failureReasons(campaignId);
        if (!reasons)
            emit errorOccurred(reasons.error().message);
        else
            emit failureReasonsRead(campaignId, reasons.value());
    });
}

void SendingMonitor::readFeedback(qint64 campaignId)
{
    onThread([this, campaignId] {
        auto feedback = FeedbackRepository(m_database).campaignFeedback(campaignId);
        if (!feedback)
            emit errorOccurred(feedback.error().message);
        else
            emit feedbackRead(campaignId, feedback.value());
    });
}

} // namespace herald
