#pragma once

#include "Campaign.h"
#include "Error.h"

#include <QCoreApplication>
#include <QStringList>

namespace herald {

// Checks a campaign before it is stored: a name, valid sender and reply addresses, one-line header fields,
// an audience that is a JSON object.
class CampaignValidator
{
    Q_DECLARE_TR_FUNCTIONS(herald::CampaignValidator)
public:
    static constexpr int MaxNameLength = 300;

    // The first problem found, naming the field; ok when the row can be stored.
    static Status validate(const Campaign& campaign);
    // Before it is queued or test-sent: the media library images its HTML shows (`shownNames`, MediaReference)
    // must all be in the library (`libraryNames`), and linked images need the public address of `herald serve`.
    static Status validateImages(const Campaign& campaign, const QStringList& shownNames, const QStringList& libraryNames);
};

} // namespace herald
