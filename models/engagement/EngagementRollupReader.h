#pragma once

#include "domain/Error.h"
#include "engagement/EngagementReclassifier.h"
#include "engagement/EngagementTally.h"
#include "engagement/StoredEngagementEvent.h"
#include "storage/SqlDialect.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>

#include <map>
#include <optional>

namespace herald {

// What one roll-up pass reads, on the caller's connection inside its transaction: the waiting events, and what the
// late rules and the unique counts need to know about them. Each read is one statement for the whole batch.
class EngagementRollupReader
{
    Q_DECLARE_TR_FUNCTIONS(herald::EngagementRollupReader)
public:
    struct SendFacts
    {
        std::optional<qint64> sentAtMs; // when the receiving server accepted the message
        EngagementTally::SendSoFar soFar;
    };

    EngagementRollupReader(const QSqlDatabase& db, const SqlDialect& dialect) : m_db(db), m_dialect(dialect) {}

    // The oldest events not rolled up yet that occurred at `upToMs` or before, at most `limit`.
    Result<QList<StoredEngagementEvent>> waitingEvents(qint64 upToMs, int limit);
    // The campaigns of `campaignIds` that still exist, with their tracked links (the hidden trap link included).
    Result<QHash<qint64, int>> trackedLinks(const QSet<qint64>& campaignIds);
    // The sends of `sendIds` that still exist: delivery time and what send_engagement holds for them.
    Result<QHash<qint64, SendFacts>> sends(const QSet<qint64>& sendIds);
    // The links the sends of `sendIds` have clicks on so far, by verdict.
    Result<std::map<EngagementTally::SendLinkKey, EngagementTally::SendLinkSoFar>> sendLinks(const QSet<qint64>& sendIds);
    // Every stored click of each key within its span (EngagementReclassifier::neighbourSpans).
    Result<QHash<EngagementReclassifier::BurstKey, QList<EngagementReclassifier::Click>>>
    clicksNear(const QHash<EngagementReclassifier::BurstKey, std::pair<qint64, qint64>>& spans);

private:
    QString notRolledUp() const;

    QSqlDatabase m_db;
    SqlDialect m_dialect;
};

} // namespace herald
