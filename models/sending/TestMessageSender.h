#pragma once

#include "DeliveryOutcome.h"
#include "domain/Campaign.h"
#include "domain/Error.h"
#include "storage/Database.h"

#include <QCoreApplication>

namespace herald {

// "Test send": renders a campaign for one nonprofit and hands it, once, to one configured provider, addressed to
// whoever asks to see it. Nothing is queued or recorded. Blocks on the network: run it off the UI thread.
class TestMessageSender
{
    Q_DECLARE_TR_FUNCTIONS(herald::TestMessageSender)
public:
    explicit TestMessageSender(Database& database) : m_database(database) {}

    // `campaign` is the snapshot to render (CampaignLauncher::prepare); `secret` the provider's password or key
    // (empty: read from the keychain when the provider has a user name). The outcome carries the server's reply.
    Result<DeliveryOutcome> send(const Campaign& campaign, qint64 nonprofitId, const QString& address,
                                 qint64 providerId, const QString& secret = {});

private:
    Database& m_database;
};

} // namespace herald
