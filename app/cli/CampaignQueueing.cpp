#include "CampaignQueueing.h"

#include "Output.h"
#include "deliverability/SenderDomainCheck.h"
#include "sending/CampaignLauncher.h"
#include "storage/AudienceCounter.h"
#include "storage/CampaignRepository.h"
#include "storage/SendRepository.h"

#include <QEventLoop>
#include <QLocale>

namespace herald::cli {

namespace {
// SenderDomainCheck answers through the event loop; a command has nothing else to do meanwhile.
DomainCheckReport checkDomain(const SenderDomainCheck::Target& target)
{
    SenderDomainCheck check;
    QEventLoop loop;
    QObject::connect(&check, &SenderDomainCheck::finished, &loop, &QEventLoop::quit);
    check.start({target});
    if (check.isRunning())
        loop.exec();
    return check.reports().value(0);
}

// A campaign that left drafts has been queued (or started) once; queueing it again changes nothing.
bool wasQueued(CampaignStatus status)
{
    return status == CampaignStatus::Sending || status == CampaignStatus::Paused
           || status == CampaignStatus::Completed || status == CampaignStatus::Cancelled;
}

int alreadyQueued(Database& database, const Campaign& campaign)
{
    auto counts = SendRepository(database).countsByStatus(campaign.id);
    if (!counts)
        return Output::failed(counts.error().message);
    qint64 queued = 0;
    for (const qint64 count : counts.value())
        queued += count;
    Output::line(CampaignQueueing::tr("Campaign '%1' was queued already (%n message(s), now %2); nothing was "
                                       "queued again.", nullptr, int(queued))
                      .arg(campaign.name, toString(campaign.status)));
    return 0;
}

// False (with the warning printed) when the campaign must not be queued yet.
bool senderDomainReady(Database& database, const Campaign& prepared, bool anyway)
{
    auto size = AudienceCounter(database).countCampaignAudience(prepared.audience);
    if (!size)
        return true; // the count is for the warning only; queueing counts again
    const auto target = SenderDomainCheck::targetBeforeQueueing(database, prepared.fromEmail, size->recipients);
    if (!target)
        return true;
    Output::error(CampaignQueueing::tr("Checking the DNS records of %1…").arg(target->domain));
    const DomainCheckReport report = checkDomain(target.value());
    if (report.allPass())
        return true;
    Output::error(CampaignQueueing::tr("Warning: '%1' goes to %2 recipients from %3, but the DNS records of %4 are not "
                                       "ready: %5. Gmail and Yahoo refuse or junk bulk mail without SPF, DKIM and "
                                       "DMARC.")
                      .arg(prepared.name, QLocale().toString(size->recipients), prepared.fromEmail, report.domain,
                           report.problemSummary()));
    if (anyway)
        return true;
    Output::error(CampaignQueueing::tr("Not queued: publish the records first ('herald campaign send ID --anyway' "
                                       "queues it regardless)."));
    return false;
}
} // namespace

int CampaignQueueing::queue(Database& database, const Request& request)
{
    auto stored = CampaignRepository(database).find(request.campaignId);
    if (!stored)
        return Output::failed(stored.error().message);
    if (!request.at.isValid() && wasQueued(stored->status))
        return alreadyQueued(database, stored.value());
    // Checked first (template, identity, audience), so a problem is named before DNS is asked.
    CampaignLauncher launcher(database);
    auto prepared = launcher.prepare(request.campaignId);
    if (!prepared)
        return Output::failed(prepared.error().message);
    if (!senderDomainReady(database, prepared.value(), request.anyway))
        return 1;
    if (request.at.isValid()) {
        if (const Status scheduled = launcher.schedule(request.campaignId, request.at); !scheduled)
            return Output::failed(scheduled.error().message);
        // On standard error: `campaign create --at` prints only the new id on standard output.
        Output::error(tr("Campaign '%1' is scheduled for %2.")
                          .arg(prepared->name, request.at.toUTC().toString(Qt::ISODate)));
        return 0;
    }
    auto counts = launcher.sendNow(request.campaignId);
    if (!counts)
        return Output::failed(counts.error().message);
    Output::line(tr("Queued %n message(s) for '%1'", nullptr, int(counts->pending)).arg(prepared->name)
                  + tr("; %n suppressed address(es) left out.", nullptr, int(counts->suppressed)));
    return 0;
}

} // namespace herald::cli
