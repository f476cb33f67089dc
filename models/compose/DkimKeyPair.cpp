#include "DkimKeyPair.h"

#include <QCoreApplication>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace herald {

namespace {
using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

QString lastOpenSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return DkimKeyPair::tr("unknown OpenSSL error");
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

Result<QByteArray> privatePem(EVP_PKEY* key)
{
    BioPtr out(BIO_new(BIO_s_mem()), &BIO_free);
    if (!out || PEM_write_bio_PrivateKey(out.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return Error::make(Error::Kind::Validation, DkimKeyPair::tr("Could not write the private key: %1").arg(lastOpenSslError()));
    char* data = nullptr;
    const long size = BIO_get_mem_data(out.get(), &data);
    return QByteArray(data, int(size));
}

Result<QString> publicBase64(EVP_PKEY* key)
{
    if (EVP_PKEY_get_base_id(key) == EVP_PKEY_ED25519) { // RFC 8463: the bare key, not a SubjectPublicKeyInfo
        unsigned char raw[32];
        size_t length = sizeof raw;
        if (EVP_PKEY_get_raw_public_key(key, raw, &length) != 1)
            return Error::make(Error::Kind::Validation, DkimKeyPair::tr("Could not read the public key: %1").arg(lastOpenSslError()));
        return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(raw), int(length)).toBase64());
    }
    unsigned char* der = nullptr;
    const int size = i2d_PUBKEY(key, &der);
    if (size <= 0)
        return Error::make(Error::Kind::Validation, DkimKeyPair::tr("Could not read the public key: %1").arg(lastOpenSslError()));
    const QByteArray encoded = QByteArray(reinterpret_cast<const char*>(der), size).toBase64();
    OPENSSL_free(der);
    return QString::fromLatin1(encoded);
}
} // namespace

Result<DkimKeyPair> DkimKeyPair::generate(Algorithm algorithm)
{
    KeyPtr key(algorithm == Algorithm::Ed25519 ? EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519") : EVP_RSA_gen(GeneratedBits),
               &EVP_PKEY_free);
    if (!key)
        return Error::make(Error::Kind::Validation, tr("Could not generate a key: %1").arg(lastOpenSslError()));
    auto pem = privatePem(key.get());
    if (!pem)
        return pem.error();
    return fromPem(pem.value());
}

Result<DkimKeyPair> DkimKeyPair::fromPem(const QByteArray& pem, Algorithm expected)
{
    auto pair = fromPem(pem);
    if (pair && pair->algorithm() != expected)
        return Error::validation(QStringLiteral("key"), expected == Algorithm::Ed25519
                                     ? tr("The key is an RSA key; an Ed25519 key is needed here.")
                                     : tr("The key is an Ed25519 key; an RSA key is needed here."));
    return pair;
}

Result<DkimKeyPair> DkimKeyPair::fromPem(const QByteArray& pem)
{
    BioPtr in(BIO_new_mem_buf(pem.constData(), int(pem.size())), &BIO_free);
    KeyPtr key(in ? PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr) : nullptr, &EVP_PKEY_free);
    if (!key) {
        ERR_clear_error();
        return Error::validation(QStringLiteral("key"), tr("This is not a private key in PEM form (it should start with "
                                                           "“-----BEGIN PRIVATE KEY-----” or “-----BEGIN RSA PRIVATE KEY-----”)."));
    }
    const int type = EVP_PKEY_get_base_id(key.get());
    if (type != EVP_PKEY_RSA && type != EVP_PKEY_ED25519)
        return Error::validation(QStringLiteral("key"), tr("The key is neither an RSA nor an Ed25519 key; DKIM signs with "
                                                           "those two only."));
    const int bits = EVP_PKEY_get_bits(key.get());
    if (type == EVP_PKEY_RSA && bits < MinimumBits)
        return Error::validation(QStringLiteral("key"), tr("The key has %1 bits; receivers ignore DKIM keys under %2 bits. "
                                                           "Generate a %3-bit key instead.")
                                                            .arg(bits)
                                                            .arg(MinimumBits)
                                                            .arg(GeneratedBits));
    // Stored in one normal form (PKCS#8), whatever the import looked like.
    auto normalPem = privatePem(key.get());
    if (!normalPem)
        return normalPem.error();
    auto publicKey = publicBase64(key.get());
    if (!publicKey)
        return publicKey.error();
    DkimKeyPair pair;
    pair.m_privatePem = normalPem.value();
    pair.m_publicBase64 = publicKey.value();
    pair.m_bits = bits;
    pair.m_algorithm = type == EVP_PKEY_ED25519 ? Algorithm::Ed25519 : Algorithm::Rsa;
    return pair;
}

QString DkimKeyPair::txtRecordValue(const QString& publicKeyBase64, Algorithm algorithm)
{
    return (algorithm == Algorithm::Ed25519 ? QStringLiteral("v=DKIM1; k=ed25519; p=") : QStringLiteral("v=DKIM1; k=rsa; p="))
        + publicKeyBase64;
}

QString DkimKeyPair::recordName(const QString& selector, const QString& domain)
{
    return selector + QStringLiteral("._domainkey.") + domain;
}

} // namespace herald
