#pragma once

#include "engagement/EngagementClassifier.h"
#include "engagement/StoredEngagementEvent.h"

#include <QHash>
#include <QList>
#include <QString>

#include <utility>

namespace herald {

// Applies the rules that need more than the request itself to the clicks the request-time rules called a person's:
// several links of one message fetched within a second (BurstDetector), and a click sooner after delivery than a
// person can read (EngagementClassifier::ScannerClickWindowSeconds after sends.sent_at). The verdict itself comes
// from EngagementClassifier, so every rule stays in its one table.
class EngagementReclassifier
{
public:
    // The clicks a burst is looked for among: one message's (per-recipient tokens: its send) or, for anonymous tokens,
    // one campaign's from one client network and User-Agent class (the nearest thing to "one message" they name).
    struct BurstKey
    {
        qint64 campaignId = 0;
        qint64 sendId = 0;
        QString clientNet;  // anonymous tokens only
        QString agentClass; // anonymous tokens only

        bool operator==(const BurstKey& other) const
        {
            return campaignId == other.campaignId && sendId == other.sendId && clientNet == other.clientNet
                && agentClass == other.agentClass;
        }
    };

    struct Click
    {
        qint64 id = 0;
        qint64 atMs = 0;
        int linkNo = 0;
    };

    struct Context
    {
        // Every stored click of each key within BurstDetector::WindowMs of its candidates (neighbourSpans()), rolled
        // up or not, whatever its verdict; the batch's own clicks may be among them.
        QHash<BurstKey, QList<Click>> clicksNear;
        // The campaign's tracked links, the hidden trap link included.
        QHash<qint64, int> trackedLinksByCampaign;
        // When each send's message was accepted by the receiving server (epoch ms), where known.
        QHash<qint64, qint64> sentAtMsBySend;
    };

    static BurstKey burstKeyOf(const StoredEngagementEvent& event);
    // A click the request-time rules called a person's: only those can still turn out to be a machine's.
    static bool isCandidate(const StoredEngagementEvent& event) { return event.human && event.isClick(); }
    // For each key with candidates in `batch`, the span of times whose clicks apply() needs to see.
    static QHash<BurstKey, std::pair<qint64, qint64>> neighbourSpans(const QList<StoredEngagementEvent>& batch);

    // Gives the candidates of `batch` their final verdict; returns how many became a machine's.
    int apply(QList<StoredEngagementEvent>& batch, const Context& context) const;

private:
    EngagementClassifier m_classifier;
};

size_t qHash(const EngagementReclassifier::BurstKey& key, size_t seed = 0);

} // namespace herald
