#pragma once

#include <QString>

namespace herald {

// Text from a file or a user, quoted in a report line (a terminal, a table cell, a log): its control characters
// are shown as escapes (\r, \n, \t, \u001b …), so a value cannot start lines of its own or drive a terminal.
class PrintableText
{
public:
    static QString escaped(const QString& text);
};

} // namespace herald
