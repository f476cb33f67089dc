#include "DkimKeyring.h"

#include "storage/DkimKeyRepository.h"
#include "storage/SecretStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

namespace herald {


QString DkimKeyring::environmentVariable(const QString& domain)
{
    QString variable = QStringLiteral("HERALD_DKIM_KEY_") + domain.toUpper();
    variable.replace(QRegularExpression(QStringLiteral("[^A-Z0-9_]")), QStringLiteral("_"));
    return variable;
}

Result<DkimDomainKey> DkimKeyring::store(const QString& domain, const QString& selector, const DkimKeyPair& pair,
                                         QString* warning)
{
    DkimDomainKey key;
    key.domain = domain;
    key.selector = selector;
    key.publicKey = pair.publicKeyBase64();
    key.bits = pair.bits();
    // The row first: it validates the domain and selector before anything reaches the keychain.
    if (Status saved = DkimKeyRepository(m_database).save(key); !saved)
        return saved.error();
    // SecretStore keeps it for the session even when the keychain refuses it.
    const Status kept = SecretStore::instance().write(DkimDomainKey::secretKey(key.domain), QString::fromLatin1(pair.privateKeyPem()));
    if (!kept && warning)
        *warning = tr("The private key of %1 is kept only until Herald closes: %2").arg(key.domain, kept.error().message);
    return key;
}

Status DkimKeyring::remove(const QString& domain)
{
    if (Status removed = DkimKeyRepository(m_database).remove(domain); !removed)
        return removed;
    return SecretStore::instance().remove(DkimDomainKey::secretKey(domain));
}

Result<QByteArray> DkimKeyring::privateKey(const QString& domain)
{
    const QString variable = environmentVariable(domain);
    if (qEnvironmentVariableIsSet(qPrintable(variable))) {
        const QString value = qEnvironmentVariable(qPrintable(variable));
        if (value.trimmed().startsWith(QLatin1String("-----BEGIN")))
            return value.toLatin1();
        QFile file(value);
        if (!file.open(QIODevice::ReadOnly))
            return Error::make(Error::Kind::Io, tr("%1 names the file %2, which cannot be read: %3")
                                                    .arg(variable, value, file.errorString()));
        return file.readAll();
    }
    auto stored = SecretStore::instance().read(DkimDomainKey::secretKey(domain));
    if (!stored)
        return Error::make(Error::Kind::NotFound,
                           tr("The private DKIM key for %1 is not on this computer (%2). Import it in Settings → Sender "
                              "domains, or give it to a headless worker in %3.")
                               .arg(domain, stored.error().message, variable));
    return stored->toLatin1();
}

Result<QList<DkimKey>> DkimKeyring::signingKeys(const QString& onlyDomain)
{
    auto rows = DkimKeyRepository(m_database).list();
    if (!rows)
        return rows.error();
    QList<DkimKey> keys;
    for (const DkimDomainKey& row : rows.value()) {
        if (!onlyDomain.isEmpty() && row.domain != onlyDomain.toLower())
            continue;
        auto pem = privateKey(row.domain);
        if (!pem)
            return pem.error();
        auto pair = DkimKeyPair::fromPem(pem.value());
        if (!pair)
            return Error::make(Error::Kind::Validation,
                               tr("The private DKIM key for %1: %2").arg(row.domain, pair.error().message));
        if (pair->publicKeyBase64() != row.publicKey)
            return Error::make(Error::Kind::Validation,
                               tr("The private DKIM key for %1 on this computer does not match the key in the database "
                                  "(selector %2); mail signed with it would fail. Import the current key in Settings → "
                                  "Sender domains.")
                                   .arg(row.domain, row.selector));
        keys << DkimKey{row.domain, row.selector, pair->privateKeyPem()};
    }
    return keys;
}

} // namespace herald
