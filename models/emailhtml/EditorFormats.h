#pragma once

#include <QColor>
#include <QString>
#include <QTextCharFormat>
#include <QTextImageFormat>

namespace herald {

// How the visual editor's QTextDocument holds what plain rich text has no word for, in formats that survive
// QTextDocument::setHtml() of the editor HTML EditorImport gives:
// - a button is a link (anchorHref) whose character format has a background brush, the button's colour;
//   its foreground is the label's colour;
// - an image is a QTextImageFormat: name() the src, ImageAltText the alt text, width() the width in pixels.
class EditorFormats
{
public:
    static QTextCharFormat button(const QString& href, const QColor& background, const QColor& text = Qt::white);
    static bool isButton(const QTextCharFormat& format);
    static QTextImageFormat image(const QString& src, const QString& alt, int width = 0);
};

} // namespace herald
