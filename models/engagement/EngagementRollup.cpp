#include "engagement/EngagementRollup.h"

#include "engagement/EngagementRollerLease.h"
#include "engagement/EngagementRollupReader.h"
#include "engagement/EngagementRollupWriter.h"
#include "engagement/EngagementTally.h"
#include "storage/Transaction.h"

#include <QDateTime>

#include <algorithm>

namespace herald {

EngagementRollup::EngagementRollup(Database& database, QString holder, Clock nowMs)
    : m_database(database), m_holder(std::move(holder)), m_nowMs(std::move(nowMs))
{
}

EngagementRollup::Clock EngagementRollup::systemClock()
{
    return [] { return QDateTime::currentMSecsSinceEpoch(); };
}

Status EngagementRollup::release()
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    return EngagementRollerLease::release(db.value(), m_holder);
}

Result<RollupPass> EngagementRollup::runOnce(int maxEvents)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const SqlDialect dialect(m_database.backend());
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();

    const qint64 now = m_nowMs();
    RollupPass pass;
    auto lease = EngagementRollerLease::take(db.value(), m_holder, now, now + LeaseMs);
    if (!lease)
        return lease.error();
    if (!lease.value())
        return pass;
    pass.leaseHeld = true;

    EngagementRollupReader reader(db.value(), dialect);
    auto waiting = reader.waitingEvents(now - SettleMs, maxEvents);
    if (!waiting)
        return waiting.error();
    QList<StoredEngagementEvent> batch = std::move(waiting).value();
    if (batch.isEmpty()) {
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        return pass;
    }

    QSet<qint64> campaignIds;
    QSet<qint64> sendIds;
    for (const StoredEngagementEvent& event : std::as_const(batch)) {
        campaignIds.insert(event.campaignId);
        if (event.perRecipient())
            sendIds.insert(event.sendId);
    }
    auto trackedLinks = reader.trackedLinks(campaignIds);
    if (!trackedLinks)
        return trackedLinks.error();
    auto sends = reader.sends(sendIds);
    if (!sends)
        return sends.error();

    EngagementReclassifier::Context context;
    context.trackedLinksByCampaign = trackedLinks.value();
    QHash<qint64, EngagementTally::SendSoFar> sendsSoFar;
    QSet<qint64> sendsWithClicks;
    for (auto send = sends->cbegin(); send != sends->cend(); ++send) {
        if (send->sentAtMs)
            context.sentAtMsBySend.insert(send.key(), *send->sentAtMs);
        sendsSoFar.insert(send.key(), send->soFar);
    }
    const auto spans = EngagementReclassifier::neighbourSpans(batch);
    if (!spans.isEmpty()) {
        auto near = reader.clicksNear(spans);
        if (!near)
            return near.error();
        context.clicksNear = std::move(near).value();
    }
    pass.reclassified = m_reclassifier.apply(batch, context);

    for (const StoredEngagementEvent& event : std::as_const(batch)) {
        if (event.isClick() && sends->contains(event.sendId))
            sendsWithClicks.insert(event.sendId);
    }
    auto sendLinks = reader.sendLinks(sendsWithClicks);
    if (!sendLinks)
        return sendLinks.error();

    // In time order, so that "a click without a prior open" means prior.
    std::sort(batch.begin(), batch.end(), [](const StoredEngagementEvent& a, const StoredEngagementEvent& b) {
        return std::tie(a.occurredAtMs, a.id) < std::tie(b.occurredAtMs, b.id);
    });
    EngagementTally tally(std::move(sendsSoFar), std::move(sendLinks).value());
    for (const StoredEngagementEvent& event : std::as_const(batch)) {
        // A deleted campaign has nowhere to count; its events are only marked.
        if (trackedLinks->contains(event.campaignId))
            tally.add(event, sends->contains(event.sendId));
    }

    EngagementRollupWriter writer(db.value(), dialect);
    if (auto added = writer.add(tally); !added)
        return added.error();
    auto marked = writer.markRolledUp(batch);
    if (!marked)
        return marked.error();
    if (marked.value() != batch.size())
        return Error::make(Error::Kind::Conflict, tr("Another process rolled up some of these %n open(s) and click(s) first; "
                                                     "nothing was counted twice, and the next pass goes on from there",
                                                     nullptr, int(batch.size())));
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    pass.rolled = int(batch.size());
    pass.moreWaiting = batch.size() >= maxEvents;
    return pass;
}

} // namespace herald
