#pragma once

#include "domain/Error.h"
#include "engagement/EngagementRecord.h"
#include "engagement/EngagementRollup.h"
#include "storage/Database.h"

#include <QList>
#include <QString>

namespace herald::test {

// Opens and clicks as `herald serve` records them: EngagementRecords with the request-time verdict of a reason key
// ("person", "scanner_agent", "apple_mpp" …), written by EngagementEventWriter and rolled up by EngagementRollup, so
// that what reads the roll-ups is tested on what the real writers leave.
class EngagementTraffic
{
public:
    // sendId 0: an anonymous token. The agent class follows the reason (a scanner's, or a browser's).
    static EngagementRecord event(EngagementKind kind, qint64 campaignId, qint64 sendId, int linkNo, qint64 atMs,
                                  const QString& reason, const QString& clientNet);
    static EngagementRecord open(qint64 campaignId, qint64 sendId, qint64 atMs,
                                 const QString& reason = QStringLiteral("person"),
                                 const QString& clientNet = QStringLiteral("198.51.100.0/24"));
    static EngagementRecord click(qint64 campaignId, qint64 sendId, int linkNo, qint64 atMs,
                                  const QString& reason = QStringLiteral("person"),
                                  const QString& clientNet = QStringLiteral("198.51.100.0/24"));

    static Status write(Database& database, const QList<EngagementRecord>& events);
    // Writes the events and rolls everything waiting up, with the roll-up's clock at `nowMs`.
    static Status record(Database& database, const QList<EngagementRecord>& events, qint64 nowMs);
    // Runs passes of at most `batch` events until none is waiting; the passes' totals.
    static Result<RollupPass> rollUp(Database& database, const QString& holder, EngagementRollup::Clock nowMs,
                                     int batch = EngagementRollup::DefaultBatch);
};

} // namespace herald::test
