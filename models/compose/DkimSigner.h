#pragma once

#include "domain/Error.h"
#include "sending/OutgoingMessage.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

struct dkim_lib;

namespace herald {

// A sender domain's signing key as the signer needs it: the private key (PEM) and where DNS publishes
// the public half (`<selector>._domainkey.<domain>`).
struct DkimKey
{
    QString domain;
    QString selector;
    QByteArray privateKeyPem;
};

// Signs finished messages with DKIM (libopendkim): rsa-sha256, relaxed/relaxed, over From, To, Subject,
// Date, Message-ID, List-Unsubscribe, List-Unsubscribe-Post and the MIME headers, with From, Subject and
// the List-Unsubscribe pair signed once more than they occur, so nobody can add a second one unseen.
// Holds one libopendkim handle for its life: one signer per sending thread, never shared between threads.
class DkimSigner
{
    Q_DECLARE_TR_FUNCTIONS(herald::DkimSigner)
public:
    explicit DkimSigner(const QList<DkimKey>& keys);
    ~DkimSigner();
    DkimSigner(const DkimSigner&) = delete;
    DkimSigner& operator=(const DkimSigner&) = delete;

    bool hasKeyFor(const QString& domain) const { return m_keys.contains(domain.toLower()); }
    bool isEmpty() const { return m_keys.isEmpty(); }

    // The complete "DKIM-Signature: …" header (CRLF line ends, folded) to put in front of `message` (headers and
    // body with CRLF line ends), signed with the key of `domain`; empty when Herald holds no key for it.
    Result<QByteArray> sign(const QByteArray& message, const QString& domain);
    // Signs message.data with the key of its From domain into message.dkimSignature (left empty without a key).
    Status signInto(OutgoingMessage& message);

    // The domain part of an address, lower-cased: the key to sign with is chosen by the From domain.
    static QString domainOf(const QString& address);
    static QList<QByteArray> signedHeaders();

private:
    dkim_lib* m_library = nullptr;
    QHash<QString, DkimKey> m_keys; // by lower-case domain
    quint64 m_jobs = 0;
};

} // namespace herald
