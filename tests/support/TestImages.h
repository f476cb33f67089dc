#pragma once

#include <QBuffer>
#include <QByteArray>
#include <QColor>
#include <QImage>

namespace herald::test {

// The bytes of a plain image of this size and colour in `format` ("PNG", "JPEG"), made with QImage: what a
// media library test imports.
inline QByteArray imageBytes(int width, int height, const QColor& colour, const char* format = "PNG")
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

} // namespace herald::test
