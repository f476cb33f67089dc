#include "MediaRepository.h"

#include "BoundQuery.h"
#include "SqlDialect.h"

namespace herald {

MediaItem MediaRepository::readRow(const QSqlQuery& query)
{
    MediaItem item;
    item.id = query.value(0).toLongLong();
    item.name = query.value(1).toString();
    item.image.contentType = query.value(2).toString();
    item.size = query.value(3).toLongLong();
    item.image.width = query.value(4).toInt();
    item.image.height = query.value(5).toInt();
    item.image.sha256 = query.value(6).toString();
    item.createdAt = SqlDialect::readTimestamp(query.value(7));
    return item;
}

Result<MediaItem> MediaRepository::importImage(const QString& name, const QByteArray& bytes)
{
    MediaItem item;
    item.name = name.trimmed();
    if (item.name.isEmpty())
        return Error::validation(QStringLiteral("name"), tr("An image of the media library needs a name."));
    auto prepared = MediaImagePreparer::prepare(item.name, bytes);
    if (!prepared)
        return prepared.error();
    item.image = std::move(prepared).value();
    item.size = item.image.bytes.size();
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery insert(db.value(), QStringLiteral("INSERT INTO media (name, content_type, bytes, size, width, height, sha256) "
                                                 "VALUES (:name, :type, :bytes, :size, :width, :height, :sha256) RETURNING id"));
    insert.bind(QStringLiteral(":name"), item.name)
        .bind(QStringLiteral(":type"), item.image.contentType)
        .bind(QStringLiteral(":bytes"), item.image.bytes)
        .bind(QStringLiteral(":size"), item.size)
        .bind(QStringLiteral(":width"), item.image.width)
        .bind(QStringLiteral(":height"), item.image.height)
        .bind(QStringLiteral(":sha256"), item.image.sha256);
    if (auto inserted = insert.execSingle(tr("Could not store the image '%1'").arg(item.name), QString()); !inserted) {
        if (inserted.error().kind == Error::Kind::Duplicate)
            return Error::make(Error::Kind::Duplicate, tr("The media library has an image named '%1' already.").arg(item.name));
        return inserted.error();
    }
    item.id = insert.value(0).toLongLong();
    insert.finish();
    return item;
}

Result<QList<MediaItem>> MediaRepository::list()
{
    return BoundQuery::selectAll(m_database,
                                 QStringLiteral("SELECT id, name, content_type, size, width, height, sha256, created_at "
                                                "FROM media ORDER BY name"),
                                 tr("Could not read the media library"), &MediaRepository::readRow);
}

} // namespace herald
