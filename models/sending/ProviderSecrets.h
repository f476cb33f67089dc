#pragma once

#include "domain/Error.h"
#include "domain/Provider.h"

#include <QCoreApplication>

namespace herald {

// Where a provider's password or API key is kept, for every front end that stores providers (Settings → Mail
// providers, `herald provider add`): the keychain (this session's memory when there is none), or, for headless
// machines, the environment variable HERALD_PROVIDER_SECRET_<NAME> that SendEngineFactory::providerSecret reads first.
class ProviderSecrets
{
    Q_DECLARE_TR_FUNCTIONS(herald::ProviderSecrets)
public:
    enum class Source { Environment, Keychain, None };

    // HERALD_PROVIDER_SECRET_ and the name upper-cased, every other character than A-Z, 0-9 and _ as '_'.
    static QString environmentVariable(const QString& providerName);
    // Where providerSecret() would find this provider's secret now.
    static Source sourceOf(const Provider& provider);
    static QString sourceName(Source source);

    // Keeps `secret` for the provider as just stored (`saved`), moving it from `previous`'s entry when the
    // provider was renamed (previous.id 0: a new one). In the keychain when there is one, else for this session.
    // An error says the keychain refused it (it is then kept for this session only).
    static Status keep(const Provider& previous, const Provider& saved, const QString& secret);
};

} // namespace herald
