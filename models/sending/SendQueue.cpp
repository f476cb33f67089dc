#include "SendQueue.h"

#include "storage/BoundQuery.h"
#include "storage/CampaignSendCounts.h"
#include "storage/JsonRows.h"
#include "storage/NonprofitCondition.h"
#include "storage/SqlErrors.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace herald {

namespace {
QString statusFor(const SendResult& result)
{
    switch (result.outcome.kind) {
    case DeliveryOutcome::Kind::Sent:
        return QStringLiteral("sent");
    case DeliveryOutcome::Kind::Unknown:
        return QStringLiteral("unknown");
    case DeliveryOutcome::Kind::Temporary:
        return result.retryDelayMs >= 0 ? QStringLiteral("pending") : QStringLiteral("failed");
    case DeliveryOutcome::Kind::Permanent:
        return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

Nonprofit readRecipient(const QSqlQuery& query, int first)
{
    Nonprofit recipient;
    recipient.id = query.value(first).toLongLong();
    recipient.name = query.value(first + 1).toString();
    recipient.email = query.value(first + 2).toString();
    recipient.ein = query.value(first + 3).toString();
    recipient.street = query.value(first + 4).toString();
    recipient.city = query.value(first + 5).toString();
    recipient.region = query.value(first + 6).toString();
    recipient.postalCode = query.value(first + 7).toString();
    recipient.country = query.value(first + 8).toString();
    recipient.consent = query.value(first + 9).toString(); // whether per-recipient tracking is allowed
    const QString tags = query.value(first + 10).toString();
    recipient.tags = tags.isEmpty() ? QStringList() : tags.split(QLatin1Char(','));
    return recipient;
}
} // namespace

SendQueue::SendQueue(Database& database, QString owner)
    : m_database(database), m_dialect(database.backend()), m_owner(std::move(owner))
{
}

QString SendQueue::nowPlusMilliseconds(const QString& expression) const
{
    if (m_dialect.isPostgres())
        return QStringLiteral("now() + (%1) * interval '1 millisecond'").arg(expression);
    return QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+' || ((%1) / 1000.0) || ' seconds')").arg(expression);
}

QString SendQueue::recipientColumns() const
{
    return QStringLiteral("n.id, n.name, n.email, n.ein, n.street, n.city, n.region, n.postal_code, n.country, n.consent, "
                          "(SELECT %1 FROM nonprofit_tags t WHERE t.nonprofit_id = n.id)")
        .arg(m_dialect.joinedAggregate(QStringLiteral("t.tag")));
}

Result<SendQueue::EnqueueCounts> SendQueue::enqueue(qint64 campaignId, const Audience& audience)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // The audience's own condition (shared with segments and the table), and only rows that may be mailed.
    NonprofitCondition condition(m_dialect.backend());
    condition.matching(audience).withStatus(NonprofitStatus::Active);
    BoundQuery insert(db.value(),
                      QStringLiteral("INSERT INTO sends (campaign_id, nonprofit_id, email, status) "
                                     "SELECT :campaign, n.id, lower(n.email), "
                                     "CASE WHEN EXISTS (SELECT 1 FROM suppressions x WHERE x.email = lower(n.email)) "
                                     "THEN 'suppressed' ELSE 'pending' END "
                                     "FROM nonprofits n WHERE %1 "
                                     "ON CONFLICT (campaign_id, nonprofit_id) DO NOTHING")
                          .arg(condition.sql()));
    insert.bind(QStringLiteral(":campaign"), campaignId);
    condition.bindTo(insert);
    if (auto done = insert.exec(tr("Could not queue campaign #%1").arg(campaignId)); !done)
        return done.error();

    auto counts = CampaignSendCounts(m_database).forCampaign(campaignId);
    if (!counts)
        return counts.error();
    EnqueueCounts result;
    result.pending = counts->of(SendStatus::Pending);
    result.suppressed = counts->of(SendStatus::Suppressed);
    return result;
}

Result<QList<ClaimedSend>> SendQueue::claim(int limit, int leaseSeconds)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    return m_dialect.isPostgres() ? claimPostgres(db.value(), limit, leaseSeconds) : claimSqlite(db.value(), limit, leaseSeconds);
}

Result<QList<ClaimedSend>> SendQueue::claimPostgres(const QSqlDatabase& db, int limit, int leaseSeconds)
{
    // SKIP LOCKED: concurrent claimers on other machines take other rows instead of waiting. Each sending
    // campaign's due rows are walked along sends_due_idx (campaign, due time), which stops at the limit, then the
    // earliest due of all campaigns are taken. Written so that no plan has to guess: a join of sends to
    // campaigns let a planner with statistics older than the queue read every pending row of the campaign and
    // sort them at each claim (41 ms per 500-row claim of 50,000; 0.7 ms this way), and a join of the claimed
    // rows as a table hashed every row of sends and nonprofits (80 ms); they are reached by key (= ANY of an
    // array, a LATERAL recipient lookup).
    BoundQuery query(db, QStringLiteral(
        "WITH due AS ("
        "  SELECT d.id FROM campaigns c CROSS JOIN LATERAL ("
        "   SELECT s.id, s.next_attempt_at FROM sends s"
        "   WHERE s.campaign_id = c.id AND s.status = 'pending' AND s.next_attempt_at <= now()"
        "   ORDER BY s.next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) d"
        "  WHERE c.status = 'sending' ORDER BY d.next_attempt_at LIMIT :limit),"
        " claimed AS ("
        "  UPDATE sends SET status = 'sending', attempts = sends.attempts + 1, lease_token = sends.lease_token + 1,"
        "   lease_owner = :owner, lease_until = now() + :lease * interval '1 second', handed_at = NULL"
        "  WHERE sends.id = ANY (ARRAY(SELECT id FROM due))"
        "  RETURNING sends.id, sends.campaign_id, sends.lease_token, sends.attempts, sends.email, sends.nonprofit_id)"
        " SELECT claimed.id, claimed.campaign_id, claimed.lease_token, claimed.attempts, claimed.email, r.*"
        " FROM claimed LEFT JOIN LATERAL (SELECT %1 FROM nonprofits n WHERE n.id = claimed.nonprofit_id) r ON true"
        " ORDER BY claimed.id").arg(recipientColumns()), BoundQuery::Lifetime::KeptPrepared);
    query.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":owner"), m_owner).bind(QStringLiteral(":lease"), leaseSeconds);
    if (auto done = query.exec(tr("Could not claim messages to send")); !done)
        return done.error();
    QList<ClaimedSend> claimed;
    while (query.next()) {
        ClaimedSend row;
        row.id = query.value(0).toLongLong();
        row.campaignId = query.value(1).toLongLong();
        row.token = query.value(2).toInt();
        row.attempt = query.value(3).toInt();
        row.recipient = readRecipient(query.query(), 5);
        row.recipient.email = query.value(4).toString(); // the address queued, even if the row changed since
        claimed << row;
    }
    return claimed;
}

Result<QList<ClaimedSend>> SendQueue::claimSqlite(const QSqlDatabase& db, int limit, int leaseSeconds)
{
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    BoundQuery update(db, QStringLiteral(
        "UPDATE sends SET status = 'sending', attempts = attempts + 1, lease_token = lease_token + 1, lease_owner = :owner,"
        " lease_until = %1, handed_at = NULL"
        " WHERE id IN (SELECT s.id FROM sends s JOIN campaigns c ON c.id = s.campaign_id"
        "  WHERE s.status = 'pending' AND s.next_attempt_at <= %2 AND c.status = 'sending'"
        "  ORDER BY s.next_attempt_at, s.id LIMIT :limit)"
        " RETURNING id, campaign_id, lease_token, attempts, email, nonprofit_id").arg(nowPlusMilliseconds(QStringLiteral(":lease * 1000")), m_dialect.now()), BoundQuery::Lifetime::KeptPrepared);
    update.bind(QStringLiteral(":owner"), m_owner).bind(QStringLiteral(":lease"), leaseSeconds).bind(QStringLiteral(":limit"), limit);
    if (auto done = update.exec(tr("Could not claim messages to send")); !done)
        return done.error();
    QList<ClaimedSend> claimed;
    QHash<qint64, QList<int>> byNonprofit;
    QJsonArray nonprofitIds;
    while (update.next()) {
        ClaimedSend row;
        row.id = update.value(0).toLongLong();
        row.campaignId = update.value(1).toLongLong();
        row.token = update.value(2).toInt();
        row.attempt = update.value(3).toInt();
        row.recipient.email = update.value(4).toString();
        const qint64 nonprofitId = update.value(5).toLongLong();
        byNonprofit[nonprofitId] << int(claimed.size());
        nonprofitIds << nonprofitId;
        claimed << row;
    }
    update.finish();
    if (!claimed.isEmpty()) {
        BoundQuery recipients(db, QStringLiteral("SELECT %1 FROM nonprofits n WHERE n.id IN (SELECT value FROM json_each(:ids))")
                                      .arg(recipientColumns()), BoundQuery::Lifetime::KeptPrepared);
        recipients.bind(QStringLiteral(":ids"), JsonRows::text(nonprofitIds));
        if (auto done = recipients.exec(tr("Could not read the recipients of claimed messages")); !done)
            return done.error();
        while (recipients.next()) {
            const Nonprofit recipient = readRecipient(recipients.query(), 0);
            for (const int index : byNonprofit.value(recipient.id)) {
                const QString queuedEmail = claimed[index].recipient.email;
                claimed[index].recipient = recipient;
                claimed[index].recipient.email = queuedEmail;
            }
        }
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    std::sort(claimed.begin(), claimed.end(), [](const ClaimedSend& a, const ClaimedSend& b) { return a.id < b.id; });
    return claimed;
}

namespace {
// Leased rows as (id, token) pairs: every fenced write about them matches both.
QString leasedRowsSource(const SqlDialect& dialect) { return JsonRows::source(dialect, {{"id", "bigint"}, {"token", "integer"}}); }

QString leasedRowsJson(const QList<ClaimedSend>& rows)
{
    QJsonArray array;
    for (const ClaimedSend& row : rows)
        array << QJsonObject{{QStringLiteral("id"), row.id}, {QStringLiteral("token"), row.token}};
    return JsonRows::text(array);
}

// The rows' ids, for JsonRows::keyIn: the fenced writes reach them by primary key.
template<typename Rows>
QString idsJson(const Rows& rows)
{
    QJsonArray array;
    for (const auto& row : rows)
        array << row.id;
    return JsonRows::text(array);
}
} // namespace

Result<QSet<qint64>> SendQueue::markHanding(const QList<ClaimedSend>& rows)
{
    if (rows.isEmpty())
        return QSet<qint64>();
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("UPDATE sends SET handed_at = %1 FROM %2 "
                                                "WHERE %3 AND sends.id = r.id AND sends.lease_token = r.token AND sends.status = 'sending' "
                                                "RETURNING sends.id")
                                     .arg(m_dialect.now(), leasedRowsSource(m_dialect), JsonRows::keyIn(m_dialect, QStringLiteral("sends.id"), QStringLiteral(":ids"))),
                     BoundQuery::Lifetime::KeptPrepared);
    query.bind(QStringLiteral(":rows"), leasedRowsJson(rows)).bind(QStringLiteral(":ids"), idsJson(rows));
    if (auto done = query.exec(tr("Could not mark %n message(s) as being sent", nullptr, int(rows.size()))); !done)
        return done.error();
    QSet<qint64> marked;
    while (query.next())
        marked.insert(query.value(0).toLongLong());
    return marked;
}

Status SendQueue::release(const QList<ClaimedSend>& rows)
{
    if (rows.isEmpty())
        return {};
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // Never handed over: the attempt the claim counted was not made.
    BoundQuery query(db.value(), QStringLiteral("UPDATE sends SET status = 'pending', handed_at = NULL, lease_owner = NULL, "
                                                "lease_until = NULL, attempts = CASE WHEN sends.attempts > 0 THEN sends.attempts - 1 ELSE 0 END "
                                                "FROM %1 "
                                                "WHERE %2 AND sends.id = r.id AND sends.lease_token = r.token AND sends.status = 'sending'")
                                     .arg(leasedRowsSource(m_dialect), JsonRows::keyIn(m_dialect, QStringLiteral("sends.id"), QStringLiteral(":ids"))),
                     BoundQuery::Lifetime::KeptPrepared);
    query.bind(QStringLiteral(":rows"), leasedRowsJson(rows)).bind(QStringLiteral(":ids"), idsJson(rows));
    return query.exec(tr("Could not return %n message(s) to the queue", nullptr, int(rows.size())));
}

Result<int> SendQueue::record(const QList<SendResult>& results, const InTransaction& alsoInTransaction)
{
    if (results.isEmpty())
        return 0;
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    QJsonArray rows;
    bool anyHardBounce = false;
    for (const SendResult& result : results) {
        const bool hardBounce = result.outcome.kind == DeliveryOutcome::Kind::Permanent && result.outcome.hardBounce;
        anyHardBounce = anyHardBounce || hardBounce;
        rows << QJsonObject{
            {QStringLiteral("id"), result.id},
            {QStringLiteral("token"), result.token},
            {QStringLiteral("status"), statusFor(result)},
            {QStringLiteral("code"), result.outcome.code},
            {QStringLiteral("error"), result.outcome.isSent() ? QJsonValue() : QJsonValue(result.outcome.text)},
            {QStringLiteral("provider"), result.provider},
            {QStringLiteral("message_id"), result.messageId},
            {QStringLiteral("provider_message_id"), result.outcome.providerMessageId},
            {QStringLiteral("latency"), result.latencyMs},
            {QStringLiteral("delay"), result.retryDelayMs},
            {QStringLiteral("email"), result.email},
            {QStringLiteral("bounce"), hardBounce ? 1 : 0},
        };
    }
    const QString source = JsonRows::source(m_dialect, {{"id", "bigint"}, {"token", "integer"}, {"status", "text"}, {"code", "integer"},
                                                {"error", "text"}, {"provider", "text"}, {"message_id", "text"},
                                                {"provider_message_id", "text"}, {"latency", "integer"}, {"delay", "bigint"}, {"email", "text"},
                                                {"bounce", "integer"}});
    const QString json = JsonRows::text(rows);
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // The token check is the fence: a sender whose lease was taken over writes nothing. A row that
    // recovery marked unknown may still take the outcome of the sender that held it.
    BoundQuery update(db.value(), QStringLiteral(
        "UPDATE sends SET status = r.status, smtp_code = NULLIF(r.code, 0), error = r.error, provider = r.provider,"
        " message_id = CASE WHEN r.status = 'sent' THEN r.message_id ELSE sends.message_id END,"
        " provider_message_id = CASE WHEN r.status = 'sent' THEN NULLIF(r.provider_message_id, '') ELSE sends.provider_message_id END,"
        " failed_at = CASE WHEN r.status = 'failed' THEN %1 ELSE sends.failed_at END,"
        " latency_ms = r.latency,"
        " sent_at = CASE WHEN r.status = 'sent' THEN %1 ELSE sends.sent_at END,"
        " next_attempt_at = CASE WHEN r.status = 'pending' THEN %2 ELSE sends.next_attempt_at END,"
        " handed_at = CASE WHEN r.status = 'pending' THEN NULL ELSE sends.handed_at END,"
        " lease_owner = NULL, lease_until = NULL"
        " FROM %3 WHERE %4 AND sends.id = r.id AND sends.lease_token = r.token AND sends.status IN ('sending', 'unknown')")
        .arg(m_dialect.now(), nowPlusMilliseconds(QStringLiteral("r.delay")), source,
             JsonRows::keyIn(m_dialect, QStringLiteral("sends.id"), QStringLiteral(":ids"))), BoundQuery::Lifetime::KeptPrepared);
    update.bind(QStringLiteral(":rows"), json).bind(QStringLiteral(":ids"), idsJson(results));
    if (auto done = update.exec(tr("Could not record the outcome of %n message(s)", nullptr, int(results.size()))); !done)
        return done.error();
    const int written = update.numRowsAffected();
    if (anyHardBounce) {
        // The mailbox does not exist: never mail it again, from any campaign.
        BoundQuery suppress(db.value(), QStringLiteral(
            "INSERT INTO suppressions (email, reason, source) SELECT lower(r.email), 'hard_bounce', COALESCE(r.error, '')"
            " FROM %1 WHERE r.bounce = 1 ON CONFLICT (email) DO NOTHING").arg(source));
        suppress.bind(QStringLiteral(":rows"), json);
        if (auto done = suppress.exec(tr("Could not add hard bounces to the suppression list")); !done)
            return done.error();
        BoundQuery mark(db.value(), QStringLiteral(
            "UPDATE nonprofits SET status = 'bounced', version = version + 1, updated_at = %1"
            " WHERE status = 'active' AND lower(email) IN (SELECT lower(r.email) FROM %2 WHERE r.bounce = 1)")
            .arg(m_dialect.now(), source));
        mark.bind(QStringLiteral(":rows"), json);
        if (auto done = mark.exec(tr("Could not mark bounced nonprofits")); !done)
            return done.error();
    }
    if (alsoInTransaction) {
        if (auto done = alsoInTransaction(db.value()); !done)
            return done.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return written;
}

Result<SendQueue::Recovered> SendQueue::recoverExpiredLeases()
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    BoundQuery expire(db.value(), QStringLiteral(
        "UPDATE sends SET status = CASE WHEN handed_at IS NULL THEN 'pending' ELSE 'unknown' END,"
        " error = CASE WHEN handed_at IS NULL THEN error ELSE :why END, lease_owner = NULL, lease_until = NULL,"
        " attempts = CASE WHEN handed_at IS NULL AND attempts > 0 THEN attempts - 1 ELSE attempts END" // never handed over
        " WHERE status = 'sending' AND lease_until < %1 AND campaign_id IN (SELECT id FROM campaigns)" // on sends_campaign_status_idx
        " RETURNING status").arg(m_dialect.now()));
    expire.bind(QStringLiteral(":why"), tr("The sender stopped while handing this message to the provider; it may or "
                                           "may not have been delivered."));
    if (auto done = expire.exec(tr("Could not recover expired leases")); !done)
        return done.error();
    Recovered recovered;
    while (expire.next()) {
        if (expire.value(0).toString() == QLatin1String("pending"))
            ++recovered.returnedToPending;
        else
            ++recovered.markedUnknown;
    }
    expire.finish();
    // Campaigns whose policy decides for the user.
    BoundQuery resend(db.value(), QStringLiteral(
        "UPDATE sends SET status = 'pending', handed_at = NULL, next_attempt_at = %1"
        " WHERE status = 'unknown' AND campaign_id IN (SELECT id FROM campaigns WHERE unknown_policy = 'resend')").arg(m_dialect.now()));
    if (auto done = resend.exec(tr("Could not resend messages of unknown outcome")); !done)
        return done.error();
    BoundQuery markSent(db.value(), QStringLiteral(
        "UPDATE sends SET status = 'sent', sent_at = COALESCE(handed_at, %1)"
        " WHERE status = 'unknown' AND campaign_id IN (SELECT id FROM campaigns WHERE unknown_policy = 'mark_sent')").arg(m_dialect.now()));
    if (auto done = markSent.exec(tr("Could not mark messages of unknown outcome as sent")); !done)
        return done.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return recovered;
}

Result<int> SendQueue::completeFinishedCampaigns()
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral(
        "UPDATE campaigns SET status = 'completed', updated_at = %1, version = version + 1"
        " WHERE status = 'sending' AND NOT EXISTS (SELECT 1 FROM sends s WHERE s.campaign_id = campaigns.id"
        " AND s.status IN ('pending', 'sending'))").arg(m_dialect.now()));
    if (auto done = query.exec(tr("Could not complete finished campaigns")); !done)
        return done.error();
    return query.numRowsAffected();
}

Result<int> SendQueue::resolveUnknown(qint64 campaignId, bool resend)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), resend
        ? QStringLiteral("UPDATE sends SET status = 'pending', handed_at = NULL, error = NULL, next_attempt_at = %1"
                         " WHERE campaign_id = :campaign AND status = 'unknown'").arg(m_dialect.now())
        : QStringLiteral("UPDATE sends SET status = 'sent', sent_at = COALESCE(handed_at, %1)"
                         " WHERE campaign_id = :campaign AND status = 'unknown'").arg(m_dialect.now()));
    query.bind(QStringLiteral(":campaign"), campaignId);
    if (auto done = query.exec(tr("Could not resolve messages of unknown outcome in campaign #%1").arg(campaignId)); !done)
        return done.error();
    const int changed = query.numRowsAffected(); // read now: SQLite reports the connection's last statement
    if (resend && changed > 0) {
        if (auto reopened = reopenCampaign(db.value(), campaignId); !reopened)
            return reopened.error();
    }
    return changed;
}

Status SendQueue::reopenCampaign(const QSqlDatabase& db, qint64 campaignId)
{
    BoundQuery reopen(db, QStringLiteral("UPDATE campaigns SET status = 'sending' WHERE id = :campaign AND status = 'completed'"));
    reopen.bind(QStringLiteral(":campaign"), campaignId);
    return reopen.exec(tr("Could not reopen campaign #%1").arg(campaignId));
}

Result<int> SendQueue::retryFailed(qint64 campaignId, const QList<qint64>& sendIds)
{
    if (sendIds.isEmpty())
        return 0;
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    QJsonArray ids;
    for (const qint64 id : sendIds)
        ids << QJsonObject{{QStringLiteral("id"), id}};
    BoundQuery query(db.value(), QStringLiteral(
        "UPDATE sends SET status = 'pending', error = NULL, smtp_code = NULL, handed_at = NULL, next_attempt_at = %1"
        " FROM %2 WHERE sends.id = r.id AND sends.campaign_id = :campaign AND sends.status = 'failed'")
        .arg(m_dialect.now(), JsonRows::source(m_dialect, {{"id", "bigint"}})));
    query.bind(QStringLiteral(":rows"), JsonRows::text(ids)).bind(QStringLiteral(":campaign"), campaignId);
    if (auto done = query.exec(tr("Could not retry %n failed message(s) of campaign #%1", nullptr, int(sendIds.size())).arg(campaignId)); !done)
        return done.error();
    const int changed = query.numRowsAffected();
    if (changed > 0) {
        if (auto reopened = reopenCampaign(db.value(), campaignId); !reopened)
            return reopened.error();
    }
    return changed;
}

} // namespace herald
