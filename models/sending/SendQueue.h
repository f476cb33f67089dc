#pragma once

#include "ClaimedSend.h"
#include "domain/Audience.h"
#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>

#include <functional>

namespace herald {

// The durable queue in the sends table: set-based enqueueing, leased claims (FOR UPDATE SKIP LOCKED
// on PostgreSQL, one writer transaction on SQLite), results written back in batches and fenced by
// the attempt number, and recovery of leases that expired.
class SendQueue
{
    Q_DECLARE_TR_FUNCTIONS(herald::SendQueue)
public:
    struct EnqueueCounts
    {
        qint64 pending = 0;
        qint64 suppressed = 0;
    };
    struct Recovered
    {
        qint64 returnedToPending = 0; // never reached a provider
        qint64 markedUnknown = 0;     // were being handed over when the lease ran out
    };

    SendQueue(Database& database, QString owner);

    // One row per recipient of the audience, in one statement; suppressed addresses are queued as
    // 'suppressed' (never sent, counted). Running it again adds only new recipients.
    Result<EnqueueCounts> enqueue(qint64 campaignId, const Audience& audience);
    // Leases up to `limit` due rows of campaigns that are sending.
    Result<QList<ClaimedSend>> claim(int limit, int leaseSeconds);
    // Notes that these rows are about to be handed to a provider (see handed_at). Returns the ids it
    // could mark: a row missing from the answer was taken over by another sender and must not be sent.
    Result<QSet<qint64>> markHanding(const QList<ClaimedSend>& rows);
    // Writes outcomes where the lease is still ours; returns how many rows were written. `alsoInTransaction`, when
    // given, runs in the same transaction before it commits (the engine counts the results for the dashboards):
    // both are written or neither.
    using InTransaction = std::function<Status(const QSqlDatabase&)>;
    Result<int> record(const QList<SendResult>& results, const InTransaction& alsoInTransaction = {});
    // Returns leased rows that were never handed over to the queue at once (on stop or pause).
    Status release(const QList<ClaimedSend>& rows);
    Result<Recovered> recoverExpiredLeases();
    // Campaigns with nothing left to send become completed; returns how many.
    Result<int> completeFinishedCampaigns();
    // Unknown rows of a campaign: send again (back to pending) or count as sent.
    Result<int> resolveUnknown(qint64 campaignId, bool resend);
    // Failed rows of a campaign, by id, back to pending for another attempt, in one statement. Fenced:
    // only rows of that campaign still failed change. Returns how many did.
    Result<int> retryFailed(qint64 campaignId, const QList<qint64>& sendIds);

    const QString& owner() const { return m_owner; }

private:
    Result<QList<ClaimedSend>> claimPostgres(const QSqlDatabase& db, int limit, int leaseSeconds);
    Result<QList<ClaimedSend>> claimSqlite(const QSqlDatabase& db, int limit, int leaseSeconds);
    QString recipientColumns() const;
    QString nowPlusMilliseconds(const QString& expression) const;
    // A completed campaign that got rows to send again goes back to sending.
    Status reopenCampaign(const QSqlDatabase& db, qint64 campaignId);

    Database& m_database;
    SqlDialect m_dialect;
    QString m_owner;
};

} // namespace herald
