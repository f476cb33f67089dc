#pragma once

#include "domain/Error.h"
#include "engagement/EngagementRecord.h"
#include "engagement/EngagementRollup.h"
#include "storage/Database.h"

#include <QList>

namespace herald::test {

// Opens and clicks as `herald serve` records them: EngagementRecords made from a classifier reason, written by the
// real EngagementEventWriter and rolled up by the real EngagementRollup, so the roll-ups hold what the server would
// have made of them (bursts and clicks too soon after delivery turned into machines' included).
class EngagementTraffic
{
public:
    // One event; `reason` is an EngagementVerdict key ("person", "apple_mpp", "scanner_agent"…), which decides whether
    // a person or a machine is recorded.
    static EngagementRecord event(qint64 campaignId, EngagementKind kind, qint64 sendId, int linkNo, qint64 atMs,
                                  const QString& reason = QStringLiteral("person"),
                                  const QString& clientNet = QStringLiteral("198.51.100.0/24"));
    static EngagementRecord open(qint64 campaignId, qint64 sendId, qint64 atMs,
                                 const QString& reason = QStringLiteral("person"));
    static EngagementRecord click(qint64 campaignId, qint64 sendId, int linkNo, qint64 atMs,
                                  const QString& reason = QStringLiteral("person"));

    // Writes the events and rolls everything waiting up, with the roll-up's clock at `nowMs`.
    static Status record(Database& database, const QList<EngagementRecord>& events, qint64 nowMs);
    // Roll-up passes of at most `batch` events, with the clock at `nowMs`, until none is waiting; their totals.
    static Result<RollupPass> rollUp(Database& database, qint64 nowMs, int batch = EngagementRollup::DefaultBatch,
                                     const QString& holder = QStringLiteral("serve-a"));
};

} // namespace herald::test
