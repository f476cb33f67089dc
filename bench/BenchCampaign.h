#pragma once

#include "domain/Campaign.h"
#include "domain/Error.h"
#include "domain/Nonprofit.h"
#include "storage/Database.h"

namespace herald {

// What the send benchmark sends: many nonprofits made by one statement, one campaign whose template
// renders to a chosen size with every recipient's own name, city, EIN and unsubscribe link, and an
// SMTP provider on loopback without a practical rate limit. PostgreSQL only.
class BenchCampaign
{
public:
    struct Created
    {
        qint64 id = 0;
        int sampleBytes = 0; // size of the rendered message of recipient 1
    };

    explicit BenchCampaign(Database& database) : m_database(database) {}

    Status addNonprofits(int count);
    Result<Created> addCampaign(int bytes);
    Status addProvider(int port, int connections);
    // Queues every active nonprofit and sets the campaign sending; returns the rows queued.
    Result<qint64> queue(qint64 campaignId);
    Result<qint64> preparedCampaign();
    qint64 countSent(qint64 campaignId);

    // The campaign (not stored) whose messages are about `bytes` long, and recipient i as the database has it.
    static Campaign campaignFor(int bytes);
    static Nonprofit recipient(int i);

private:
    Database& m_database;
};

} // namespace herald
