#pragma once

#include "DkimVerifier.h"

namespace herald::test {

// The second independent DKIM verifier for the tests: libopendkim's dkim_verify() in this process, its key lookups
// answered from `zone` ({"name": ["TXT value"]}) through the library's file query method instead of DNS. Every
// signature of the message is checked (header hash and body hash); `verified` only when all pass.
class OpenDkimVerifier
{
public:
    static DkimVerdict verify(const QByteArray& message, const QJsonObject& zone);
    // Whether this libopendkim was built with Ed25519 (RFC 8463) support.
    static bool knowsEd25519();
};

} // namespace herald::test
