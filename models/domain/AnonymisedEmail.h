#pragma once

#include <QString>

namespace herald {

// The one-way key that stands for an erased address: "sha256:<hex of the normalized address>". Kept in the
// suppression list after a GDPR erasure, it lets Herald recognise the address again without holding it.
class AnonymisedEmail
{
public:
    static QString of(const QString& email);
    // True for text made by of() (what a suppression list may hold besides addresses).
    static bool isAnonymised(const QString& text);
};

} // namespace herald
