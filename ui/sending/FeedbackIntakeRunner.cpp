#include "FeedbackIntakeRunner.h"

#include "common/BackgroundJob.h"
#include "deliverability/FeedbackIntake.h"
#include "storage/AppSettingsRepository.h"

#include <algorithm>
#include <memory>

namespace herald {

FeedbackIntakeRunner::FeedbackIntakeRunner(Database& database, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_job(new BackgroundJob(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("feedbackIntakeRunner"));
    m_timer->setInterval(5 * 60 * 1000);
    connect(m_timer, &QTimer::timeout, this, &FeedbackIntakeRunner::runScheduled);
}

bool FeedbackIntakeRunner::isRunning() const { return m_job->isRunning(); }

void FeedbackIntakeRunner::cancel() { m_job->cancel(); }

QString FeedbackIntakeRunner::describe(const IntakeSummary& found)
{
    QString text = tr("Read %n message(s): ", nullptr, found.read)
        + tr("%1 hard bounce(s), %2 soft bounce(s), %3 complaint(s), %4 unsubscribe(s); %5 left unread for you.")
              .arg(found.hardBounces)
              .arg(found.softBounces)
              .arg(found.complaints)
              .arg(found.unsubscribes)
              .arg(found.unmatched + found.unrecognised);
    if (!found.pausedCampaigns.isEmpty())
        text += QLatin1Char(' ') + tr("%n campaign(s) paused for too many complaints.", nullptr, int(found.pausedCampaigns.size()));
    return text;
}

void FeedbackIntakeRunner::campaignsRead(const QList<CampaignProgress>& campaigns)
{
    const bool sending = std::any_of(campaigns.cbegin(), campaigns.cend(),
                                     [](const CampaignProgress& c) { return c.status == CampaignStatus::Sending; });
    if (sending && !m_timer->isActive())
        m_timer->start();
    else if (!sending)
        m_timer->stop();
}

void FeedbackIntakeRunner::runScheduled()
{
    // Quietly nothing when no mailbox is set up: the timer runs for every sending campaign.
    auto settings = MailboxSettings::load(m_database);
    if (settings && settings->isConfigured() && !m_job->isRunning())
        runNow();
}

bool FeedbackIntakeRunner::runNow()
{
    if (m_job->isRunning())
        return false;
    auto settings = MailboxSettings::load(m_database);
    auto secret = AppSettingsRepository(m_database).unsubscribeSecret();
    if (!settings || !secret) {
        emit finished(!settings ? settings.error().message : secret.error().message, true);
        return false;
    }
    if (!settings->isConfigured()) {
        emit finished(tr("Enter the feedback mailbox's server and user in Settings → Bounces and complaints."), true);
        return false;
    }
    auto outcome = std::make_shared<Result<IntakeSummary>>(Error::make(Error::Kind::Cancelled, tr("Stopped.")));
    Database& database = m_database;
    const MailboxSettings mailbox = settings.value();
    const QByteArray unsubscribeSecret = secret.value();
    connect(m_job, &BackgroundJob::finished, this, [this, outcome] {
        disconnect(m_job, &BackgroundJob::finished, this, nullptr);
        if (!*outcome)
            emit finished(outcome->error().message, outcome->error().kind != Error::Kind::Cancelled);
        else
            emit finished(describe(outcome->value()), !outcome->value().pausedCampaigns.isEmpty());
    });
    emit started(tr("Reading %1…").arg(mailbox.host));
    return m_job->start([outcome, &database, mailbox, unsubscribeSecret](const JobControl& control) {
        FeedbackIntake intake(database, mailbox, unsubscribeSecret);
        *outcome = intake.runOnce([&control] { return control.cancelled(); });
        database.releaseThreadConnection();
    });
}

} // namespace herald
