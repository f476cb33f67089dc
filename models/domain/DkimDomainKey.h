#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace herald {

// What the database keeps about a sender domain's DKIM key (dkim_keys): where DNS publishes it and the
// public half. The private half is in the keychain, never here.
struct DkimDomainKey
{
    Q_DECLARE_TR_FUNCTIONS(herald::DkimDomainKey)
public:
    QString domain;    // lower-case: "example.org"
    QString selector;  // "herald2026"
    QString publicKey; // base64, the "p=" of the TXT record
    int bits = 0;
    // An Ed25519 key beside the RSA one (RFC 8463), under a selector of its own; both empty when there is none.
    QString ed25519Selector;
    QString ed25519PublicKey; // base64 of the raw 32-byte key
    QDateTime createdAt;
    QDateTime updatedAt;

    bool hasEd25519() const { return !ed25519PublicKey.isEmpty(); }

    // The keychain entry of the private key.
    static QString secretKey(const QString& domain) { return QStringLiteral("dkim/") + domain.toLower(); }
    static QString ed25519SecretKey(const QString& domain) { return QStringLiteral("dkim-ed25519/") + domain.toLower(); }
    // A selector for a key made now ("herald202611"): a new key gets a new selector, so the old record can stay
    // published until mail signed with it has been delivered.
    static QString defaultSelector(const QDate& today);
    // The Ed25519 key's ("herald202611e"): another record than the RSA key's.
    static QString defaultEd25519Selector(const QDate& today);
    // Letters, digits and hyphens in dot-separated labels (RFC 6376 3.1), or the problem.
    static QString selectorProblem(const QString& selector);
    static QString domainProblem(const QString& domain);
};

} // namespace herald
