#include "EngagementRetention.h"

#include "storage/AppSettingsRepository.h"
#include "storage/BoundQuery.h"

#include <algorithm>

namespace herald {

namespace {
const QString MonthsKey = QStringLiteral("engagement.retention_months");
} // namespace

Result<int> EngagementRetention::months()
{
    auto stored = AppSettingsRepository(m_database).value(MonthsKey);
    if (!stored)
        return stored.error().kind == Error::Kind::NotFound ? Result<int>(DefaultMonths) : stored.error();
    bool ok = false;
    const int value = stored->toInt(&ok);
    return ok && problem(value).isEmpty() ? value : DefaultMonths;
}

QString EngagementRetention::problem(int months)
{
    if (months < 1 || months > MaximumMonths)
        return tr("Opens and clicks are kept 1 to %1 months.").arg(MaximumMonths);
    return {};
}

Status EngagementRetention::setMonths(int months)
{
    if (const QString why = problem(months); !why.isEmpty())
        return Error::validation(QStringLiteral("retention_months"), why);
    return AppSettingsRepository(m_database).setValue(MonthsKey, QString::number(months));
}

QDateTime EngagementRetention::cutoff(const QDateTime& now, int months)
{
    return now.toUTC().addMonths(-months);
}

Result<qint64> EngagementRetention::prune(const JobControl& control, const QDateTime& now, int batchSize)
{
    auto period = months();
    if (!period)
        return period.error();
    const qint64 before = cutoff(now, period.value()).toMSecsSinceEpoch();
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // Along the index on occurred_at; an event not rolled up yet would leave a hole in the roll-ups, so it stays.
    const QString old = QStringLiteral("SELECT id FROM engagement_events WHERE occurred_at < :before AND rolled_up "
                                       "ORDER BY occurred_at LIMIT :batch");
    BoundQuery counter(db.value(), QStringLiteral("SELECT count(*) FROM engagement_events "
                                                  "WHERE occurred_at < :before AND rolled_up"));
    counter.bind(QStringLiteral(":before"), before);
    const QString what = tr("Could not remove opens and clicks older than %n month(s)", nullptr, period.value());
    if (auto done = counter.execSingle(what, what); !done)
        return done.error();
    const qint64 total = counter.value(0).toLongLong();
    counter.finish();
    qint64 deleted = 0;
    control.report(0, total);
    while (!control.cancelled()) {
        // One short statement (and transaction) a batch: `herald serve` keeps writing meanwhile.
        BoundQuery batch(db.value(), QStringLiteral("DELETE FROM engagement_events WHERE id IN (%1)").arg(old));
        batch.bind(QStringLiteral(":before"), before).bind(QStringLiteral(":batch"), batchSize);
        if (auto done = batch.exec(what); !done)
            return done.error();
        const int removed = batch.numRowsAffected();
        deleted += removed;
        control.report(deleted, std::max(deleted, total));
        if (removed < batchSize)
            break;
    }
    return deleted;
}

} // namespace herald
