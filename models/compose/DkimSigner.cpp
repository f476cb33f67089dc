#include "DkimSigner.h"

#include <QCoreApplication>
#include <QDateTime>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <algorithm>

namespace herald {

namespace {
const char* const SignedHeaders[] = {"from", "to", "cc", "reply-to", "subject", "date", "message-id",
                                     "list-unsubscribe", "list-unsubscribe-post", "mime-version",
                                     "content-type", "content-transfer-encoding"};
// Signed one more time than present: a header added later (a second From or Subject) breaks the signature.
const char* const OversignedHeaders[] = {"from", "subject", "list-unsubscribe", "list-unsubscribe-post"};

QString openSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    char text[256] = "unknown OpenSSL error";
    if (code != 0)
        ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

// The h= list: every signed header as often as the message has it, the over-signed ones once more.
QList<QByteArray> headerNames(const QList<DkimCanonicalization::HeaderField>& fields)
{
    QHash<QByteArray, int> present;
    for (const auto& field : fields)
        ++present[field.name.trimmed().toLower()];
    QList<QByteArray> names;
    for (const char* name : SignedHeaders) {
        const bool oversigned = std::find_if(std::begin(OversignedHeaders), std::end(OversignedHeaders),
                                             [&](const char* other) { return qstrcmp(name, other) == 0; })
            != std::end(OversignedHeaders);
        for (int i = present.value(name) + (oversigned ? 1 : 0); i > 0; --i)
            names << QByteArray(name);
    }
    return names;
}
} // namespace

// A key parsed once, with the OpenSSL state reused for every message it signs.
struct DkimSigner::SigningKey
{
    QString domain;
    QByteArray tags; // "v=1; a=…; c=…; d=…; s=…;"
    bool ed25519 = false;
    EVP_PKEY* key = nullptr;
    EVP_PKEY_CTX* rsaContext = nullptr; // RSA PKCS#1 v1.5 over a SHA-256 digest, set up once
    EVP_MD_CTX* edContext = nullptr;
    QString problem; // why this key cannot sign, if it cannot

    ~SigningKey()
    {
        EVP_MD_CTX_free(edContext);
        EVP_PKEY_CTX_free(rsaContext);
        EVP_PKEY_free(key);
    }
};

DkimSigner::DkimSigner(const QList<DkimKey>& keys, Form form) : m_form(form)
{
    const QByteArray canon = form == Form::Simple ? "simple/simple" : "relaxed/relaxed";
    for (const DkimKey& source : keys) {
        auto parsed = std::make_shared<SigningKey>();
        parsed->domain = source.domain.toLower();
        BIO* in = BIO_new_mem_buf(source.privateKeyPem.constData(), int(source.privateKeyPem.size()));
        parsed->key = in ? PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr) : nullptr;
        BIO_free(in);
        if (!parsed->key) {
            parsed->problem = tr("its private key could not be read: %1").arg(openSslError());
        } else if (EVP_PKEY_get_base_id(parsed->key) == EVP_PKEY_ED25519) {
            parsed->ed25519 = true;
            parsed->edContext = EVP_MD_CTX_new();
        } else {
            parsed->rsaContext = EVP_PKEY_CTX_new(parsed->key, nullptr);
            if (!parsed->rsaContext || EVP_PKEY_sign_init(parsed->rsaContext) <= 0
                || EVP_PKEY_CTX_set_rsa_padding(parsed->rsaContext, RSA_PKCS1_PADDING) <= 0
                || EVP_PKEY_CTX_set_signature_md(parsed->rsaContext, EVP_sha256()) <= 0)
                parsed->problem = tr("its key cannot make RSA signatures: %1").arg(openSslError());
        }
        parsed->tags = "v=1; a=" + QByteArray(parsed->ed25519 ? "ed25519-sha256" : "rsa-sha256") + "; c=" + canon
            + "; d=" + parsed->domain.toLatin1() + "; s=" + source.selector.toLatin1() + ";";
        auto& list = m_keys[parsed->domain];
        // RSA first: receivers that do not know Ed25519 read the signature they can check first.
        if (parsed->ed25519)
            list.append(parsed);
        else
            list.prepend(parsed);
    }
}

DkimSigner::~DkimSigner() = default;

QString DkimSigner::domainOf(const QString& address)
{
    const int at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : address.mid(at + 1).trimmed().toLower();
}

QList<QByteArray> DkimSigner::signedHeaders()
{
    QList<QByteArray> names;
    for (const char* name : SignedHeaders)
        names << QByteArray(name);
    return names;
}

Result<QByteArray> DkimSigner::sign(const QByteArray& message, const QString& domain)
{
    const auto found = m_keys.find(domain.toLower());
    if (found == m_keys.end())
        return QByteArray();
    // Once per message, whatever the number of keys: the header fields, the body hash, the signed fields.
    qsizetype bodyStart = 0;
    const auto fields = DkimCanonicalization::headerFields(message, &bodyStart);
    const QByteArray body = DkimCanonicalization::body(message, bodyStart, m_form);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    if (EVP_Digest(body.constData(), size_t(body.size()), digest, &digestLength, EVP_sha256(), nullptr) != 1)
        return Error::make(Error::Kind::Validation, tr("DKIM signing for %1 failed: %2").arg(domain, openSslError()));
    const QByteArray bodyHash = QByteArray(reinterpret_cast<const char*>(digest), int(digestLength)).toBase64();
    const QList<QByteArray> names = headerNames(fields);
    const QByteArray signedFields = DkimCanonicalization::selectedHeaders(fields, names, m_form);
    const QByteArray headerList = names.join(':');

    QByteArray headers;
    for (const auto& key : found.value()) {
        auto header = signWith(*key, signedFields, bodyHash, headerList);
        if (!header)
            return header.error();
        headers += header.value();
    }
    return headers;
}

Result<QByteArray> DkimSigner::signWith(SigningKey& key, const QByteArray& signedFields, const QByteArray& bodyHash,
                                        const QByteArray& headerList)
{
    auto failure = [&](const QString& why) -> Result<QByteArray> {
        return Error::make(Error::Kind::Validation, tr("DKIM signing for %1 failed: %2").arg(key.domain, why));
    };
    if (!key.problem.isEmpty())
        return failure(key.problem);
    // b= comes last and is never folded, so every verifier removes exactly its value before hashing.
    const QByteArray unsignedHeader = "DKIM-Signature: " + key.tags + " t="
        + QByteArray::number(QDateTime::currentSecsSinceEpoch()) + ";\r\n\th=" + headerList + ";\r\n\tbh=" + bodyHash
        + ";\r\n\tb=";
    QByteArray input = signedFields + DkimCanonicalization::header(unsignedHeader, m_form);
    input.chop(2); // the signature header is hashed without its CRLF (RFC 6376 3.7)

    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    if (EVP_Digest(input.constData(), size_t(input.size()), digest, &digestLength, EVP_sha256(), nullptr) != 1)
        return failure(openSslError());
    unsigned char signature[1024];
    size_t signatureLength = sizeof signature;
    if (key.ed25519) {
        // RFC 8463: PureEdDSA over the SHA-256 of what an RSA signature would be made over.
        if (EVP_DigestSignInit(key.edContext, nullptr, nullptr, nullptr, key.key) != 1
            || EVP_DigestSign(key.edContext, signature, &signatureLength, digest, digestLength) != 1)
            return failure(openSslError());
    } else if (EVP_PKEY_sign(key.rsaContext, signature, &signatureLength, digest, digestLength) <= 0) {
        return failure(openSslError());
    }
    return unsignedHeader + QByteArray(reinterpret_cast<const char*>(signature), int(signatureLength)).toBase64()
        + "\r\n";
}

Status DkimSigner::signInto(OutgoingMessage& message)
{
    auto signature = sign(message.data, domainOf(message.parts.fromEmail));
    if (!signature)
        return signature.error();
    message.dkimSignature = std::move(signature).value();
    return {};
}

} // namespace herald
