#pragma once

#include "compose/DkimKeyPair.h"
#include "compose/DkimSigner.h"
#include "domain/DkimDomainKey.h"
#include "domain/Error.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QList>

namespace herald {

// Where the DKIM keys of sender domains live: the private key in the OS keychain (SecretStore entry
// "dkim/<domain>", "dkim-ed25519/<domain>" for an Ed25519 key beside the RSA one), the selector and public key in the
// database (dkim_keys). A headless `herald worker` without a keychain reads the private key from
// HERALD_DKIM_KEY_<DOMAIN> (HERALD_DKIM_ED25519_KEY_<DOMAIN>) instead (domain upper-cased, other characters as '_'):
// the PEM text itself, or the path of a PEM file.
class DkimKeyring
{
    Q_DECLARE_TR_FUNCTIONS(herald::DkimKeyring)
public:
    explicit DkimKeyring(Database& database) : m_database(database) {}

    // Keeps `pair` as the domain's RSA or Ed25519 key (by its algorithm; an Ed25519 key needs the RSA one) under
    // `selector`: the private key into the keychain, the rest into the database. Without a usable keychain the private
    // key is kept for this session only and `warning` says why.
    Result<DkimDomainKey> store(const QString& domain, const QString& selector, const DkimKeyPair& pair,
                                QString* warning = nullptr);
    // Forgets the domain's keys (both halves, both algorithms).
    Status remove(const QString& domain);
    Status removeEd25519(const QString& domain);

    // Every domain's keys ready to sign with (RSA, then Ed25519 if it has one), each private key checked against the
    // public key the database holds (the one DNS should publish). The first key missing or different is the error.
    // `onlyDomain`: just that domain's key (none when it has no row).
    Result<QList<DkimKey>> signingKeys(const QString& onlyDomain = {});
    // The private key of one domain (environment, then keychain).
    static Result<QByteArray> privateKey(const QString& domain, DkimKeyPair::Algorithm algorithm = DkimKeyPair::Algorithm::Rsa);
    static QString environmentVariable(const QString& domain, DkimKeyPair::Algorithm algorithm = DkimKeyPair::Algorithm::Rsa);

private:
    // The private key of `domain` read and checked against `publicKey`, as the signer takes it.
    static Result<DkimKey> checkedKey(const QString& domain, const QString& selector, const QString& publicKey,
                                      DkimKeyPair::Algorithm algorithm);

    Database& m_database;
};

} // namespace herald
