#include "EngagementTraffic.h"

#include "engagement/EngagementEventWriter.h"
#include "engagement/EngagementVerdict.h"

namespace herald::test {

EngagementRecord EngagementTraffic::event(EngagementKind kind, qint64 campaignId, qint64 sendId, int linkNo, qint64 atMs,
                                          const QString& reason, const QString& clientNet)
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
    record.machine = !EngagementVerdict::fromKey(reason)->isHuman();
    record.reason = reason;
    return record;
}

EngagementRecord EngagementTraffic::open(qint64 campaignId, qint64 sendId, qint64 atMs, const QString& reason,
                                         const QString& clientNet)
{
    return event(EngagementKind::Open, campaignId, sendId, 0, atMs, reason, clientNet);
}

EngagementRecord EngagementTraffic::click(qint64 campaignId, qint64 sendId, int linkNo, qint64 atMs, const QString& reason,
                                          const QString& clientNet)
{
    return event(EngagementKind::Click, campaignId, sendId, linkNo, atMs, reason, clientNet);
}

Status EngagementTraffic::write(Database& database, const QList<EngagementRecord>& events)
{
    return EngagementEventWriter(database).write(events);
}

Status EngagementTraffic::record(Database& database, const QList<EngagementRecord>& events, qint64 nowMs)
{
    if (const Status written = write(database, events); !written)
        return written;
    const auto rolled = rollUp(database, QStringLiteral("serve-a"), [nowMs] { return nowMs; });
    if (!rolled)
        return rolled.error();
    return {};
}

Result<RollupPass> EngagementTraffic::rollUp(Database& database, const QString& holder, EngagementRollup::Clock nowMs,
                                             int batch)
{
    EngagementRollup rollup(database, holder, std::move(nowMs));
    RollupPass total;
    for (int pass = 0; pass < 10'000; ++pass) {
        auto done = rollup.runOnce(batch);
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
