#pragma once

#include "domain/Error.h"
#include "engagement/EngagementReclassifier.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace herald {

// What one roll-up pass did, for the caller's log.
struct RollupPass
{
    bool leaseHeld = false;   // false: another process rolls up now, and this pass did nothing
    int rolled = 0;           // events added to the roll-ups and marked rolled up
    int reclassified = 0;     // of them, clicks the roll-up found to be a machine's (a burst, too soon after delivery)
    bool moreWaiting = false; // the batch was full: call again at once rather than in a second
};

// Keeps the roll-up tables (campaign_engagement, link_engagement, engagement_hourly, send_engagement,
// send_link_engagement) up to date with engagement_events, so reports never scan raw events. One thread of each
// `herald serve` calls runOnce() about every second; the lease in engagement_roller lets one process at a time do the
// work, and another take over when it dies.
//
// A pass, in one transaction: take or renew the lease; read the oldest events not rolled up that are SettleMs old;
// apply the rules that need neighbouring events to the clicks the request-time rules called a person's
// (EngagementReclassifier); add the batch to every roll-up table; mark the batch rolled up. The lease's row lock
// serialises passes, and marking only rows not yet rolled up, with the count checked, fences the rest: a pass that
// finds any of its events already counted rolls back, so no event is ever counted twice.
class EngagementRollup
{
    Q_DECLARE_TR_FUNCTIONS(herald::EngagementRollup)
public:
    // How old an event must be before it is rolled up: every `herald serve` has written it by then (they flush every
    // 250 ms), and a burst (BurstDetector::WindowMs) it belongs to is complete.
    static constexpr qint64 SettleMs = 2000;
    // How long a lease lasts without renewal; a holder renews it every pass (about every second).
    static constexpr qint64 LeaseMs = 5000;
    static constexpr int DefaultBatch = 5000;

    using Clock = std::function<qint64()>; // epoch ms

    // `holder` names this process in engagement_roller (unique per process: host, pid and start time).
    EngagementRollup(Database& database, QString holder, Clock nowMs = systemClock());

    // On the calling thread's connection.
    Result<RollupPass> runOnce(int maxEvents = DefaultBatch);
    // Gives the lease up (on shutdown) so another process takes over at once.
    Status release();

    const QString& holder() const { return m_holder; }
    static Clock systemClock();

private:
    Database& m_database;
    QString m_holder;
    Clock m_nowMs;
    EngagementReclassifier m_reclassifier;
};

} // namespace herald
