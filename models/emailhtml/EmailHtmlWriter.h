#pragma once

#include "RichHtmlSerializer.h"
#include "RichText.h"

#include <QString>

class QTextDocument;

namespace herald {

// Writes the visual editor's document as email-safe HTML: a 600 px column centred in a full-width table
// (fluid: width 100% up to max-width 600px, so it shrinks on a phone without a media query; Outlook for
// Windows, which ignores max-width, gets a fixed 600 px table in a conditional comment), every style inline
// on its element (no <style>, no classes), images with width and alt, buttons as styled links,
// {{placeholders}} as they were (in text and in href/src). No scripts, no forms: the document cannot hold any.
// The layout tables carry data-herald="layout" / "column" so EditorImport knows them for Herald's own.
class EmailHtmlWriter
{
public:
    static constexpr int LayoutWidth = 600;

    static QString write(const QTextDocument& document);
    static QString write(const RichText& content);

    // The inline styles of the content's elements.
    static const HtmlStyleSheet& styles();
    // The marker of the layout tables and the comments around the Outlook table.
    static QString layoutMarker() { return QStringLiteral("data-herald"); }
    static QString outlookOpening();
    static QString outlookClosing();
    static QString bodyStyle();
};

} // namespace herald
