#pragma once

#include "domain/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace herald {

// An image as the media library keeps it.
struct PreparedImage
{
    QByteArray bytes;
    QString contentType; // image/png, image/jpeg or image/gif
    int width = 0;
    int height = 0;
    QString sha256; // hex
};

// Readies a PNG, JPEG or GIF for the media library (issue 17): wider than MaxWidth px is scaled down (a GIF
// then becomes a PNG: Qt writes no GIF, and the animation is lost), and the result must take MaxBytes at most; a
// JPEG is re-encoded at lower qualities until it fits. An image that already fits is kept byte for byte.
class MediaImagePreparer
{
    Q_DECLARE_TR_FUNCTIONS(herald::MediaImagePreparer)
public:
    static constexpr int MaxWidth = 1200;
    static constexpr qint64 MaxBytes = 1024 * 1024;

    // `name` only says which file is at fault in an error.
    static Result<PreparedImage> prepare(const QString& name, const QByteArray& bytes);
};

} // namespace herald
