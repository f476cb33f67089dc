#include "EditorFormats.h"

namespace herald {

QTextCharFormat EditorFormats::button(const QString& href, const QColor& background, const QColor& text)
{
    QTextCharFormat format;
    format.setAnchor(true);
    format.setAnchorHref(href);
    format.setBackground(background);
    format.setForeground(text);
    return format;
}

bool EditorFormats::isButton(const QTextCharFormat& format)
{
    return !format.anchorHref().isEmpty() && format.background().style() != Qt::NoBrush;
}

QTextImageFormat EditorFormats::image(const QString& src, const QString& alt, int width)
{
    QTextImageFormat format;
    format.setName(src);
    format.setProperty(QTextFormat::ImageAltText, alt);
    if (width > 0)
        format.setWidth(width);
    return format;
}

} // namespace herald
