#include "engagement/EngagementTally.h"

#include "engagement/EngagementVerdict.h"

namespace herald {

namespace {
void keepEarliest(std::optional<qint64>& first, qint64 atMs)
{
    if (!first || atMs < *first)
        first = atMs;
}

// Adds one to `unique` the first time only.
void countOnce(bool& counted, qint64& unique)
{
    if (!counted)
        ++unique;
    counted = true;
}
} // namespace

EngagementTally::EngagementTally(QHash<qint64, SendSoFar> sendsSoFar, std::map<SendLinkKey, SendLinkSoFar> sendLinksSoFar)
    : m_sendsSoFar(std::move(sendsSoFar)), m_sendLinksSoFar(std::move(sendLinksSoFar))
{
}

qint64 EngagementTally::hourStartOf(qint64 epochMs)
{
    const qint64 hourMs = 3600 * 1000;
    const qint64 hour = epochMs >= 0 ? epochMs / hourMs : -((-epochMs + hourMs - 1) / hourMs);
    return hour * 3600;
}

void EngagementTally::add(const StoredEngagementEvent& event, bool recipientKnown)
{
    // Anonymous tokens count in the totals only: with no recipient there is nothing to be unique about, and nothing
    // says whether the pixel loaded for the person behind an anonymous click, so it implies no open either.
    const qint64 sendId = event.perRecipient() && recipientKnown ? event.sendId : 0;
    if (event.isClick())
        addClick(event, sendId);
    else
        addOpen(event.campaignId, sendId, event.occurredAtMs, event.human, false);
}

void EngagementTally::addOpen(qint64 campaignId, qint64 sendId, qint64 atMs, bool human, bool implied)
{
    CampaignFigures& campaign = m_campaigns[{campaignId, human}];
    ++campaign.opens;
    campaign.impliedOpens += implied ? 1 : 0;
    ++m_hours[{campaignId, hourStartOf(atMs), human}].opens;
    if (sendId == 0)
        return;
    countOnce(human ? m_sendsSoFar[sendId].humanOpen : m_sendsSoFar[sendId].machineOpen, campaign.uniqueOpens);
    SendFigures& send = m_sends[sendId];
    send.campaignId = campaignId;
    keepEarliest(human ? send.firstHumanOpen : send.firstMachineOpen, atMs);
    ++(human ? send.humanOpens : send.machineEvents);
}

void EngagementTally::addClick(const StoredEngagementEvent& event, qint64 sendId)
{
    const bool human = event.human;
    if (sendId != 0 && human) {
        // A person who clicked read the message: the open counts even when the pixel did not load for them.
        const EngagementVerdict click = EngagementVerdict::fromKey(event.reason).value_or(EngagementVerdict{});
        if (impliedOpen(click, m_sendsSoFar.value(sendId).humanOpen))
            addOpen(event.campaignId, sendId, event.occurredAtMs, true, true);
    }
    CampaignFigures& campaign = m_campaigns[{event.campaignId, human}];
    ++campaign.clicks;
    ++m_hours[{event.campaignId, hourStartOf(event.occurredAtMs), human}].clicks;
    LinkFigures& link = m_links[{event.campaignId, event.linkNo, human}];
    ++link.clicks;
    if (sendId == 0)
        return;
    countOnce(human ? m_sendsSoFar[sendId].humanClick : m_sendsSoFar[sendId].machineClick, campaign.uniqueClicks);
    SendFigures& send = m_sends[sendId];
    send.campaignId = event.campaignId;
    keepEarliest(human ? send.firstHumanClick : send.firstMachineClick, event.occurredAtMs);
    ++(human ? send.humanClicks : send.machineEvents);

    SendLinkSoFar& linkSoFar = m_sendLinksSoFar[{sendId, event.linkNo}];
    countOnce(human ? linkSoFar.human : linkSoFar.machine, link.uniqueClickers);
    SendLinkFigures& sendLink = m_sendLinks[{sendId, event.linkNo}];
    sendLink.campaignId = event.campaignId;
    ++(human ? sendLink.humanClicks : sendLink.machineClicks);
}

} // namespace herald
