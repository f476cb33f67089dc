#include "CampaignActions.h"

#include "CampaignQueueing.h"
#include "Output.h"
#include "storage/AudienceCounter.h"
#include "storage/CampaignApprovalRepository.h"
#include "storage/CampaignRepository.h"

#include <QLocale>

namespace herald::cli {

namespace {
int move(Database& database, qint64 campaignId, CampaignStatus from, CampaignStatus to)
{
    CampaignRepository campaigns(database);
    if (auto moved = campaigns.setStatus(campaignId, from, to); !moved)
        return Output::failed(moved.error().message);
    auto stored = campaigns.find(campaignId);
    if (!stored)
        return Output::failed(stored.error().message);
    Output::line(CampaignActions::tr("Campaign '%1' is %2.").arg(stored->name, toString(stored->status)));
    return 0;
}
} // namespace

int CampaignActions::create(Database& database, const NewCampaign& request)
{
    Campaign campaign;
    campaign.name = request.name;
    campaign.templateId = request.templateId;
    campaign.senderIdentityId = request.senderIdentityId;
    campaign.segmentId = request.segmentId;
    campaign.audience = Campaign::audienceFor(request.segmentId);
    campaign.tracking = request.tracking;
    campaign.imageMode = request.imageMode;
    if (const Status added = CampaignRepository(database).insert(campaign); !added)
        return Output::failed(added.error().message);
    Output::line(QString::number(campaign.id));
    if (!request.at.isValid())
        return 0;
    // As the editor's Schedule button: the draft is stored first and stays a draft when scheduling is refused.
    const int scheduled = CampaignQueueing::queue(database, {campaign.id, request.at, request.anyway});
    if (scheduled != 0)
        Output::error(tr("Campaign %1 was kept as a draft.").arg(campaign.id));
    return scheduled;
}

QString CampaignActions::trackingText(Tracking tracking)
{
    return toString(tracking).replace(QLatin1Char('_'), QLatin1Char('-'));
}

bool CampaignActions::parseTracking(const QString& text, Tracking* tracking)
{
    for (const Tracking candidate : {Tracking::Off, Tracking::Anonymous, Tracking::PerRecipient}) {
        if (text.trimmed() == trackingText(candidate)) {
            *tracking = candidate;
            return true;
        }
    }
    return false;
}

bool CampaignActions::parseImageMode(const QString& text, ImageMode* mode)
{
    return fromString(text.trimmed(), mode);
}

int CampaignActions::pause(Database& database, qint64 campaignId)
{
    return move(database, campaignId, CampaignStatus::Sending, CampaignStatus::Paused);
}

int CampaignActions::resume(Database& database, qint64 campaignId)
{
    return move(database, campaignId, CampaignStatus::Paused, CampaignStatus::Sending);
}

int CampaignActions::cancel(Database& database, qint64 campaignId)
{
    // The Sending page offers Cancel on a sending or a paused campaign; anything else is refused by setStatus,
    // which names the status it found.
    auto stored = CampaignRepository(database).find(campaignId);
    if (!stored)
        return Output::failed(stored.error().message);
    const CampaignStatus from = stored->status == CampaignStatus::Paused ? CampaignStatus::Paused
                                                                         : CampaignStatus::Sending;
    return move(database, campaignId, from, CampaignStatus::Cancelled);
}

int CampaignActions::approve(Database& database, qint64 campaignId)
{
    auto stored = CampaignRepository(database).find(campaignId);
    if (!stored)
        return Output::failed(stored.error().message);
    // What the approver approves, for the record: the audience as queueing would count it now.
    auto size = AudienceCounter(database).countCampaignAudience(stored->audience);
    const qint64 recipients = size ? size->recipients : -1;
    CampaignApprovalRepository approvals(database);
    if (const Status approved = approvals.approve(stored.value(), recipients); !approved)
        return Output::failed(approved.error().message);
    auto state = approvals.state(stored.value());
    if (!state || !state->approval)
        return Output::failed(state ? tr("Campaign '%1' was not approved.").arg(stored->name) : state.error().message);
    Output::line(tr("Campaign '%1' is approved by %2 (%3 recipients).")
                     .arg(stored->name, state->approval->approvedBy,
                          recipients < 0 ? tr("unknown") : QLocale().toString(recipients)));
    return 0;
}

} // namespace herald::cli
