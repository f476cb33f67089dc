#include "EngagementTraffic.h"

#include "engagement/EngagementEventWriter.h"
#include "engagement/EngagementVerdict.h"

namespace herald::test {

EngagementRecord EngagementTraffic::event(qint64 campaignId, EngagementKind kind, qint64 sendId, int linkNo,
                                          qint64 atMs, const QString& reason, const QString& clientNet)
{
    EngagementRecord record;
    record.campaignId = campaignId;
    record.sendId = sendId;
    record.linkNo = linkNo;
    record.kind = kind;
    record.occurredAtMs = atMs;
    record.method = QStringLiteral("GET");
    record.agentClass = reason == QLatin1String("scanner_agent") ? QStringLiteral("link_scanner") : QStringLiteral("browser");
    record.clientNet = clientNet;
    const auto verdict = EngagementVerdict::fromKey(reason);
    record.machine = verdict && !verdict->isHuman();
    record.reason = reason;
    return record;
}

EngagementRecord EngagementTraffic::open(qint64 campaignId, qint64 sendId, qint64 atMs, const QString& reason)
{
    return event(campaignId, EngagementKind::Open, sendId, 0, atMs, reason);
}

EngagementRecord EngagementTraffic::click(qint64 campaignId, qint64 sendId, int linkNo, qint64 atMs,
                                          const QString& reason)
{
    return event(campaignId, EngagementKind::Click, sendId, linkNo, atMs, reason);
}

Status EngagementTraffic::record(Database& database, const QList<EngagementRecord>& events, qint64 nowMs)
{
    if (const Status written = EngagementEventWriter(database).write(events); !written)
        return written;
    const auto rolled = rollUp(database, nowMs);
    if (!rolled)
        return rolled.error();
    return {};
}

Result<RollupPass> EngagementTraffic::rollUp(Database& database, qint64 nowMs, int batch, const QString& holder)
{
    EngagementRollup rollup(database, holder, [nowMs] { return nowMs; });
    RollupPass total;
    for (int pass = 0; pass < 10'000; ++pass) {
        const auto done = rollup.runOnce(batch);
        if (!done)
            return done.error();
        total.leaseHeld = done->leaseHeld;
        total.rolled += done->rolled;
        total.reclassified += done->reclassified;
        if (!done->moreWaiting)
            break;
    }
    return total;
}

} // namespace herald::test
