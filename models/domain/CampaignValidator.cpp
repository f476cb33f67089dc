#include "CampaignValidator.h"

#include "EmailAddress.h"
#include "HeaderText.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace herald {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("herald", text); }

// An optional address: empty is fine, anything else must be valid.
Status checkAddress(const QString& field, const QString& label, const QString& address)
{
    if (address.isEmpty())
        return {};
    const QString problem = EmailAddress::problem(address);
    if (problem.isEmpty())
        return {};
    return Error::validation(field, tr("%1 '%2' %3.").arg(label, address, problem));
}
} // namespace

Status CampaignValidator::validate(const Campaign& campaign)
{
    if (campaign.name.trimmed().isEmpty())
        return Error::validation(QStringLiteral("name"), tr("Name is required."));
    if (campaign.name.size() > MaxNameLength)
        return Error::validation(QStringLiteral("name"), tr("Name is longer than %1 characters.").arg(MaxNameLength));
    // Line breaks first: an address with a line break is an injection attempt before it is a typo.
    const struct
    {
        QString field;
        QString label;
        const QString& value;
    } headerFields[] = {
        {QStringLiteral("from_name"), tr("Sender name"), campaign.fromName},
        {QStringLiteral("from_email"), tr("Sender email"), campaign.fromEmail},
        {QStringLiteral("reply_to"), tr("Reply-to address"), campaign.replyTo},
        {QStringLiteral("subject"), tr("Subject"), campaign.subject},
    };
    for (const auto& header : headerFields) {
        if (auto oneLine = HeaderText::check(header.field, header.label, header.value); !oneLine)
            return oneLine;
    }
    if (auto from = checkAddress(QStringLiteral("from_email"), tr("Sender email"), campaign.fromEmail); !from)
        return from;
    if (auto replyTo = checkAddress(QStringLiteral("reply_to"), tr("Reply-to address"), campaign.replyTo); !replyTo)
        return replyTo;
    if (!campaign.audience.isEmpty() && !QJsonDocument::fromJson(campaign.audience.toUtf8()).isObject())
        return Error::validation(
            QStringLiteral("audience"),
            tr("The audience of campaign '%1' is not readable; choose it again.").arg(campaign.name));
    return {};
}

Status CampaignValidator::validateImages(const Campaign& campaign, const QStringList& shownNames,
                                         const QStringList& libraryNames)
{
    for (const QString& name : shownNames) {
        if (!libraryNames.contains(name))
            return Error::validation(QStringLiteral("template_id"),
                                     tr("The message of campaign '%1' shows the image '%2', which is not in the media "
                                        "library; import it or take it out of the template.")
                                         .arg(campaign.name, name));
    }
    if (!shownNames.isEmpty() && campaign.imageMode == ImageMode::Linked && campaign.publicBaseUrl.trimmed().isEmpty())
        return Error::validation(QStringLiteral("image_mode"),
                                 tr("Campaign '%1' links its images from herald serve, but the public address of "
                                    "herald serve is not set (Settings → Engagement); set it or embed the images.")
                                     .arg(campaign.name));
    return {};
}

} // namespace herald
