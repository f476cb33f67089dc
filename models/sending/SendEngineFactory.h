#pragma once

#include "SendEngine.h"
#include "domain/Error.h"
#include "domain/Provider.h"

#include <functional>
#include <memory>

namespace herald {

// Builds a send engine over a database the same way for every process that sends (the desktop app and
// `herald worker`): the enabled providers from ProviderRepository with their secrets, and the database's
// unsubscribe secret.
class SendEngineFactory
{
public:
    using SecretLookup = std::function<QString(const Provider&)>;

    // A provider's password or API key: HERALD_PROVIDER_SECRET_<NAME> (name upper-cased, other characters
    // as '_') when set (headless workers), else SecretStore (this session, then the keychain); empty when
    // neither has one.
    static QString providerSecret(const Provider& provider);
    // The keychain entry a provider's secret lives under.
    static QString secretKey(const Provider& provider);

    static Result<std::shared_ptr<ProviderPool>> providerPool(Database& database,
                                                              const SecretLookup& secrets = providerSecret);
    static Result<std::unique_ptr<SendEngine>> create(Database& database, const EngineSettings& settings,
                                                      const SecretLookup& secrets = providerSecret);

    // The DKIM keys to sign with when any enabled provider of `providers` wants Herald's signature; none otherwise.
    static Result<QList<DkimKey>> dkimKeysFor(Database& database, const ProviderPool& providers);

    // Whether a campaign that is sending still has rows to send (pending or being sent); true when the
    // database cannot tell, so a caller never stops early on an error.
    static bool hasWorkLeft(Database& database);
};

} // namespace herald
