#include "BrandingRepository.h"

#include "AppSettingsRepository.h"
#include "Transaction.h"

namespace herald {

namespace {
// The app_settings keys, each with the Branding member it holds.
struct BrandingKey
{
    QString key;
    QString Branding::*member;
};

const QList<BrandingKey>& keys()
{
    static const QList<BrandingKey> table = {
        {QStringLiteral("branding_colour"), &Branding::colour},
        {QStringLiteral("branding_logo"), &Branding::logoSrc},
        {QStringLiteral("branding_organisation"), &Branding::organisationName},
    };
    return table;
}
} // namespace

Result<Branding> BrandingRepository::load()
{
    AppSettingsRepository settings(m_database);
    Branding branding;
    for (const BrandingKey& key : keys()) {
        auto stored = settings.value(key.key);
        if (stored)
            branding.*key.member = stored.value();
        else if (stored.error().kind != Error::Kind::NotFound)
            return stored.error();
    }
    return branding;
}

Status BrandingRepository::save(const Branding& given)
{
    const auto branding = Branding::checked(given);
    if (!branding)
        return branding.error();
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun;
    AppSettingsRepository settings(m_database);
    for (const BrandingKey& key : keys()) {
        if (auto stored = settings.setValue(key.key, branding.value().*key.member); !stored)
            return stored;
    }
    return transaction.commit();
}

} // namespace herald
