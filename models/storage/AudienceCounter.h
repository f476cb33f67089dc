#pragma once

#include "Database.h"
#include "domain/Audience.h"
#include "domain/Campaign.h"
#include "domain/Error.h"

#include <QCoreApplication>

namespace herald {

// How many messages an audience would get if it were queued now: the active nonprofits it selects, split into
// those that would be mailed and those the suppression list excludes; and how many of the recipients have the
// consent that per-recipient tracking needs.
struct AudienceSize
{
    qint64 recipients = 0; // would be sent to
    qint64 suppressed = 0; // selected, but on the suppression list
    qint64 trackablePerRecipient = 0; // of the recipients, those with perRecipientTrackingConsent()
};

// Counts an audience in the database (one aggregate statement, no rows read into the client), with the same
// condition SendQueue::enqueue uses, so the count is what queueing produces.
class AudienceCounter
{
    Q_DECLARE_TR_FUNCTIONS(herald::AudienceCounter)
public:
    explicit AudienceCounter(Database& database) : m_database(database) {}

    Result<AudienceSize> count(const Audience& audience);
    // A campaign's audience JSON: {"segment": id} counts that segment, anything else is read as an Audience.
    Result<AudienceSize> countCampaignAudience(const QString& audienceJson);

private:
    Database& m_database;
};

} // namespace herald
