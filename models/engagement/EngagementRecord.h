#pragma once

#include "EngagementClassifier.h"

#include <QString>

namespace herald {

// One open or click as `herald serve` saw it, before it is written to engagement_events. The verdict and reason are
// what the rules could tell from the request alone; the roll-up may still find it part of a burst or too soon after
// delivery, and make it a machine's.
struct EngagementRecord
{
    qint64 campaignId = 0;
    qint64 sendId = 0;       // 0: anonymous token, no recipient
    int linkNo = 0;          // clicks: the campaign's link number, 0 for the hidden trap link
    EngagementKind kind = EngagementKind::Open;
    qint64 occurredAtMs = 0; // epoch ms
    QString method;          // GET or HEAD
    QString agentClass;      // UserAgentClass key
    QString clientNet;       // "203.0.113.0/24", "2001:db8:1::/48": never a full address
    bool machine = false;
    QString reason;          // the classifier's reason key
};

} // namespace herald
