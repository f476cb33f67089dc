#pragma once

#include "domain/Error.h"
#include "storage/Database.h"

namespace herald {

class CampaignMessageComposer;

// What a campaign's messages carry besides their text, read from the database once per composer: the files
// attached to the campaign and the media library images its HTML shows (with their bytes when they are embedded).
// The one place sending, test sends and `herald campaign render` get them from.
class MessageResources
{
public:
    // Hands them to the composer. An error only when the database could not be read: an image the library lacks
    // makes the composer invalid, with a sentence naming it (CampaignMessageComposer::problem()).
    static Status loadInto(Database& database, CampaignMessageComposer& composer);
    // The images only (the web view, which has no attachments).
    static Status loadImagesInto(Database& database, CampaignMessageComposer& composer);
};

} // namespace herald
