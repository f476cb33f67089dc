#include "CampaignAttachmentRepository.h"

#include "BoundQuery.h"
#include "SqlDialect.h"
#include "Transaction.h"
#include "compose/AttachmentPart.h"
#include "domain/Campaign.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QLocale>
#include <QMimeDatabase>

namespace herald {

namespace {
const QString Columns = QStringLiteral("id, campaign_id, file_name, content_type, size, sha256, position, created_at");

// The name as mail clients will save it: no folders, no line breaks or other control characters.
QString cleanFileName(const QString& fileName)
{
    QString name = QFileInfo(fileName).fileName();
    name.remove(QLatin1Char('\\'));
    QString clean;
    for (const QChar c : std::as_const(name)) {
        if (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format)
            clean += c;
    }
    return clean.trimmed();
}
} // namespace

Attachment CampaignAttachmentRepository::readRow(const QSqlQuery& query)
{
    Attachment row;
    row.id = query.value(0).toLongLong();
    row.campaignId = query.value(1).toLongLong();
    row.fileName = query.value(2).toString();
    row.contentType = query.value(3).toString();
    row.size = query.value(4).toLongLong();
    row.sha256 = query.value(5).toString();
    row.position = query.value(6).toInt();
    row.createdAt = SqlDialect::readTimestamp(query.value(7));
    return row;
}

QString CampaignAttachmentRepository::sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

qint64 CampaignAttachmentRepository::totalOf(const QList<Attachment>& attachments)
{
    qint64 total = 0;
    for (const Attachment& attachment : attachments)
        total += attachment.size;
    return total;
}

QString CampaignAttachmentRepository::sizeWarning(qint64 total)
{
    if (total <= Attachment::WarnAboveBytes)
        return {};
    return tr("The attachments take %1: messages above %2 are more often put in spam or refused, and every "
              "recipient downloads them. A link to the file on your website is lighter.")
        .arg(sizeText(total), sizeText(Attachment::WarnAboveBytes));
}

Status CampaignAttachmentRepository::checkChangeable(qint64 campaignId)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT name, status FROM campaigns WHERE id = :id"));
    query.bind(QStringLiteral(":id"), campaignId);
    if (auto found = query.execSingle(tr("Could not read campaign %1").arg(campaignId),
                                      tr("Campaign %1 does not exist.").arg(campaignId));
        !found)
        return found;
    CampaignStatus status = CampaignStatus::Draft;
    fromString(query.value(1).toString(), &status);
    if (status != CampaignStatus::Draft && status != CampaignStatus::Scheduled)
        return Error::make(Error::Kind::Validation,
                           tr("Campaign '%1' is %2: its attachments can no longer change (its messages went or go "
                              "out with the ones it has).")
                               .arg(query.value(0).toString(), toString(status)));
    return {};
}

Result<Attachment> CampaignAttachmentRepository::prepare(const QString& fileName, const QByteArray& bytes,
                                                         const QString& contentType)
{
    Attachment attachment;
    attachment.fileName = cleanFileName(fileName);
    if (attachment.fileName.isEmpty())
        return Error::validation(QStringLiteral("file_name"), tr("The attachment '%1' has no file name.").arg(fileName));
    attachment.contentType = contentType.isEmpty() ? QMimeDatabase().mimeTypeForFileNameAndData(attachment.fileName, bytes).name()
                                                   : contentType.trimmed().toLower();
    if (!AttachmentPart::isContentType(attachment.contentType))
        return Error::validation(QStringLiteral("content_type"),
                                 tr("'%1' is not a content type (such as application/pdf).").arg(attachment.contentType));
    attachment.bytes = bytes;
    attachment.size = bytes.size();
    attachment.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    return attachment;
}

Status CampaignAttachmentRepository::checkTotal(const QString& fileName, qint64 size, qint64 already)
{
    if (already + size <= Attachment::MaxTotalBytes)
        return {};
    return Error::validation(QStringLiteral("size"),
                             tr("'%1' (%2) was not attached: a campaign's attachments may take %3 in all, and "
                                "this one's take %4 already.")
                                 .arg(fileName, sizeText(size), sizeText(Attachment::MaxTotalBytes), sizeText(already)));
}

Result<Attachment> CampaignAttachmentRepository::add(qint64 campaignId, const QString& fileName, const QByteArray& bytes,
                                                     const QString& contentType)
{
    auto prepared = prepare(fileName, bytes, contentType);
    if (!prepared)
        return prepared.error();
    Attachment attachment = std::move(prepared).value();
    attachment.campaignId = campaignId;

    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    if (auto changeable = checkChangeable(campaignId); !changeable)
        return changeable.error();
    BoundQuery totals(db.value(), QStringLiteral("SELECT COALESCE(SUM(size), 0), COALESCE(MAX(position), 0) "
                                                 "FROM campaign_attachments WHERE campaign_id = :campaign"));
    totals.bind(QStringLiteral(":campaign"), campaignId);
    if (auto read = totals.execSingle(tr("Could not read the attachments of campaign %1").arg(campaignId), QString()); !read)
        return read.error();
    const qint64 already = totals.value(0).toLongLong();
    attachment.position = totals.value(1).toInt() + 1;
    totals.finish();
    if (auto fits = checkTotal(attachment.fileName, attachment.size, already); !fits)
        return fits.error();

    BoundQuery insert(db.value(), QStringLiteral("INSERT INTO campaign_attachments "
                                                 "(campaign_id, file_name, content_type, bytes, size, sha256, position) "
                                                 "VALUES (:campaign, :name, :type, :bytes, :size, :sha256, :position) "
                                                 "RETURNING id"));
    insert.bind(QStringLiteral(":campaign"), campaignId)
        .bind(QStringLiteral(":name"), attachment.fileName)
        .bind(QStringLiteral(":type"), attachment.contentType)
        .bind(QStringLiteral(":bytes"), bytes)
        .bind(QStringLiteral(":size"), attachment.size)
        .bind(QStringLiteral(":sha256"), attachment.sha256)
        .bind(QStringLiteral(":position"), attachment.position);
    if (auto inserted = insert.execSingle(tr("Could not attach '%1'").arg(attachment.fileName), QString()); !inserted) {
        if (inserted.error().kind == Error::Kind::Duplicate)
            return Error::make(Error::Kind::Duplicate,
                               tr("Campaign %1 has an attachment named '%2' already; detach it first to replace it.")
                                   .arg(QString::number(campaignId), attachment.fileName));
        return inserted.error();
    }
    attachment.id = insert.value(0).toLongLong();
    insert.finish();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return attachment;
}

Result<QList<Attachment>> CampaignAttachmentRepository::select(qint64 campaignId, bool withBytes)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT %1%2 FROM campaign_attachments WHERE campaign_id = :campaign "
                                                "ORDER BY position, id")
                                     .arg(Columns, withBytes ? QStringLiteral(", bytes") : QString()));
    query.bind(QStringLiteral(":campaign"), campaignId);
    return query.readAll(tr("Could not read the attachments of campaign %1").arg(campaignId), [withBytes](const QSqlQuery& row) {
        Attachment attachment = readRow(row);
        if (withBytes)
            attachment.bytes = row.value(8).toByteArray();
        return attachment;
    });
}

Result<QList<Attachment>> CampaignAttachmentRepository::list(qint64 campaignId)
{
    return select(campaignId, false);
}

Result<QList<Attachment>> CampaignAttachmentRepository::load(qint64 campaignId)
{
    return select(campaignId, true);
}

Status CampaignAttachmentRepository::remove(qint64 campaignId, const QString& fileName)
{
    if (auto changeable = checkChangeable(campaignId); !changeable)
        return changeable;
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("DELETE FROM campaign_attachments "
                                                "WHERE campaign_id = :campaign AND file_name = :name"));
    query.bind(QStringLiteral(":campaign"), campaignId).bind(QStringLiteral(":name"), fileName);
    if (auto deleted = query.exec(tr("Could not detach '%1'").arg(fileName)); !deleted)
        return deleted;
    if (query.numRowsAffected() == 0)
        return Error::make(Error::Kind::NotFound, tr("Campaign %1 has no attachment named '%2'.").arg(QString::number(campaignId), fileName));
    return {};
}

} // namespace herald
