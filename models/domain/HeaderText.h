#pragma once

#include "Error.h"

#include <QString>

namespace herald {

// Text that ends up in a mail header (a subject, a sender name or address): refuses line breaks, which would
// let the text start headers of its own (header injection), or flattens text that comes from data (a rendered
// subject, a recipient's name) onto one line.
class HeaderText
{
public:
    // True when the text has no CR, LF, Unicode line or paragraph separator, or NUL.
    static bool isOneLine(const QString& value);
    // Ok when isOneLine(value); otherwise a Validation error on `field` that names it as `label`.
    static Status check(const QString& field, const QString& label, const QString& value);
    // The text on one line: line breaks, tabs and other control characters become spaces, runs of spaces one,
    // and the ends are trimmed. isOneLine() holds for the result.
    static QString flattened(const QString& value);
};

} // namespace herald
