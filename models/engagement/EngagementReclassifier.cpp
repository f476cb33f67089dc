#include "engagement/EngagementReclassifier.h"

#include "engagement/BurstDetector.h"

#include <QSet>

namespace herald {

namespace {
// Whole seconds from delivery to the click, rounded down: a click "before" delivery (the clocks of herald serve and
// of the database differ a little) is as soon as can be.
qint64 secondsBetween(qint64 fromMs, qint64 toMs)
{
    const qint64 ms = toMs - fromMs;
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}
} // namespace

size_t qHash(const EngagementReclassifier::BurstKey& key, size_t seed)
{
    return qHashMulti(seed, key.campaignId, key.sendId, key.clientNet, key.agentClass);
}

EngagementReclassifier::BurstKey EngagementReclassifier::burstKeyOf(const StoredEngagementEvent& event)
{
    if (event.perRecipient())
        return {event.campaignId, event.sendId, {}, {}};
    return {event.campaignId, 0, event.clientNet, event.agentClass};
}

QHash<EngagementReclassifier::BurstKey, std::pair<qint64, qint64>>
EngagementReclassifier::neighbourSpans(const QList<StoredEngagementEvent>& batch)
{
    QHash<BurstKey, std::pair<qint64, qint64>> spans;
    for (const StoredEngagementEvent& event : batch) {
        if (!isCandidate(event))
            continue;
        const qint64 from = event.occurredAtMs - BurstDetector::WindowMs;
        const qint64 to = event.occurredAtMs + BurstDetector::WindowMs;
        auto span = spans.find(burstKeyOf(event));
        if (span == spans.end())
            spans.insert(burstKeyOf(event), {from, to});
        else
            *span = {std::min(span->first, from), std::max(span->second, to)};
    }
    return spans;
}

int EngagementReclassifier::apply(QList<StoredEngagementEvent>& batch, const Context& context) const
{
    // Every click of each key with candidates, once each: the stored neighbours and the batch's own.
    QHash<BurstKey, QHash<qint64, Click>> clicksByKey;
    for (const StoredEngagementEvent& event : std::as_const(batch)) {
        if (isCandidate(event))
            clicksByKey[burstKeyOf(event)];
    }
    for (auto key = clicksByKey.begin(); key != clicksByKey.end(); ++key) {
        for (const Click& click : context.clicksNear.value(key.key()))
            key->insert(click.id, click);
    }
    for (const StoredEngagementEvent& event : std::as_const(batch)) {
        const auto key = clicksByKey.find(burstKeyOf(event));
        if (event.isClick() && key != clicksByKey.end())
            key->insert(event.id, Click{event.id, event.occurredAtMs, event.linkNo});
    }

    QSet<qint64> inBurst;
    for (auto key = clicksByKey.cbegin(); key != clicksByKey.cend(); ++key) {
        QList<qint64> ids;
        QList<BurstDetector::Click> clicks;
        for (const Click& click : key.value()) {
            ids.append(click.id);
            clicks.append({click.atMs, click.linkNo});
        }
        const QList<bool> flags = BurstDetector::inBurst(clicks, context.trackedLinksByCampaign.value(key.key().campaignId));
        for (qsizetype i = 0; i < flags.size(); ++i) {
            if (flags.at(i))
                inBurst.insert(ids.at(i));
        }
    }

    int reclassified = 0;
    for (StoredEngagementEvent& event : batch) {
        if (!isCandidate(event))
            continue;
        EngagementEvent facts;
        facts.kind = EngagementKind::Click;
        facts.method = event.method.toLatin1();
        if (!fromString(event.agentClass, &facts.userAgent))
            facts.userAgent = UserAgentClass::Unknown;
        facts.hiddenLink = event.linkNo == 0;
        const auto sentAt = context.sentAtMsBySend.constFind(event.sendId);
        if (event.perRecipient() && sentAt != context.sentAtMsBySend.cend())
            facts.secondsSinceDelivery = secondsBetween(*sentAt, event.occurredAtMs);
        facts.inBurst = inBurst.contains(event.id);
        const EngagementVerdict verdict = m_classifier.classify(facts);
        if (verdict.isHuman())
            continue;
        event.human = false;
        event.reason = verdict.key();
        event.reclassified = true;
        ++reclassified;
    }
    return reclassified;
}

} // namespace herald
