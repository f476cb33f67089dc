#pragma once

#include "domain/Error.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

namespace herald {

// engagement_roller: which `herald serve` rolls events up now. One holder at a time; it renews its lease on every pass
// and another process takes over once the lease has lapsed (its holder died or lost the database).
class EngagementRollerLease
{
    Q_DECLARE_TR_FUNCTIONS(herald::EngagementRollerLease)
public:
    // Takes or renews the lease for `holder` until `untilMs`, on `db` inside the caller's transaction: on PostgreSQL the
    // row stays locked until it ends, so the roll-ups of two processes never overlap. False while another holder's
    // lease runs at `nowMs`.
    static Result<bool> take(const QSqlDatabase& db, const QString& holder, qint64 nowMs, qint64 untilMs);
    // Lets the lease go at once (on shutdown), so that another process need not wait for it to lapse.
    static Status release(const QSqlDatabase& db, const QString& holder);
};

} // namespace herald
