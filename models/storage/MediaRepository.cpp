#include "MediaRepository.h"

#include "BoundQuery.h"
#include "SqlDialect.h"
#include "media/MediaReference.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace herald {

namespace {
const QString SummaryColumns = QStringLiteral("SELECT id, name, content_type, size, width, height, sha256, created_at");
} // namespace

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

Result<MediaItem> MediaRepository::importFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Kind::Io, tr("Could not read '%1': %2").arg(path, file.errorString()));
    return importImage(QFileInfo(path).fileName(), file.readAll());
}

Result<QList<MediaItem>> MediaRepository::list()
{
    return BoundQuery::selectAll(m_database, SummaryColumns + QStringLiteral(" FROM media ORDER BY name"),
                                 tr("Could not read the media library"), &MediaRepository::readRow);
}

MediaItem MediaRepository::readRowWithBytes(const QSqlQuery& query)
{
    MediaItem item = readRow(query);
    item.image.bytes = query.value(8).toByteArray();
    return item;
}

Result<QList<MediaItem>> MediaRepository::findByNames(const QStringList& names, bool withBytes)
{
    if (names.isEmpty())
        return QList<MediaItem>();
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    QStringList placeholders;
    for (int i = 0; i < names.size(); ++i)
        placeholders << QStringLiteral(":n%1").arg(i);
    BoundQuery query(db.value(), SummaryColumns + (withBytes ? QStringLiteral(", bytes") : QString())
                                     + QStringLiteral(" FROM media WHERE name IN (%1) ORDER BY name").arg(placeholders.join(QLatin1Char(','))));
    for (int i = 0; i < names.size(); ++i)
        query.bind(placeholders.at(i), names.at(i));
    return query.readAll(tr("Could not read the media library"),
                         withBytes ? &MediaRepository::readRowWithBytes : &MediaRepository::readRow);
}

Result<MediaItem> MediaRepository::findByName(const QString& name)
{
    return BoundQuery::selectOne(m_database, SummaryColumns + QStringLiteral(", bytes FROM media WHERE name = :key"), name,
                                 tr("Could not read the image '%1'").arg(name),
                                 tr("The media library has no image named '%1'.").arg(name), &MediaRepository::readRowWithBytes);
}

Result<MediaItem> MediaRepository::findBySha256(const QString& sha256)
{
    // Two names may hold the same bytes: either serves.
    return BoundQuery::selectOne(m_database,
                                 SummaryColumns + QStringLiteral(", bytes FROM media WHERE sha256 = :key ORDER BY id LIMIT 1"),
                                 sha256, tr("Could not read the media library"),
                                 tr("The media library has no such image."), &MediaRepository::readRowWithBytes);
}

Result<QStringList> MediaRepository::usersOf(const QString& name)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // LIKE narrows the rows down; the HTML parser then tells "media:logo" from "media:logo-2" and from text.
    BoundQuery query(db.value(),
                     QStringLiteral("SELECT name, html_body, 0 FROM templates WHERE html_body LIKE :pattern "
                                    "UNION ALL SELECT name, html_body, 1 FROM campaigns WHERE html_body LIKE :pattern2 "
                                    "AND status IN ('draft', 'scheduled', 'sending', 'paused') ORDER BY 3, 1"));
    const QString pattern = QStringLiteral("%media:%");
    query.bind(QStringLiteral(":pattern"), pattern).bind(QStringLiteral(":pattern2"), pattern);
    if (auto ran = query.exec(tr("Could not find what uses the image '%1'").arg(name)); !ran)
        return ran.error();
    QStringList users;
    while (query.next()) {
        if (!MediaReference::namesIn(query.value(1).toString()).contains(name))
            continue;
        users << (query.value(2).toInt() == 0 ? tr("template '%1'") : tr("campaign '%1'")).arg(query.value(0).toString());
    }
    return users;
}

Status MediaRepository::remove(const QString& name)
{
    auto users = usersOf(name);
    if (!users)
        return users.error();
    if (!users->isEmpty())
        return Error::make(Error::Kind::Conflict, tr("The image '%1' is still shown by %2; take it out of them first.")
                                                      .arg(name, QLocale().createSeparatedList(users.value())));
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("DELETE FROM media WHERE name = :name"));
    query.bind(QStringLiteral(":name"), name);
    if (auto ran = query.exec(tr("Could not remove the image '%1'").arg(name)); !ran)
        return ran.error();
    if (query.numRowsAffected() == 0)
        return Error::make(Error::Kind::NotFound, tr("The media library has no image named '%1'.").arg(name));
    return {};
}

} // namespace herald
