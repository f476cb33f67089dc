#include "SendEngineFactory.h"

#include "ProviderSecrets.h"
#include "deliverability/DkimKeyring.h"
#include "providers/TransportFactory.h"
#include "storage/AppSettingsRepository.h"
#include "storage/BoundQuery.h"
#include "storage/CampaignRepository.h"
#include "storage/ProviderRepository.h"
#include "storage/SecretStore.h"
#include "storage/SqlDialect.h"

#include <QHash>

namespace herald {

QString SendEngineFactory::secretKey(const Provider& provider)
{
    return provider.secretRef.isEmpty() ? SecretStore::providerKey(provider.name) : provider.secretRef;
}

QString SendEngineFactory::providerSecret(const Provider& provider)
{
    const QString variable = ProviderSecrets::environmentVariable(provider.name);
    if (qEnvironmentVariableIsSet(qPrintable(variable)))
        return qEnvironmentVariable(qPrintable(variable));
    auto secret = SecretStore::instance().read(secretKey(provider));
    return secret ? secret.value() : QString();
}

Result<std::shared_ptr<ProviderPool>> SendEngineFactory::providerPool(Database& database, const SecretLookup& secrets)
{
    auto providers = ProviderRepository(database).list();
    if (!providers)
        return providers.error();
    // Read once here: sender threads must not touch the keychain.
    QHash<QString, QString> secretByName;
    for (const Provider& provider : providers.value()) {
        if (provider.enabled)
            secretByName.insert(provider.name, secrets(provider));
    }
    return std::make_shared<ProviderPool>(providers.value(), [secretByName](const Provider& provider) {
        return TransportFactory::create(provider, secretByName.value(provider.name));
    });
}

Result<std::unique_ptr<SendEngine>> SendEngineFactory::create(Database& database, const EngineSettings& settings,
                                                              const SecretLookup& secrets)
{
    auto pool = providerPool(database, secrets);
    if (!pool)
        return pool.error();
    auto unsubscribeSecret = AppSettingsRepository(database).unsubscribeSecret();
    if (!unsubscribeSecret)
        return unsubscribeSecret.error();
    auto engine = std::make_unique<SendEngine>(database, settings, pool.value(), unsubscribeSecret.value());
    if (auto keys = dkimKeysFor(database, *pool.value()); !keys)
        return keys.error();
    else
        engine->setDkimKeys(keys.value());
    return engine;
}

Result<QList<DkimKey>> SendEngineFactory::dkimKeysFor(Database& database, const ProviderPool& providers)
{
    bool anySigns = false;
    for (int i = 0; i < providers.size(); ++i)
        anySigns = anySigns || (providers.provider(i).enabled && providers.provider(i).dkimSign);
    if (!anySigns)
        return QList<DkimKey>(); // every provider signs for itself: no signing cost
    // Read here, once: sender threads must not touch the keychain. A missing key stops the engine rather than
    // letting mail from a domain that publishes DKIM go out unsigned.
    return DkimKeyring(database).signingKeys();
}

bool SendEngineFactory::hasWorkLeft(Database& database)
{
    auto db = database.checkedConnection();
    if (!db)
        return true;
    // EXISTS, not count(*): asked twice a second, it must not scan a million-row queue each time. A scheduled
    // campaign whose time has come is work too, though its rows are not queued yet: a worker that asked only for
    // queued rows exited before its own housekeeping could start the campaign.
    BoundQuery query(db.value(), QStringLiteral("SELECT EXISTS (SELECT 1 FROM sends s JOIN campaigns c ON c.id = s.campaign_id "
                                                "WHERE c.status = 'sending' AND s.status IN ('pending', 'sending'))"
                                                " OR EXISTS (SELECT 1 FROM campaigns WHERE %1)")
                                     .arg(CampaignRepository::dueScheduledCondition(SqlDialect(database.backend()))));
    if (!query.execSingle(QString(), QString()))
        return true;
    return query.value(0).toBool();
}

} // namespace herald
