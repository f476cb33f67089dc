#include "MediaImagePreparer.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QLocale>

namespace herald {

namespace {
QByteArray encode(const QImage& image, const char* format, int quality = -1)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    return writer.write(image) ? out : QByteArray();
}

PreparedImage made(QByteArray bytes, const QString& contentType, const QImage& image)
{
    PreparedImage prepared;
    prepared.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    prepared.bytes = std::move(bytes);
    prepared.contentType = contentType;
    prepared.width = image.width();
    prepared.height = image.height();
    return prepared;
}
} // namespace

Result<PreparedImage> MediaImagePreparer::prepare(const QString& name, const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QByteArray format = reader.format().toLower();
    if (format != "png" && format != "jpeg" && format != "gif")
        return Error::validation(QStringLiteral("image"), tr("'%1' is not a PNG, JPEG or GIF image.").arg(name));
    QImage image = reader.read();
    if (image.isNull())
        return Error::validation(QStringLiteral("image"), tr("'%1' could not be read: %2").arg(name, reader.errorString()));

    const bool scaled = image.width() > MaxWidth;
    if (!scaled && bytes.size() <= MaxBytes)
        return made(bytes, QStringLiteral("image/") + QString::fromLatin1(format), image);
    if (scaled)
        image = image.scaledToWidth(MaxWidth, Qt::SmoothTransformation);
    if (format == "jpeg") {
        for (const int quality : {90, 80, 70, 60, 50, 40}) {
            QByteArray encoded = encode(image, "jpeg", quality);
            if (!encoded.isEmpty() && encoded.size() <= MaxBytes)
                return made(std::move(encoded), QStringLiteral("image/jpeg"), image);
        }
    } else {
        QByteArray encoded = encode(image, "png");
        if (!encoded.isEmpty() && encoded.size() <= MaxBytes)
            return made(std::move(encoded), QStringLiteral("image/png"), image);
    }
    return Error::validation(QStringLiteral("image"),
                             tr("'%1' takes more than %2 even at %3×%4 px; the media library takes images of %2 at "
                                "most. Save it as a JPEG, or smaller.")
                                 .arg(name, QLocale().formattedDataSize(MaxBytes, 1, QLocale::DataSizeTraditionalFormat))
                                 .arg(image.width())
                                 .arg(image.height()));
}

} // namespace herald
