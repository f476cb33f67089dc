#include "AudienceCounter.h"

#include "BoundQuery.h"
#include "NonprofitCondition.h"
#include "SegmentRepository.h"

#include <QCoreApplication>

namespace herald {

Result<AudienceSize> AudienceCounter::count(const Audience& audience)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    NonprofitCondition condition(m_database.backend());
    condition.matching(audience).withStatus(NonprofitStatus::Active);
    BoundQuery query(db.value(),
                     QStringLiteral("SELECT count(*), COALESCE(sum(a.suppressed), 0), COALESCE(sum(CASE WHEN "
                                    "a.suppressed = 0 AND a.consent = :tracking_consent THEN 1 ELSE 0 END), 0) "
                                    "FROM (SELECT n.consent, CASE WHEN EXISTS (SELECT 1 FROM suppressions x "
                                    "WHERE x.email = lower(n.email)) THEN 1 ELSE 0 END AS suppressed "
                                    "FROM nonprofits n WHERE %1) a")
                         .arg(condition.sql()));
    condition.bindTo(query);
    query.bind(QStringLiteral(":tracking_consent"), perRecipientTrackingConsent());
    const QString what = tr("Could not count the audience \"%1\"").arg(audience.describe());
    if (auto done = query.execSingle(what, what); !done)
        return done.error();
    AudienceSize size;
    size.suppressed = query.value(1).toLongLong();
    size.recipients = query.value(0).toLongLong() - size.suppressed;
    size.trackablePerRecipient = query.value(2).toLongLong();
    return size;
}

Result<AudienceSize> AudienceCounter::countCampaignAudience(const QString& audienceJson)
{
    auto audience = SegmentRepository(m_database).resolve(audienceJson);
    if (!audience)
        return audience.error();
    return count(audience.value());
}

} // namespace herald
