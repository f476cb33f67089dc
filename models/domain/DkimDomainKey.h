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
    QDateTime createdAt;
    QDateTime updatedAt;

    // The keychain entry of the private key.
    static QString secretKey(const QString& domain) { return QStringLiteral("dkim/") + domain.toLower(); }
    // A selector for a key made now ("herald202611"): a new key gets a new selector, so the old record can stay
    // published until mail signed with it has been delivered.
    static QString defaultSelector(const QDate& today);
    // Letters, digits and hyphens in dot-separated labels (RFC 6376 3.1), or the problem.
    static QString selectorProblem(const QString& selector);
    static QString domainProblem(const QString& domain);
};

} // namespace herald
