#include "ImagesSection.h"

#include "compose/AttachmentPart.h"
#include "media/MediaReference.h"
#include "storage/AppSettingsRepository.h"
#include "storage/MediaRepository.h"
#include "storage/TemplateRepository.h"

#include <QLabel>
#include <QLocale>

namespace herald {

ImagesSection::ImagesSection(Database& database, QWidget* dialog)
    : ChoiceSection(dialog, QStringLiteral("imageModeCombo"), QStringLiteral("imageModeHintLabel"))
    , m_database(database)
{
    addChoices({{tr("Embedded in every message"), int(ImageMode::Embedded),
                 tr("Every message carries the images: they show without any server, but each message is heavier.")},
                {tr("Linked from herald serve"), int(ImageMode::Linked),
                 tr("Messages stay light: the images load from herald serve at the public address, so they need "
                    "that server running.")}},
               tr("Embedded: %1\nLinked: %2"), int(ImageMode::Embedded));
}

Status ImagesSection::load(const Campaign& campaign)
{
    choose(int(campaign.imageMode));
    m_queued = campaign.status != CampaignStatus::Draft;
    Status read;
    if (m_queued) {
        m_publicBaseUrl = campaign.publicBaseUrl;
        weigh(campaign.htmlBody);
    } else if (const auto address = AppSettingsRepository(m_database).publicBaseUrl()) {
        m_publicBaseUrl = address.value();
    } else {
        read = address.error();
    }
    updateHint();
    return read;
}

void ImagesSection::showTemplate(qint64 templateId)
{
    if (m_queued)
        return;
    QString html;
    if (templateId > 0) {
        if (const auto found = TemplateRepository(m_database).find(templateId))
            html = found->htmlBody;
    }
    weigh(html);
    updateHint();
}

ImageMode ImagesSection::imageMode() const { return ImageMode(chosen()); }

void ImagesSection::weigh(const QString& html)
{
    m_imageCount = 0;
    m_encodedBytes = 0;
    m_missing.clear();
    m_readError.clear();
    const QStringList names = MediaReference::namesIn(html);
    if (names.isEmpty())
        return;
    const auto images = MediaRepository(m_database).findByNames(names, false); // sizes only
    if (!images) {
        m_readError = images.error().message;
        return;
    }
    m_missing = names;
    for (const MediaItem& image : images.value()) {
        m_missing.removeAll(image.name);
        ++m_imageCount;
        m_encodedBytes += AttachmentPart::encodedSize(image.size);
    }
}

void ImagesSection::updateHint()
{
    QStringList lines;
    if (!m_readError.isEmpty()) {
        lines << m_readError;
    } else if (imageMode() == ImageMode::Embedded) {
        if (m_imageCount == 0)
            lines << tr("This template shows no images of the media library: nothing is added to its messages.");
        else
            lines << tr("Every message carries the template's %n image(s): %1 KB more per message. They show without "
                        "any server, but heavier messages are slower to send and more often clipped or filtered.",
                        nullptr, m_imageCount)
                         .arg(QLocale().toString(double(m_encodedBytes) / 1024.0, 'f', 0));
    } else if (m_publicBaseUrl.isEmpty()) {
        lines << (m_queued ? tr("Light messages, but the public address of herald serve was not set when this campaign "
                                "was queued: its images do not show.")
                           : tr("Light messages, but the images load from herald serve and its public address is not "
                                "set (Settings → Engagement): the campaign cannot be queued until it is."));
    } else {
        lines << tr("Light messages: the images load from %1. They do not show while that server is down, and some "
                    "email clients block remote images until the reader allows them.")
                     .arg(m_publicBaseUrl);
    }
    if (!m_missing.isEmpty())
        lines << tr("Not in the media library: %1.").arg(QLocale().createSeparatedList(m_missing));
    m_hintLabel->setText(lines.join(QLatin1Char('\n')));
    m_hintLabel->setVisible(true);
}

} // namespace herald
