#pragma once

#include "engagement/StoredEngagementEvent.h"

#include <QHash>

#include <map>
#include <optional>
#include <tuple>
#include <utility>

namespace herald {

// Adds a batch of events with their final verdicts up into what each roll-up table gains: counts to add to the stored
// ones, and first times to keep where earlier. Unique counts and implied opens depend on what each send had before the
// batch, so the tally starts from that (SendSoFar, SendLinkSoFar) and keeps it up to date event by event.
class EngagementTally
{
public:
    struct SendSoFar // send_engagement: which first_* times are set
    {
        bool humanOpen = false;
        bool machineOpen = false;
        bool humanClick = false;
        bool machineClick = false;
    };
    struct SendLinkSoFar // send_link_engagement: which verdicts have clicks
    {
        bool human = false;
        bool machine = false;
    };

    struct CampaignFigures
    {
        qint64 opens = 0;
        qint64 clicks = 0;
        qint64 uniqueOpens = 0;
        qint64 uniqueClicks = 0;
        qint64 impliedOpens = 0;
    };
    struct LinkFigures
    {
        qint64 clicks = 0;
        qint64 uniqueClickers = 0;
    };
    struct HourFigures
    {
        qint64 opens = 0;
        qint64 clicks = 0;
    };
    struct SendFigures
    {
        qint64 campaignId = 0;
        std::optional<qint64> firstHumanOpen;
        std::optional<qint64> firstMachineOpen;
        std::optional<qint64> firstHumanClick;
        std::optional<qint64> firstMachineClick;
        qint64 humanOpens = 0;
        qint64 humanClicks = 0;
        qint64 machineEvents = 0;
    };
    struct SendLinkFigures
    {
        qint64 campaignId = 0;
        qint64 humanClicks = 0;
        qint64 machineClicks = 0;
    };

    using CampaignKey = std::pair<qint64, bool>;         // campaign, human
    using LinkKey = std::tuple<qint64, int, bool>;       // campaign, link, human
    using HourKey = std::tuple<qint64, qint64, bool>;    // campaign, hour start (epoch s), human
    using SendLinkKey = std::pair<qint64, int>;          // send, link

    EngagementTally(QHash<qint64, SendSoFar> sendsSoFar, std::map<SendLinkKey, SendLinkSoFar> sendLinksSoFar);

    // Call in time order. `recipientKnown`: the event's send still exists (deleted sends get totals only).
    void add(const StoredEngagementEvent& event, bool recipientKnown);

    const std::map<CampaignKey, CampaignFigures>& campaigns() const { return m_campaigns; }
    const std::map<LinkKey, LinkFigures>& links() const { return m_links; }
    const std::map<HourKey, HourFigures>& hours() const { return m_hours; }
    const std::map<qint64, SendFigures>& sends() const { return m_sends; }
    const std::map<SendLinkKey, SendLinkFigures>& sendLinks() const { return m_sendLinks; }

    // The start of the hour `epochMs` falls in, in epoch seconds (engagement_hourly.hour_start).
    static qint64 hourStartOf(qint64 epochMs);

private:
    void addOpen(qint64 campaignId, qint64 sendId, qint64 atMs, bool human, bool implied);
    void addClick(const StoredEngagementEvent& event, qint64 sendId);

    QHash<qint64, SendSoFar> m_sendsSoFar;
    std::map<SendLinkKey, SendLinkSoFar> m_sendLinksSoFar;
    std::map<CampaignKey, CampaignFigures> m_campaigns;
    std::map<LinkKey, LinkFigures> m_links;
    std::map<HourKey, HourFigures> m_hours;
    std::map<qint64, SendFigures> m_sends;
    std::map<SendLinkKey, SendLinkFigures> m_sendLinks;
};

} // namespace herald
