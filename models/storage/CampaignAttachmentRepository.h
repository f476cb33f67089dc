#pragma once

#include "Database.h"
#include "domain/Attachment.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QList>

class QSqlQuery;

namespace herald {

// SQL for the files sent with a campaign's messages (campaign_attachments). Keeps a campaign's total at
// Attachment::MaxTotalBytes and its file names unique; attachments change only while the campaign is a draft or
// scheduled (messages already sent carried the others).
class CampaignAttachmentRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::CampaignAttachmentRepository)
public:
    explicit CampaignAttachmentRepository(Database& database) : m_database(database) {}

    // Adds a file after the campaign's others. `contentType` empty: guessed from the name and bytes.
    Result<Attachment> add(qint64 campaignId, const QString& fileName, const QByteArray& bytes,
                           const QString& contentType = QString());
    // Names, types, sizes and hashes, in order, without the bytes.
    Result<QList<Attachment>> list(qint64 campaignId);
    // With the bytes: what the composer puts in every message.
    Result<QList<Attachment>> load(qint64 campaignId);
    Status remove(qint64 campaignId, const QString& fileName);

    // The attachment as it would be stored (name without folders, content type guessed when empty, size, hash),
    // or why it cannot be: what add() checks before it reads the campaign's others. For lists kept before saving.
    static Result<Attachment> prepare(const QString& fileName, const QByteArray& bytes,
                                      const QString& contentType = QString());
    // Refuses `size` bytes named `fileName` when the campaign's attachments take `already` and both together pass
    // Attachment::MaxTotalBytes.
    static Status checkTotal(const QString& fileName, qint64 size, qint64 already);
    // The deliverability warning for attachments totalling `total` bytes; empty at Attachment::WarnAboveBytes or
    // less.
    static QString sizeWarning(qint64 total);
    static qint64 totalOf(const QList<Attachment>& attachments);
    // "2.5 MB"
    static QString sizeText(qint64 bytes);

private:
    static Attachment readRow(const QSqlQuery& query);
    Result<QList<Attachment>> select(qint64 campaignId, bool withBytes);
    // A problem when the campaign is not there or no longer takes changes to its attachments.
    Status checkChangeable(qint64 campaignId);

    Database& m_database;
};

} // namespace herald
