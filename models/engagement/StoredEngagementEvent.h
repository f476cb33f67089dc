#pragma once

#include "engagement/EngagementClassifier.h"

#include <QString>

namespace herald {

// One row of engagement_events as the roll-up reads it: what it counts, and what the rules that need neighbouring
// events look at. `human` and `reason` start as the request-time classifier left them.
struct StoredEngagementEvent
{
    qint64 id = 0;
    qint64 campaignId = 0;
    qint64 sendId = 0; // 0: an anonymous token, no recipient
    EngagementKind kind = EngagementKind::Open;
    int linkNo = 0; // clicks: the campaign's link number, 0 for the hidden trap link
    qint64 occurredAtMs = 0;
    QString method;
    QString agentClass; // UserAgentClass key
    QString clientNet;  // the client's /24 or /48
    bool human = true;
    QString reason;            // EngagementVerdict key
    bool reclassified = false; // the roll-up made it a machine's

    bool isClick() const { return kind == EngagementKind::Click; }
    bool perRecipient() const { return sendId > 0; }
};

} // namespace herald
