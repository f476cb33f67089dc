#include "ProviderSecrets.h"

#include "SendEngineFactory.h"
#include "storage/SecretStore.h"

#include <QRegularExpression>

namespace herald {

QString ProviderSecrets::environmentVariable(const QString& providerName)
{
    QString variable = QStringLiteral("HERALD_PROVIDER_SECRET_") + providerName.toUpper();
    static const QRegularExpression other(QStringLiteral("[^A-Z0-9_]"));
    variable.replace(other, QStringLiteral("_"));
    return variable;
}

ProviderSecrets::Source ProviderSecrets::sourceOf(const Provider& provider)
{
    if (qEnvironmentVariableIsSet(qPrintable(environmentVariable(provider.name))))
        return Source::Environment;
    auto secret = SecretStore::instance().read(SendEngineFactory::secretKey(provider));
    return secret && !secret->isEmpty() ? Source::Keychain : Source::None;
}

QString ProviderSecrets::sourceName(Source source)
{
    switch (source) {
    case Source::Environment:
        return QStringLiteral("environment");
    case Source::Keychain:
        return QStringLiteral("keychain");
    case Source::None:
        break;
    }
    return QStringLiteral("none");
}

Status ProviderSecrets::keep(const Provider& previous, const Provider& saved, const QString& secret)
{
    SecretStore& secrets = SecretStore::instance();
    const QString key = SendEngineFactory::secretKey(saved);
    const QString oldKey = previous.id == 0 ? QString() : SendEngineFactory::secretKey(previous);
    if (!oldKey.isEmpty() && oldKey != key)
        (void)secrets.remove(oldKey); // renamed: the secret moves to the new name
    if (!secrets.isKeychainAvailable()) {
        secrets.rememberForSession(key, secret);
        return {};
    }
    return secrets.write(key, secret);
}

} // namespace herald
