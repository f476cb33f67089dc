#include "SendRepository.h"

#include "BoundQuery.h"
#include "CampaignSendCounts.h"
#include "SqlErrors.h"

#include <QCoreApplication>

namespace herald {

namespace {
const QString SelectColumns = QStringLiteral(
    "SELECT id, campaign_id, nonprofit_id, email, status, attempts, next_attempt_at, lease_owner, lease_until, "
    "provider, message_id, smtp_code, error, queued_at, sent_at, latency_ms FROM sends ");

// 0 means "none" for the optional numbers of a send; the column holds NULL then.
QVariant nullIfZero(qint64 value) { return value == 0 ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(value); }
} // namespace

SendRepository::SendRepository(Database& database) : m_database(database), m_dialect(database.backend()) {}

Send SendRepository::readRow(const QSqlQuery& query)
{
    Send row;
    row.id = query.value(0).toLongLong();
    row.campaignId = query.value(1).toLongLong();
    row.nonprofitId = query.value(2).toLongLong();
    row.email = query.value(3).toString();
    fromString(query.value(4).toString(), &row.status);
    row.attempts = query.value(5).toInt();
    row.nextAttemptAt = SqlDialect::readTimestamp(query.value(6));
    row.leaseOwner = query.value(7).toString();
    row.leaseUntil = SqlDialect::readTimestamp(query.value(8));
    row.provider = query.value(9).toString();
    row.messageId = query.value(10).toString();
    row.smtpCode = query.value(11).toInt();
    row.error = query.value(12).toString();
    row.queuedAt = SqlDialect::readTimestamp(query.value(13));
    row.sentAt = SqlDialect::readTimestamp(query.value(14));
    row.latencyMs = query.value(15).toInt();
    return row;
}

Status SendRepository::insert(Send& send)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(),
                     QStringLiteral("INSERT INTO sends (campaign_id, nonprofit_id, email, status, attempts, "
                                    "next_attempt_at, lease_owner, lease_until, provider, message_id, smtp_code, "
                                    "error, queued_at, sent_at, latency_ms) VALUES (:campaign_id, :nonprofit_id, "
                                    ":email, :status, :attempts, COALESCE(:next_attempt_at, %1), :lease_owner, "
                                    ":lease_until, :provider, :message_id, :smtp_code, :error, "
                                    "COALESCE(:queued_at, %1), :sent_at, :latency_ms) "
                                    "RETURNING id, next_attempt_at, queued_at")
                         .arg(m_dialect.now()));
    query.bind(QStringLiteral(":campaign_id"), send.campaignId)
        .bind(QStringLiteral(":nonprofit_id"), nullIfZero(send.nonprofitId))
        .bind(QStringLiteral(":email"), send.email)
        .bind(QStringLiteral(":status"), toString(send.status))
        .bind(QStringLiteral(":attempts"), send.attempts)
        .bind(QStringLiteral(":next_attempt_at"), m_dialect.timestamp(send.nextAttemptAt))
        .bind(QStringLiteral(":lease_owner"), BoundQuery::nullIfEmpty(send.leaseOwner))
        .bind(QStringLiteral(":lease_until"), m_dialect.timestamp(send.leaseUntil))
        .bind(QStringLiteral(":provider"), BoundQuery::nullIfEmpty(send.provider))
        .bind(QStringLiteral(":message_id"), BoundQuery::nullIfEmpty(send.messageId))
        .bind(QStringLiteral(":smtp_code"), nullIfZero(send.smtpCode))
        .bind(QStringLiteral(":error"), BoundQuery::nullIfEmpty(send.error))
        .bind(QStringLiteral(":queued_at"), m_dialect.timestamp(send.queuedAt))
        .bind(QStringLiteral(":sent_at"), m_dialect.timestamp(send.sentAt))
        .bind(QStringLiteral(":latency_ms"), nullIfZero(send.latencyMs));
    if (auto done = query.execSingle(tr("Could not queue '%1' for campaign #%2")
                                         .arg(send.email, QString::number(send.campaignId)),
                                     tr("The queue did not return the new send."));
        !done)
        return done;
    send.id = query.value(0).toLongLong();
    send.nextAttemptAt = SqlDialect::readTimestamp(query.value(1));
    send.queuedAt = SqlDialect::readTimestamp(query.value(2));
    query.finish();
    return {};
}

Result<Send> SendRepository::find(qint64 id)
{
    return BoundQuery::selectOne(m_database, SelectColumns + QStringLiteral("WHERE id = :key"), id,
                                 tr("Could not read send #%1").arg(id), tr("Send #%1 does not exist.").arg(id),
                                 &SendRepository::readRow);
}

Result<Send> SendRepository::findForRecipient(qint64 campaignId, qint64 nonprofitId)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), SelectColumns + QStringLiteral("WHERE campaign_id = :campaign_id AND nonprofit_id = :nonprofit_id"));
    query.bind(QStringLiteral(":campaign_id"), campaignId).bind(QStringLiteral(":nonprofit_id"), nonprofitId);
    if (auto found = query.execSingle(tr("Could not read the send of campaign #%1 to nonprofit #%2").arg(campaignId).arg(nonprofitId),
                                      tr("Campaign #%1 has not queued nonprofit #%2.").arg(campaignId).arg(nonprofitId));
        !found)
        return found.error();
    return readRow(query.query());
}

Result<QHash<SendStatus, qint64>> SendRepository::countsByStatus(qint64 campaignId)
{
    auto counts = CampaignSendCounts(m_database).forCampaign(campaignId);
    if (!counts)
        return counts.error();
    return counts->byStatus;
}

Result<QHash<qint64, QHash<SendStatus, qint64>>> SendRepository::countsByCampaign()
{
    auto counts = CampaignSendCounts(m_database).forCampaigns();
    if (!counts)
        return counts.error();
    QHash<qint64, QHash<SendStatus, qint64>> byCampaign;
    for (auto it = counts->cbegin(); it != counts->cend(); ++it)
        byCampaign.insert(it.key(), it.value().byStatus);
    return byCampaign;
}

QString SendRepository::firstSentAtExpression(const QString& campaignIdExpression)
{
    return QStringLiteral("(SELECT min(first_sent.sent_at) FROM sends first_sent WHERE first_sent.campaign_id = %1 "
                          "AND first_sent.status = 'sent')")
        .arg(campaignIdExpression);
}

Result<QDateTime> SendRepository::firstSentAt(qint64 campaignId)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT %1").arg(firstSentAtExpression(QStringLiteral(":campaign_id"))));
    query.bind(QStringLiteral(":campaign_id"), campaignId);
    const QString what = tr("Could not read when campaign #%1 was first delivered").arg(campaignId);
    if (auto found = query.execSingle(what, what); !found)
        return found.error();
    return SqlDialect::readTimestamp(query.value(0));
}

Result<SendPage> SendRepository::listForCampaign(qint64 campaignId, std::optional<SendStatus> status,
                                                 const SendCursor& after, int limit)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    QString condition = QStringLiteral("campaign_id = :campaign_id AND id > :after_id");
    if (status)
        condition += QStringLiteral(" AND status = :status");
    BoundQuery query(db.value(), SelectColumns + QStringLiteral("WHERE %1 ORDER BY id LIMIT :limit").arg(condition));
    query.bind(QStringLiteral(":campaign_id"), campaignId)
        .bind(QStringLiteral(":after_id"), after.id)
        .bind(QStringLiteral(":limit"), limit);
    if (status)
        query.bind(QStringLiteral(":status"), toString(*status));
    auto rows = query.readAll(tr("Could not read the sends of campaign #%1").arg(campaignId), &SendRepository::readRow);
    if (!rows)
        return rows.error();
    return SendPage::read(std::move(rows.value()), after, limit, [](const Send& send) { return SendCursor{send.id}; });
}

} // namespace herald
