#pragma once

#include "Campaign.h"
#include "Error.h"

#include <QCoreApplication>

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
};

} // namespace herald
