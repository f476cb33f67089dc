#pragma once

#include "compose/DkimCanonicalization.h"
#include "domain/Error.h"
#include "sending/OutgoingMessage.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace herald {

// A sender domain's signing key as the signer needs it: the private key (PEM, RSA or Ed25519) and where DNS
// publishes the public half (`<selector>._domainkey.<domain>`). A domain may have two: RSA and Ed25519.
struct DkimKey
{
    QString domain;
    QString selector;
    QByteArray privateKeyPem;
};

// Signs finished messages with DKIM (RFC 6376) over From, To, Subject, Date, Message-ID, List-Unsubscribe,
// List-Unsubscribe-Post and the MIME headers, with From, Subject and the List-Unsubscribe pair signed once more
// than they occur, so nobody can add a second one unseen: rsa-sha256 with an RSA key, ed25519-sha256 (RFC 8463)
// with an Ed25519 key, one DKIM-Signature per key of the From domain (RSA first).
// Signs with OpenSSL directly rather than libopendkim, which parses the PEM key again for every message (more
// CPU than the RSA signature itself): here each key is parsed once when the signer is made, and a message is
// canonicalised and its body hashed once, whatever the number of keys. Holds OpenSSL contexts: one signer per
// sending thread, never shared between threads.
class DkimSigner
{
    Q_DECLARE_TR_FUNCTIONS(herald::DkimSigner)
public:
    using Form = DkimCanonicalization::Form;

    // `form`: header and body canonicalisation (relaxed/relaxed survives the re-folding and white-space changes
    // of relays; simple/simple is for tests and receivers that want it).
    explicit DkimSigner(const QList<DkimKey>& keys, Form form = Form::Relaxed);
    ~DkimSigner();
    DkimSigner(const DkimSigner&) = delete;
    DkimSigner& operator=(const DkimSigner&) = delete;

    bool hasKeyFor(const QString& domain) const { return m_keys.contains(domain.toLower()); }
    bool isEmpty() const { return m_keys.isEmpty(); }

    // The complete "DKIM-Signature: …" headers (CRLF line ends, folded), one per key of `domain`, to put in front
    // of `message` (headers and body with CRLF line ends); empty when Herald holds no key for it.
    Result<QByteArray> sign(const QByteArray& message, const QString& domain);
    // Signs message.data with the keys of its From domain into message.dkimSignature (left empty without a key).
    Status signInto(OutgoingMessage& message);

    // The domain part of an address, lower-cased: the key to sign with is chosen by the From domain.
    static QString domainOf(const QString& address);
    static QList<QByteArray> signedHeaders();

private:
    struct SigningKey;

    Result<QByteArray> signWith(SigningKey& key, const QByteArray& signedFields, const QByteArray& bodyHash,
                                const QByteArray& headerList);

    QHash<QString, QList<std::shared_ptr<SigningKey>>> m_keys; // by lower-case domain, RSA first
    Form m_form;
};

} // namespace herald
