#pragma once

#include "Database.h"
#include "domain/Error.h"
#include "media/MediaImagePreparer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

class QSqlQuery;

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

// SQL for the media library: images go in through MediaImagePreparer (scaled, at most 1 MB), names are unique.
class MediaRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::MediaRepository)
public:
    explicit MediaRepository(Database& database) : m_database(database) {}

    // Prepares the image and stores it under `name`.
    Result<MediaItem> importImage(const QString& name, const QByteArray& bytes);
    // Every image without its bytes, by name.
    Result<QList<MediaItem>> list();

private:
    static MediaItem readRow(const QSqlQuery& query);

    Database& m_database;
};

} // namespace herald
