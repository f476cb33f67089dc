#include "MessageResources.h"

#include "compose/CampaignMessageComposer.h"
#include "media/MediaReference.h"
#include "storage/CampaignAttachmentRepository.h"
#include "storage/MediaRepository.h"

namespace herald {

Status MessageResources::loadInto(Database& database, CampaignMessageComposer& composer)
{
    const Campaign& campaign = composer.campaign();
    if (campaign.id > 0) { // a campaign not stored yet (a preview) has no files
        auto attachments = CampaignAttachmentRepository(database).load(campaign.id);
        if (!attachments)
            return attachments.error();
        composer.setAttachments(attachments.value());
    }
    return loadImagesInto(database, composer);
}

Status MessageResources::loadImagesInto(Database& database, CampaignMessageComposer& composer)
{
    const Campaign& campaign = composer.campaign();
    const QStringList names = MediaReference::namesIn(campaign.htmlBody);
    if (names.isEmpty())
        return {};
    // Linked images need only their SHA-256 for the URL, not their bytes.
    auto images = MediaRepository(database).findByNames(names, campaign.imageMode == ImageMode::Embedded);
    if (!images)
        return images.error();
    composer.setImages(images.value());
    return {};
}

} // namespace herald
