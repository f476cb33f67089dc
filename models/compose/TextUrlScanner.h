#pragma once

#include <QList>
#include <QString>

namespace herald {

// Where a URL stands in a text.
struct TextUrl
{
    qsizetype start = 0;
    qsizetype length = 0;
};

// Finds the http:// and https:// URLs of a plain-text mustache template. A URL runs to white space or
// one of < > "; a trailing . , ; : ! ? or an unbalanced ) ends the sentence, not the URL. {{placeholders}}
// inside a URL belong to it, and so do sections opened and closed within it; a URL inside a {{tag}}
// (a comment) is none.
class TextUrlScanner
{
public:
    static QList<TextUrl> scan(const QString& text);
};

} // namespace herald
