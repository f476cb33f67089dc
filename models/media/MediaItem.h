#pragma once

#include "MediaImagePreparer.h"

#include <QDateTime>
#include <QString>

namespace herald {

// One image of the media library (media). `image.bytes` is empty when only listed.
struct MediaItem
{
    qint64 id = 0;
    QString name;
    PreparedImage image;
    qint64 size = 0;
    QDateTime createdAt;
};

} // namespace herald
