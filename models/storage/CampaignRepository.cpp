#include "CampaignRepository.h"

#include "BoundQuery.h"
#include "SqlErrors.h"
#include "StoredRow.h"
#include "domain/CampaignValidator.h"

#include <QCoreApplication>

namespace herald {

namespace {
// What the schema stores when no audience was chosen.
const QString DefaultAudience = QStringLiteral("{\"all\":true}");

const QString SelectColumns = QStringLiteral(
    "SELECT id, uuid, name, template_id, template_version, subject, html_body, text_body, audience, from_name, "
    "from_email, reply_to, postal_address, unsubscribe_base_url, status, scheduled_at, created_by, created_at, "
    "updated_at, version, sender_identity_id, segment_id, archived, unknown_policy, tracking, public_base_url, "
    "image_mode FROM campaigns ");

void normalize(Campaign& campaign)
{
    campaign.name = campaign.name.trimmed();
    campaign.fromEmail = campaign.fromEmail.trimmed();
    campaign.replyTo = campaign.replyTo.trimmed();
    if (campaign.audience.trimmed().isEmpty())
        campaign.audience = DefaultAudience;
}

// A reference column: NULL when no row is referenced.
QVariant optionalId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

void bindFields(BoundQuery& query, const Campaign& campaign, const SqlDialect& dialect)
{
    query.bind(QStringLiteral(":name"), campaign.name)
        .bind(QStringLiteral(":template_id"), optionalId(campaign.templateId))
        .bind(QStringLiteral(":template_version"), campaign.templateVersion)
        .bind(QStringLiteral(":subject"), campaign.subject)
        .bind(QStringLiteral(":html_body"), campaign.htmlBody)
        .bind(QStringLiteral(":text_body"), campaign.textBody)
        .bind(QStringLiteral(":audience"), campaign.audience)
        .bind(QStringLiteral(":from_name"), campaign.fromName)
        .bind(QStringLiteral(":from_email"), campaign.fromEmail)
        .bind(QStringLiteral(":reply_to"), campaign.replyTo)
        .bind(QStringLiteral(":postal_address"), campaign.postalAddress)
        .bind(QStringLiteral(":unsubscribe_base_url"), campaign.unsubscribeBaseUrl)
        .bind(QStringLiteral(":scheduled_at"), dialect.timestamp(campaign.scheduledAt))
        .bind(QStringLiteral(":sender_identity_id"), optionalId(campaign.senderIdentityId))
        .bind(QStringLiteral(":segment_id"), optionalId(campaign.segmentId))
        .bind(QStringLiteral(":unknown_policy"), toString(campaign.unknownPolicy))
        .bind(QStringLiteral(":tracking"), toString(campaign.tracking))
        .bind(QStringLiteral(":public_base_url"), campaign.publicBaseUrl)
        .bind(QStringLiteral(":image_mode"), toString(campaign.imageMode));
}
} // namespace

CampaignRepository::CampaignRepository(Database& database) : m_database(database), m_dialect(database.backend()) {}

Campaign CampaignRepository::readRow(const QSqlQuery& query)
{
    Campaign row;
    row.id = query.value(0).toLongLong();
    row.uuid = query.value(1).toString();
    row.name = query.value(2).toString();
    row.templateId = query.value(3).toLongLong(); // 0 when NULL
    row.templateVersion = query.value(4).toInt();
    row.subject = query.value(5).toString();
    row.htmlBody = query.value(6).toString();
    row.textBody = query.value(7).toString();
    row.audience = query.value(8).toString();
    row.fromName = query.value(9).toString();
    row.fromEmail = query.value(10).toString();
    row.replyTo = query.value(11).toString();
    row.postalAddress = query.value(12).toString();
    row.unsubscribeBaseUrl = query.value(13).toString();
    fromString(query.value(14).toString(), &row.status);
    row.scheduledAt = SqlDialect::readTimestamp(query.value(15));
    row.createdBy = query.value(16).toString();
    row.createdAt = SqlDialect::readTimestamp(query.value(17));
    row.updatedAt = SqlDialect::readTimestamp(query.value(18));
    row.version = query.value(19).toInt();
    row.senderIdentityId = query.value(20).toLongLong();
    row.segmentId = query.value(21).toLongLong();
    row.archived = query.value(22).toBool();
    fromString(query.value(23).toString(), &row.unknownPolicy);
    fromString(query.value(24).toString(), &row.tracking);
    row.publicBaseUrl = query.value(25).toString();
    fromString(query.value(26).toString(), &row.imageMode);
    return row;
}

Result<QSqlDatabase> CampaignRepository::connectionToWrite(Campaign& campaign)
{
    normalize(campaign);
    if (auto valid = CampaignValidator::validate(campaign); !valid)
        return valid.error();
    return m_database.checkedConnection();
}

Error CampaignRepository::writeError(const Campaign& campaign, const QSqlError& error, const QString& what)
{
    if (SqlErrors::isForeignKeyViolation(error)) {
        // Which of the rows the campaign refers to is gone: the template, the sender identity or the segment.
        const struct
        {
            QString table;
            qint64 id;
            QString field;
            QString message;
        } references[] = {
            {QStringLiteral("sender_identities"), campaign.senderIdentityId, QStringLiteral("sender_identity_id"),
             tr("The sender identity (#%1) of campaign '%2' does not exist any more; choose another.")},
            {QStringLiteral("segments"), campaign.segmentId, QStringLiteral("audience"),
             tr("The segment (#%1) of campaign '%2' does not exist any more; choose another audience.")},
        };
        for (const auto& reference : references) {
            if (reference.id <= 0)
                continue;
            BoundQuery exists(m_database.connection(),
                              QStringLiteral("SELECT 1 FROM %1 WHERE id = :id").arg(reference.table));
            if (exists.bind(QStringLiteral(":id"), reference.id).exec(what) && !exists.next())
                return Error::validation(reference.field,
                                         reference.message.arg(QString::number(reference.id), campaign.name));
        }
        return Error::validation(QStringLiteral("template_id"),
                                 tr("The template (#%1) of campaign '%2' does not exist any more; choose another.")
                                     .arg(QString::number(campaign.templateId), campaign.name));
    }
    if (SqlErrors::isUniqueViolation(error))
        return Error{Error::Kind::Duplicate,
                     tr("Another campaign already has the UUID %1 of campaign '%2'.").arg(campaign.uuid, campaign.name),
                     QStringLiteral("uuid")};
    return SqlErrors::toError(error, what);
}

Status CampaignRepository::insert(Campaign& campaign)
{
    auto db = connectionToWrite(campaign);
    if (!db)
        return db.error();
    if (campaign.uuid.isEmpty())
        campaign.uuid = StoredRow::newUuid();
    BoundQuery query(db.value(),
                     QStringLiteral("INSERT INTO campaigns (uuid, name, template_id, template_version, subject, "
                                    "html_body, text_body, audience, from_name, from_email, reply_to, postal_address, "
                                    "unsubscribe_base_url, status, scheduled_at, created_by, sender_identity_id, segment_id, "
                                    "unknown_policy, tracking, public_base_url, image_mode) VALUES (:uuid, :name, "
                                    ":template_id, :template_version, :subject, :html_body, :text_body, :audience, "
                                    ":from_name, :from_email, :reply_to, :postal_address, :unsubscribe_base_url, "
                                    ":status, :scheduled_at, :created_by, :sender_identity_id, :segment_id, "
                                    ":unknown_policy, :tracking, :public_base_url, :image_mode) "
                                    "RETURNING id, version, created_at, updated_at"));
    bindFields(query, campaign, m_dialect);
    query.bind(QStringLiteral(":uuid"), campaign.uuid)
        .bind(QStringLiteral(":status"), toString(campaign.status))
        .bind(QStringLiteral(":created_by"), campaign.createdBy);
    if (!query.query().exec())
        return writeError(campaign, query.query().lastError(), tr("Could not add campaign '%1'").arg(campaign.name));
    query.next();
    campaign.id = query.value(0).toLongLong();
    campaign.version = query.value(1).toInt();
    campaign.createdAt = SqlDialect::readTimestamp(query.value(2));
    campaign.updatedAt = SqlDialect::readTimestamp(query.value(3));
    query.finish();
    return {};
}

Status CampaignRepository::update(Campaign& campaign)
{
    auto db = connectionToWrite(campaign);
    if (!db)
        return db.error();
    BoundQuery query(db.value(),
                     QStringLiteral("UPDATE campaigns SET name = :name, template_id = :template_id, "
                                    "template_version = :template_version, subject = :subject, "
                                    "html_body = :html_body, text_body = :text_body, audience = :audience, "
                                    "from_name = :from_name, from_email = :from_email, reply_to = :reply_to, "
                                    "postal_address = :postal_address, unsubscribe_base_url = :unsubscribe_base_url, "
                                    "scheduled_at = :scheduled_at, sender_identity_id = :sender_identity_id, "
                                    "segment_id = :segment_id, unknown_policy = :unknown_policy, tracking = :tracking, "
                                    "public_base_url = :public_base_url, image_mode = :image_mode, "
                                    "updated_at = %1, version = version + 1 "
                                    "WHERE id = :id AND version = :version RETURNING version, updated_at, status")
                         .arg(m_dialect.now()));
    bindFields(query, campaign, m_dialect);
    query.bind(QStringLiteral(":id"), campaign.id).bind(QStringLiteral(":version"), campaign.version);
    if (!query.query().exec())
        return writeError(campaign, query.query().lastError(), tr("Could not save campaign '%1'").arg(campaign.name));
    if (!query.next())
        return StoredRow::staleWriteError(db.value(), QStringLiteral("campaigns"), tr("Campaign"), campaign.name,
                                          campaign.id, campaign.version);
    campaign.version = query.value(0).toInt();
    campaign.updatedAt = SqlDialect::readTimestamp(query.value(1));
    fromString(query.value(2).toString(), &campaign.status);
    query.finish();
    return {};
}

Result<Campaign> CampaignRepository::find(qint64 id)
{
    return BoundQuery::selectOne(m_database, SelectColumns + QStringLiteral("WHERE id = :key"), id,
                                 tr("Could not read campaign #%1").arg(id), tr("Campaign #%1 does not exist.").arg(id),
                                 &CampaignRepository::readRow);
}

Result<Campaign> CampaignRepository::findByUuid(const QString& uuid)
{
    return BoundQuery::selectOne(m_database, SelectColumns + QStringLiteral("WHERE uuid = :key"), uuid,
                                 tr("Could not read campaign %1").arg(uuid),
                                 tr("No campaign has the UUID %1.").arg(uuid), &CampaignRepository::readRow);
}

QString CampaignRepository::dueScheduledCondition(const SqlDialect& dialect)
{
    return QStringLiteral("status = 'scheduled' AND scheduled_at IS NOT NULL AND scheduled_at <= %1").arg(dialect.now());
}

Result<QList<qint64>> CampaignRepository::takeDueScheduled()
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery due(db.value(), QStringLiteral(
        "UPDATE campaigns SET status = 'sending', updated_at = %1, version = version + 1"
        " WHERE %2 RETURNING id").arg(m_dialect.now(), dueScheduledCondition(m_dialect)));
    if (auto done = due.exec(tr("Could not start scheduled campaigns")); !done)
        return done.error();
    QList<qint64> ids;
    while (due.next())
        ids << due.value(0).toLongLong();
    due.finish();
    return ids;
}

Result<QList<Campaign>> CampaignRepository::list(std::optional<CampaignStatus> status)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), SelectColumns
                                     + (status ? QStringLiteral("WHERE status = :status ") : QString())
                                     + QStringLiteral("ORDER BY updated_at DESC, id DESC"));
    if (status)
        query.bind(QStringLiteral(":status"), toString(*status));
    return query.readAll(tr("Could not read campaigns"), &CampaignRepository::readRow);
}

Status CampaignRepository::remove(qint64 id)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // A sending campaign's queue rows are leased by workers; they must be paused or cancelled first.
    BoundQuery query(db.value(), QStringLiteral("DELETE FROM campaigns WHERE id = :id AND status <> :sending"));
    query.bind(QStringLiteral(":id"), id).bind(QStringLiteral(":sending"), toString(CampaignStatus::Sending));
    if (auto done = query.exec(tr("Could not delete campaign #%1").arg(id)); !done)
        return done;
    if (query.numRowsAffected() > 0)
        return {};
    auto current = find(id);
    if (!current)
        return current.error();
    return Error::make(Error::Kind::Conflict,
                       tr("Campaign '%1' (#%2) is sending; pause or cancel it before deleting it.")
                           .arg(current->name, QString::number(id)));
}

Result<int> CampaignRepository::setArchived(qint64 id, bool archived)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // A literal rather than a bound bool: the column is boolean on PostgreSQL and an integer on SQLite.
    BoundQuery query(db.value(), QStringLiteral("UPDATE campaigns SET archived = %1, updated_at = %2, "
                                                "version = version + 1 WHERE id = :id RETURNING version")
                                     .arg(archived ? (m_dialect.isPostgres() ? QStringLiteral("true") : QStringLiteral("1"))
                                                   : (m_dialect.isPostgres() ? QStringLiteral("false") : QStringLiteral("0")),
                                          m_dialect.now()));
    query.bind(QStringLiteral(":id"), id);
    if (auto done = query.exec(tr("Could not archive campaign #%1").arg(id)); !done)
        return done.error();
    if (!query.next())
        return Error::make(Error::Kind::NotFound, tr("Campaign #%1 does not exist.").arg(id));
    const int version = query.value(0).toInt();
    query.finish();
    return version;
}

Result<int> CampaignRepository::setStatus(qint64 id, CampaignStatus from, CampaignStatus to)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("UPDATE campaigns SET status = :to, updated_at = %1, "
                                                "version = version + 1 WHERE id = :id AND status = :from "
                                                "RETURNING version")
                                     .arg(m_dialect.now()));
    query.bind(QStringLiteral(":to"), toString(to))
        .bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":from"), toString(from));
    if (auto done = query.exec(tr("Could not change the status of campaign #%1").arg(id)); !done)
        return done.error();
    if (query.next()) {
        const int version = query.value(0).toInt();
        query.finish();
        return version;
    }
    auto current = find(id);
    if (!current)
        return current.error();
    return Error::make(Error::Kind::Conflict,
                       tr("Campaign '%1' (#%2) is %3, not %4, so it was not made %5. Reload it to see its state.")
                           .arg(current->name, QString::number(id), toString(current->status), toString(from),
                                toString(to)));
}

} // namespace herald
