#pragma once

#include <QList>
#include <QString>

namespace herald {

// One <a href> or <area href> (or <img src>) of an HTML text, as the source spells it.
struct HtmlLink
{
    qsizetype valueStart = 0; // the attribute value's characters in the source, without its quotes
    qsizetype valueEnd = 0;
    QString url;              // the value decoded (&amp; is &), as a browser follows it
    bool noTrack = false;     // the element carries data-herald-notrack
};

// What an HTML text holds for tracking, in source positions (QString indexes).
struct HtmlLinkScan
{
    QList<HtmlLink> links;      // in source order, each once
    QList<HtmlLink> images;     // the <img src> values, in source order, each once
    qsizetype bodyStart = 0;    // where the body's content begins: after <body…>, else before its first content
    qsizetype bodyEnd = 0;      // before </body>, else before </html>, else the end of the text
};

// Finds the links (and image sources) of an HTML text with a real HTML parser (gumbo), so that comments, <script>, <style>,
// odd quoting and upper-case tags are read as a browser reads them. The parser normalises the document;
// every position here points back into the original text.
class HtmlLinkScanner
{
public:
    static HtmlLinkScan scan(const QString& html);
};

} // namespace herald
