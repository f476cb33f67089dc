#include "DkimKeyring.h"

#include "storage/DkimKeyRepository.h"
#include "storage/SecretStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

namespace herald {


QString DkimKeyring::environmentVariable(const QString& domain, DkimKeyPair::Algorithm algorithm)
{
    QString variable = (algorithm == DkimKeyPair::Algorithm::Ed25519 ? QStringLiteral("HERALD_DKIM_ED25519_KEY_")
                                                                     : QStringLiteral("HERALD_DKIM_KEY_"))
        + domain.toUpper();
    variable.replace(QRegularExpression(QStringLiteral("[^A-Z0-9_]")), QStringLiteral("_"));
    return variable;
}

Result<DkimDomainKey> DkimKeyring::store(const QString& domain, const QString& selector, const DkimKeyPair& pair,
                                         QString* warning)
{
    DkimDomainKey key;
    key.domain = domain;
    const bool ed25519 = pair.algorithm() == DkimKeyPair::Algorithm::Ed25519;
    if (ed25519) {
        key.ed25519Selector = selector;
        key.ed25519PublicKey = pair.publicKeyBase64();
    } else {
        key.selector = selector;
        key.publicKey = pair.publicKeyBase64();
        key.bits = pair.bits();
    }
    // The row first: it validates the domain and selector before anything reaches the keychain.
    DkimKeyRepository repository(m_database);
    if (Status saved = ed25519 ? repository.saveEd25519(key) : repository.save(key); !saved)
        return saved.error();
    // SecretStore keeps it for the session even when the keychain refuses it.
    const QString entry = ed25519 ? DkimDomainKey::ed25519SecretKey(key.domain) : DkimDomainKey::secretKey(key.domain);
    const Status kept = SecretStore::instance().write(entry, QString::fromLatin1(pair.privateKeyPem()));
    if (!kept && warning)
        *warning = tr("The private key of %1 is kept only until Herald closes: %2").arg(key.domain, kept.error().message);
    return key;
}

Status DkimKeyring::remove(const QString& domain)
{
    if (Status removed = DkimKeyRepository(m_database).remove(domain); !removed)
        return removed;
    (void)SecretStore::instance().remove(DkimDomainKey::ed25519SecretKey(domain)); // most domains never had one
    return SecretStore::instance().remove(DkimDomainKey::secretKey(domain));
}

Status DkimKeyring::removeEd25519(const QString& domain)
{
    if (Status removed = DkimKeyRepository(m_database).removeEd25519(domain); !removed)
        return removed;
    return SecretStore::instance().remove(DkimDomainKey::ed25519SecretKey(domain));
}

Result<QByteArray> DkimKeyring::privateKey(const QString& domain, DkimKeyPair::Algorithm algorithm)
{
    const QString variable = environmentVariable(domain, algorithm);
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
    const bool ed25519 = algorithm == DkimKeyPair::Algorithm::Ed25519;
    auto stored = SecretStore::instance().read(ed25519 ? DkimDomainKey::ed25519SecretKey(domain) : DkimDomainKey::secretKey(domain));
    if (!stored)
        return Error::make(Error::Kind::NotFound,
                           (ed25519 ? tr("The private Ed25519 DKIM key for %1 is not on this computer (%2). Import it in "
                                         "Settings → Sender domains, or give it to a headless worker in %3.")
                                    : tr("The private DKIM key for %1 is not on this computer (%2). Import it in Settings → "
                                         "Sender domains, or give it to a headless worker in %3."))
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
        auto rsa = checkedKey(row.domain, row.selector, row.publicKey, DkimKeyPair::Algorithm::Rsa);
        if (!rsa)
            return rsa.error();
        keys << rsa.value();
        if (!row.hasEd25519())
            continue;
        auto ed25519 = checkedKey(row.domain, row.ed25519Selector, row.ed25519PublicKey, DkimKeyPair::Algorithm::Ed25519);
        if (!ed25519)
            return ed25519.error();
        keys << ed25519.value();
    }
    return keys;
}

Result<DkimKey> DkimKeyring::checkedKey(const QString& domain, const QString& selector, const QString& publicKey,
                                        DkimKeyPair::Algorithm algorithm)
{
    auto pem = privateKey(domain, algorithm);
    if (!pem)
        return pem.error();
    auto pair = DkimKeyPair::fromPem(pem.value(), algorithm);
    if (!pair)
        return Error::make(Error::Kind::Validation, tr("The private DKIM key for %1: %2").arg(domain, pair.error().message));
    if (pair->publicKeyBase64() != publicKey)
        return Error::make(Error::Kind::Validation,
                           tr("The private DKIM key for %1 on this computer does not match the key in the database "
                              "(selector %2); mail signed with it would fail. Import the current key in Settings → "
                              "Sender domains.")
                               .arg(domain, selector));
    return DkimKey{domain, selector, pair->privateKeyPem()};
}

} // namespace herald
