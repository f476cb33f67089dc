#include "FeedbackRepository.h"

#include "BoundQuery.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace herald {

namespace {
SendReference readSend(const QSqlQuery& query)
{
    return {query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString()};
}

// Figures per campaign: sent from the counts kept beside the queue, each report kind counted once per send.
const QString FiguresSql = QStringLiteral(
    "SELECT c.id,"
    " (SELECT COALESCE(sum(k.n), 0) FROM campaign_send_counts k WHERE k.campaign_id = c.id AND k.status = 'sent'),"
    " (SELECT COUNT(DISTINCT f.send_id) FROM feedback_reports f WHERE f.campaign_id = c.id AND f.kind = 'hard_bounce'),"
    " (SELECT COUNT(DISTINCT f.send_id) FROM feedback_reports f WHERE f.campaign_id = c.id AND f.kind = 'soft_bounce'),"
    " (SELECT COUNT(DISTINCT f.send_id) FROM feedback_reports f WHERE f.campaign_id = c.id AND f.kind = 'complaint'),"
    " (SELECT COUNT(DISTINCT f.send_id) FROM feedback_reports f WHERE f.campaign_id = c.id AND f.kind = 'unsubscribe'),"
    " c.name"
    " FROM campaigns c");

CampaignFeedback readFigures(const QSqlQuery& query)
{
    CampaignFeedback figures;
    figures.campaignId = query.value(0).toLongLong();
    figures.sent = query.value(1).toLongLong();
    figures.hardBounces = query.value(2).toLongLong();
    figures.softBounces = query.value(3).toLongLong();
    figures.complaints = query.value(4).toLongLong();
    figures.unsubscribes = query.value(5).toLongLong();
    figures.campaignName = query.value(6).toString();
    return figures;
}
} // namespace

FeedbackRepository::FeedbackRepository(Database& database) : m_database(database), m_dialect(database.backend()) {}

Result<std::optional<SendReference>> FeedbackRepository::sendByMessageId(const QString& messageId)
{
    if (messageId.isEmpty())
        return std::optional<SendReference>();
    auto found = BoundQuery::selectOne(m_database, QStringLiteral("SELECT id, campaign_id, email FROM sends WHERE message_id = :key"),
                                       messageId, tr("Could not look up the message a report is about"), QString(), readSend);
    if (!found && found.error().kind == Error::Kind::NotFound)
        return std::optional<SendReference>();
    if (!found)
        return found.error();
    return std::optional<SendReference>(found.value());
}

Result<std::optional<SendReference>> FeedbackRepository::latestSendTo(const QString& email)
{
    if (email.isEmpty())
        return std::optional<SendReference>();
    auto found = BoundQuery::selectOne(
        m_database,
        QStringLiteral("SELECT id, campaign_id, email FROM sends WHERE lower(email) = :key AND status = 'sent'"
                       " ORDER BY sent_at DESC, id DESC LIMIT 1"),
        email.toLower(), tr("Could not look up the messages sent to an address"), QString(), readSend);
    if (!found && found.error().kind == Error::Kind::NotFound)
        return std::optional<SendReference>();
    if (!found)
        return found.error();
    return std::optional<SendReference>(found.value());
}

Result<bool> FeedbackRepository::record(const FeedbackEntry& entry)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery insert(db.value(), QStringLiteral("INSERT INTO feedback_reports (report_key, kind, campaign_id, send_id, status_code)"
                                                 " VALUES (:key, :kind, :campaign, :send, :code) ON CONFLICT (report_key) DO NOTHING"));
    insert.bind(QStringLiteral(":key"), entry.reportKey)
        .bind(QStringLiteral(":kind"), entry.kind)
        .bind(QStringLiteral(":campaign"), entry.campaignId > 0 ? QVariant(entry.campaignId) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral(":send"), entry.sendId > 0 ? QVariant(entry.sendId) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral(":code"), entry.statusCode);
    if (auto done = insert.exec(tr("Could not record a %1 report").arg(entry.kind)); !done)
        return done.error();
    return insert.numRowsAffected() > 0;
}

Result<CampaignFeedback> FeedbackRepository::campaignFeedback(qint64 campaignId)
{
    return BoundQuery::selectOne(m_database, FiguresSql + QStringLiteral(" WHERE c.id = :key"), campaignId,
                                 tr("Could not read the bounces and complaints of campaign #%1").arg(campaignId),
                                 tr("Campaign #%1 does not exist.").arg(campaignId), readFigures);
}

Result<QList<CampaignFeedback>> FeedbackRepository::recentCampaigns(int limit)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), FiguresSql + QStringLiteral(" WHERE EXISTS (SELECT 1 FROM sends s WHERE s.campaign_id = c.id"
                                                             " AND s.status = 'sent') ORDER BY c.updated_at DESC, c.id DESC LIMIT :limit"));
    query.bind(QStringLiteral(":limit"), limit);
    return query.readAll(tr("Could not read the bounces and complaints of recent campaigns"), readFigures);
}

} // namespace herald
