#pragma once

#include "RichText.h"

#include <QString>

namespace herald {

// The inline style each kind of element gets when written; all empty for the plain HTML of a paste or of
// the editor's document, Herald's email look for a message (EmailStyles).
struct HtmlStyleSheet
{
    QString paragraph;
    QString headings[6]; // h1..h6
    QString list;        // ul and ol
    QString listItem;
    QString link;
    QString button; // a link with a button colour; its colours are added
    QString image;
    QString rule;
};

// Writes RichText as HTML, one block element to a line: p, h1..h6, ul/ol/li (nested), hr; inside them
// a (href), span (color), strong, em, u, br and img (src, alt, width, height), always nested in that order so
// that equal content gives equal text. Text is escaped; {{placeholders}} pass as they are.
class RichHtmlSerializer
{
public:
    static QString toHtml(const RichText& text, const HtmlStyleSheet& styles = {});

    static QString escapeText(const QString& text);
    static QString escapeAttribute(const QString& value);
};

} // namespace herald
