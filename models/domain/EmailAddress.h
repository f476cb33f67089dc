#pragma once

#include <QCoreApplication>
#include <QString>

namespace herald {

// Syntax check of an address as mail servers accept it (RFC 5321 limits, a dotted domain).
// It says nothing about whether the mailbox exists.
class EmailAddress
{
    Q_DECLARE_TR_FUNCTIONS(herald::EmailAddress)
public:
    static bool isValid(const QString& address);
    // Why the address is invalid, for a message ("has no '@'"); empty when valid.
    static QString problem(const QString& address);
    // The form used for uniqueness and suppression: trimmed, lower case.
    static QString normalized(const QString& address);
};

} // namespace herald
