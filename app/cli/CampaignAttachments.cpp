#include "CampaignAttachments.h"

#include "Output.h"
#include "TextTable.h"
#include "storage/CampaignAttachmentRepository.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace herald::cli {

namespace {
// The warning about deliverability once the campaign's attachments pass 1 MB (standard error: a note, not output).
void warnAboutSize(CampaignAttachmentRepository& repository, qint64 campaignId)
{
    auto attached = repository.list(campaignId);
    if (!attached)
        return;
    if (const QString warning = CampaignAttachmentRepository::sizeWarning(CampaignAttachmentRepository::totalOf(attached.value()));
        !warning.isEmpty())
        Output::error(CampaignAttachments::tr("Warning: %1").arg(warning));
}
} // namespace

int CampaignAttachments::attach(Database& database, qint64 campaignId, const QStringList& files)
{
    CampaignAttachmentRepository repository(database);
    for (const QString& path : files) {
        QFile file(path);
        if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly))
            return Output::failed(tr("Could not read '%1': %2").arg(path, QFileInfo(path).isDir() ? tr("it is a folder")
                                                                                                  : file.errorString()));
        // Refused before reading it all when it alone is over the limit.
        if (file.size() > Attachment::MaxTotalBytes)
            return Output::failed(tr("'%1' (%2) was not attached: a campaign's attachments may take %3 in all.")
                                      .arg(QFileInfo(path).fileName(), CampaignAttachmentRepository::sizeText(file.size()),
                                           CampaignAttachmentRepository::sizeText(Attachment::MaxTotalBytes)));
        auto added = repository.add(campaignId, QFileInfo(path).fileName(), file.readAll());
        if (!added)
            return Output::failed(added.error().message);
        Output::line(tr("Attached '%1' (%2, %3) to campaign %4.")
                         .arg(added->fileName, CampaignAttachmentRepository::sizeText(added->size), added->contentType,
                              QString::number(campaignId)));
    }
    warnAboutSize(repository, campaignId);
    return 0;
}

int CampaignAttachments::list(Database& database, qint64 campaignId, bool json)
{
    auto attached = CampaignAttachmentRepository(database).list(campaignId);
    if (!attached)
        return Output::failed(attached.error().message);
    const qint64 total = CampaignAttachmentRepository::totalOf(attached.value());
    const QString warning = CampaignAttachmentRepository::sizeWarning(total);
    if (json) {
        QJsonArray rows;
        for (const Attachment& attachment : attached.value()) {
            rows.append(QJsonObject{{QStringLiteral("file_name"), attachment.fileName},
                                    {QStringLiteral("content_type"), attachment.contentType},
                                    {QStringLiteral("size"), attachment.size},
                                    {QStringLiteral("sha256"), attachment.sha256},
                                    {QStringLiteral("position"), attachment.position}});
        }
        Output::json(QJsonDocument(QJsonObject{{QStringLiteral("campaign_id"), campaignId},
                                               {QStringLiteral("attachments"), rows},
                                               {QStringLiteral("total_size"), total},
                                               {QStringLiteral("warning"), warning.isEmpty() ? QJsonValue() : QJsonValue(warning)}}));
        return 0;
    }
    if (attached->isEmpty()) {
        Output::line(tr("Campaign %1 has no attachments.").arg(campaignId));
        return 0;
    }
    TextTable table({tr("File"), tr("Type"), tr("Size"), tr("SHA-256")}, {false, false, true, false});
    for (const Attachment& attachment : attached.value())
        table.add({attachment.fileName, attachment.contentType, CampaignAttachmentRepository::sizeText(attachment.size),
                   attachment.sha256});
    table.print();
    Output::line(tr("Total: %1 of %2").arg(CampaignAttachmentRepository::sizeText(total),
                                         CampaignAttachmentRepository::sizeText(Attachment::MaxTotalBytes)));
    if (!warning.isEmpty())
        Output::error(tr("Warning: %1").arg(warning));
    return 0;
}

int CampaignAttachments::detach(Database& database, qint64 campaignId, const QString& fileName)
{
    if (Status removed = CampaignAttachmentRepository(database).remove(campaignId, fileName); !removed)
        return Output::failed(removed.error().message);
    Output::line(tr("Detached '%1' from campaign %2.").arg(fileName, QString::number(campaignId)));
    return 0;
}

} // namespace herald::cli
