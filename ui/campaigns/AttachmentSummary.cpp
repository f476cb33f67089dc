#include "AttachmentSummary.h"

#include "storage/CampaignAttachmentRepository.h"

#include <QLabel>

namespace herald {

QString AttachmentSummary::files(const QList<Attachment>& attachments)
{
    if (attachments.isEmpty())
        return tr("None");
    QStringList names;
    for (const Attachment& attachment : attachments)
        names << tr("%1 (%2)").arg(attachment.fileName, CampaignAttachmentRepository::sizeText(attachment.size));
    return names.join(QStringLiteral(", "));
}

QString AttachmentSummary::total(const QList<Attachment>& attachments)
{
    return tr("Total: %1 of %2.")
        .arg(CampaignAttachmentRepository::sizeText(CampaignAttachmentRepository::totalOf(attachments)),
             CampaignAttachmentRepository::sizeText(Attachment::MaxTotalBytes));
}

void AttachmentSummary::show(QLabel* label, const QString& text, const QList<Attachment>& attachments)
{
    const QString warning = CampaignAttachmentRepository::sizeWarning(CampaignAttachmentRepository::totalOf(attachments));
    label->setText(warning.isEmpty() ? text : text + QLatin1Char('\n') + warning);
    label->setStyleSheet(warning.isEmpty() ? QString() : QStringLiteral("QLabel { color: #8a5300; }"));
}

} // namespace herald
