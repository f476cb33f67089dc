#include "ProfileOpener.h"

#include "Output.h"
#include "config/Config.h"
#include "storage/ProfileStore.h"
#include "storage/SecretStore.h"

#include <QCoreApplication>

namespace herald::cli {

Result<ConnectionProfile> ProfileOpener::resolve(const QString& nameOrId)
{
    ProfileStore store(Config::instance());
    if (nameOrId.isEmpty())
        return store.active();
    bool found = false;
    const ConnectionProfile profile = store.findByName(nameOrId, &found);
    if (!found)
        return Error::make(Error::Kind::NotFound,
                           QCoreApplication::translate("ProfileOpener", "There is no connection profile named '%1'. "
                                                                        "'herald profile list' shows them.")
                               .arg(nameOrId));
    return profile;
}

Result<std::unique_ptr<Database>> ProfileOpener::open(const QString& nameOrId)
{
    auto profile = resolve(nameOrId);
    if (!profile)
        return profile.error();
    QString password;
    if (profile->backend == Backend::Postgres && qEnvironmentVariableIsEmpty("PGPASSWORD")) {
        // Headless machines rarely have a keychain; only look when one answers.
        if (SecretStore::instance().isKeychainAvailable()) {
            if (auto secret = SecretStore::instance().read(SecretStore::profileKey(profile->id)))
                password = secret.value();
        }
    }
    auto database = std::make_unique<Database>(profile.value(), password);
    if (auto opened = database->open(); !opened)
        return opened.error();
    return database;
}

std::unique_ptr<Database> ProfileOpener::openOrSay(const QString& nameOrId)
{
    auto database = open(nameOrId);
    if (!database) {
        Output::error(database.error().message);
        return nullptr;
    }
    return std::move(database).value();
}

} // namespace herald::cli
