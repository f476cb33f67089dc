#pragma once

#include "domain/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace herald {

// A key for signing a sender domain's mail with DKIM: RSA (rsa-sha256) or Ed25519 (ed25519-sha256, RFC 8463),
// generated here (OpenSSL; RSA with 2048 bits) or imported from a PEM file, and the public half in the form DNS
// publishes it (the base64 "p=" of a DKIM TXT record).
class DkimKeyPair
{
    Q_DECLARE_TR_FUNCTIONS(herald::DkimKeyPair)
public:
    enum class Algorithm { Rsa, Ed25519 };

    static constexpr int GeneratedBits = 2048;
    static constexpr int MinimumBits = 1024; // receivers ignore smaller keys (RFC 8301)

    static Result<DkimKeyPair> generate(Algorithm algorithm = Algorithm::Rsa);
    // A PKCS#8 or traditional RSA private key, or a PKCS#8 Ed25519 one, in PEM; refuses other kinds and RSA keys under
    // MinimumBits. With `expected`, refuses a key of the other algorithm too.
    static Result<DkimKeyPair> fromPem(const QByteArray& pem);
    static Result<DkimKeyPair> fromPem(const QByteArray& pem, Algorithm expected);

    const QByteArray& privateKeyPem() const { return m_privatePem; }
    // The value of "p=": base64 of the DER SubjectPublicKeyInfo (RSA) or of the raw 32-byte public key (Ed25519).
    const QString& publicKeyBase64() const { return m_publicBase64; }
    int bits() const { return m_bits; }
    Algorithm algorithm() const { return m_algorithm; }

    // `v=DKIM1; k=rsa; p=<key>` or `v=DKIM1; k=ed25519; p=<key>`
    static QString txtRecordValue(const QString& publicKeyBase64, Algorithm algorithm = Algorithm::Rsa);
    // `<selector>._domainkey.<domain>`
    static QString recordName(const QString& selector, const QString& domain);

private:
    QByteArray m_privatePem;
    QString m_publicBase64;
    int m_bits = 0;
    Algorithm m_algorithm = Algorithm::Rsa;
};

} // namespace herald
