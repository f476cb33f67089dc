#pragma once

#include "RichText.h"

class QTextDocument;

namespace herald {

// Reads the visual editor's QTextDocument as RichText: blocks (headings by heading level, horizontal rules,
// alignment), lists nested by their indent, and runs (bold, italic, underline, colour, links, buttons and
// images as EditorFormats describes them). White space is made what HTML shows: spaces at the edges of a
// block or a line break go, and a space after a space becomes a no-break space, so that the HTML written from
// it reads back the same. Empty blocks are left out; bold in a heading is the heading's own.
class TextDocumentReader
{
public:
    static RichText read(const QTextDocument& document);
};

} // namespace herald
