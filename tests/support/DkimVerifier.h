#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace herald::test {

// What a verifier says about one DKIM-Signature of a message.
struct DkimSignatureVerdict
{
    bool verified = false;
    QStringList signedHeaders; // h= of the signature, lower case, in order
    QString domain;
    QString selector;
    QString algorithm;
    QString canonicalization;
    QString error;
};

// The first signature's verdict, `verified` only when every signature of the message verifies, and each one's.
struct DkimVerdict : DkimSignatureVerdict
{
    QList<DkimSignatureVerdict> signatures;
};

// An independent DKIM verifier for the tests: python3-dkim (dkimpy, neither Herald's signer nor libopendkim) run on
// a message by tests/support/dkim_verify.py, its DNS lookups answered from `zone` ({"name": ["TXT value"]}) instead
// of the network.
class DkimVerifier
{
public:
    static DkimVerdict verify(const QByteArray& message, const QJsonObject& zone);
};

} // namespace herald::test
