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
// "dkim/<domain>"), the selector and public key in the database (dkim_keys). A headless `herald worker`
// without a keychain reads the private key from HERALD_DKIM_KEY_<DOMAIN> instead (domain upper-cased, other
// characters as '_'): the PEM text itself, or the path of a PEM file.
class DkimKeyring
{
    Q_DECLARE_TR_FUNCTIONS(herald::DkimKeyring)
public:
    explicit DkimKeyring(Database& database) : m_database(database) {}

    // Keeps `pair` as the domain's key under `selector`: the private key into the keychain, the rest into the
    // database. Without a usable keychain the private key is kept for this session only and `warning` says why.
    Result<DkimDomainKey> store(const QString& domain, const QString& selector, const DkimKeyPair& pair,
                                QString* warning = nullptr);
    // Forgets the domain's key (both halves).
    Status remove(const QString& domain);

    // Every domain's key ready to sign with, each private key checked against the public key the database holds
    // (the one DNS should publish). The first domain whose private key is missing or different is the error.
    // `onlyDomain`: just that domain's key (none when it has no row).
    Result<QList<DkimKey>> signingKeys(const QString& onlyDomain = {});
    // The private key of one domain (environment, then keychain).
    static Result<QByteArray> privateKey(const QString& domain);
    static QString environmentVariable(const QString& domain);

private:
    Database& m_database;
};

} // namespace herald
