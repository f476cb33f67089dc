#pragma once

#include <QString>

namespace herald {

// Cleans HTML pasted from a word processor (LibreOffice, Word) or a web page down to what a message keeps:
// headings (h1–h3; h4–h6 become h3), paragraphs, bold, italic, underline (also from a word processor's span
// styles), lists (nested; Word's mso-list paragraphs become lists), links (http, https, mailto and
// {{placeholder}} URLs; others keep their text only), line breaks and images (src, alt, width; http(s),
// cid:, media: (the media library), data:image and {{placeholder}} sources). Everything else goes: fonts, classes,
// ids, other styles, scripts, style sheets, comments (Word's conditional ones too), hidden text, navigation, forms, frames,
// media and tracking pixels (images 1 px wide or high). Read with a real HTML parser (gumbo).
class PasteCleaner
{
public:
    static QString clean(const QString& pastedHtml);
};

} // namespace herald
