#pragma once

#include <QString>

namespace herald {

// Turns an HTML message body into a readable plain-text body for the text/plain part: paragraphs and
// headings become blank-line separated blocks, <br> a line break, list items "- " lines, links
// "text (url)", images their alt text; entities are decoded and {{mustache}} tags are copied as they are,
// so the result is still a template. A small tag scanner, tolerant of the HTML people write in mail.
class HtmlToText
{
public:
    static QString convert(const QString& html);
};

} // namespace herald
