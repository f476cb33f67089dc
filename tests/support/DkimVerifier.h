#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace herald::test {

// An independent DKIM verifier for the tests: python3-dkim (dkimpy, not libopendkim) run on a message by
// tests/support/dkim_verify.py, its DNS lookups answered from `zone` ({"name": ["TXT value"]}) instead of the network.
struct DkimVerdict
{
    bool verified = false;
    QStringList signedHeaders; // h= of the signature, lower case, in order
    QString domain;
    QString selector;
    QString algorithm;
    QString canonicalization;
    QString error;
};

class DkimVerifier
{
public:
    static DkimVerdict verify(const QByteArray& message, const QJsonObject& zone);
};

} // namespace herald::test
