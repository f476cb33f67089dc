#pragma once

#include "domain/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace herald {

// An RSA key for signing a sender domain's mail with DKIM: generated here (OpenSSL, 2048 bits) or imported
// from a PEM file, and the public half in the form DNS publishes it (the base64 "p=" of a DKIM TXT record).
class DkimKeyPair
{
    Q_DECLARE_TR_FUNCTIONS(herald::DkimKeyPair)
public:
    static constexpr int GeneratedBits = 2048;
    static constexpr int MinimumBits = 1024; // receivers ignore smaller keys (RFC 8301)

    static Result<DkimKeyPair> generate();
    // A PKCS#8 or traditional RSA private key in PEM; refuses other kinds and keys under MinimumBits.
    static Result<DkimKeyPair> fromPem(const QByteArray& pem);

    const QByteArray& privateKeyPem() const { return m_privatePem; }
    // Base64 of the DER SubjectPublicKeyInfo: the value of "p=".
    const QString& publicKeyBase64() const { return m_publicBase64; }
    int bits() const { return m_bits; }

    // `v=DKIM1; k=rsa; p=<key>`
    static QString txtRecordValue(const QString& publicKeyBase64);
    // `<selector>._domainkey.<domain>`
    static QString recordName(const QString& selector, const QString& domain);

private:
    QByteArray m_privatePem;
    QString m_publicBase64;
    int m_bits = 0;
};

} // namespace herald
