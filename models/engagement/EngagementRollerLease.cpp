#include "engagement/EngagementRollerLease.h"

#include "storage/BoundQuery.h"

namespace herald {

Result<bool> EngagementRollerLease::take(const QSqlDatabase& db, const QString& holder, qint64 nowMs, qint64 untilMs)
{
    BoundQuery query(db, QStringLiteral("UPDATE engagement_roller SET holder = :holder, lease_until = :until "
                                        "WHERE id = 1 AND (holder = :same_holder OR lease_until < :now)"),
                     BoundQuery::Lifetime::KeptPrepared);
    query.bind(QStringLiteral(":holder"), holder)
        .bind(QStringLiteral(":until"), untilMs)
        .bind(QStringLiteral(":same_holder"), holder)
        .bind(QStringLiteral(":now"), nowMs);
    if (auto done = query.exec(tr("Could not take the lease to roll up opens and clicks")); !done)
        return done.error();
    return query.numRowsAffected() == 1;
}

Status EngagementRollerLease::release(const QSqlDatabase& db, const QString& holder)
{
    BoundQuery query(db, QStringLiteral("UPDATE engagement_roller SET lease_until = 0 WHERE id = 1 AND holder = :holder"));
    query.bind(QStringLiteral(":holder"), holder);
    return query.exec(tr("Could not give up the lease to roll up opens and clicks"));
}

} // namespace herald
