#pragma once

#include "Database.h"
#include "domain/Error.h"
#include "media/MediaItem.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

class QSqlQuery;

namespace herald {

// SQL for the media library: images go in through MediaImagePreparer (scaled, at most 1 MB), names are unique.
class MediaRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::MediaRepository)
public:
    explicit MediaRepository(Database& database) : m_database(database) {}

    // Prepares the image and stores it under `name`.
    Result<MediaItem> importImage(const QString& name, const QByteArray& bytes);
    // Reads the file and stores it under its file name ("logo.png"); errors name the file.
    Result<MediaItem> importFile(const QString& path);
    // Every image without its bytes, by name.
    Result<QList<MediaItem>> list();
    // The images of these names that exist (with their bytes when asked for), in one query; a name the library
    // does not hold is simply absent from the answer.
    Result<QList<MediaItem>> findByNames(const QStringList& names, bool withBytes);
    // One image with its bytes; NotFound naming it when the library does not hold it.
    Result<MediaItem> findByName(const QString& name);
    // The image whose bytes have this SHA-256 (hex), with its bytes (what `herald serve` sends).
    Result<MediaItem> findBySha256(const QString& sha256);
    // The templates, and the campaigns not finished yet, whose HTML shows the image (src="media:NAME").
    Result<QStringList> usersOf(const QString& name);
    // Removes the image; refused (Conflict, naming them) while a template or an unfinished campaign shows it.
    Status remove(const QString& name);

private:
    static MediaItem readRow(const QSqlQuery& query);
    static MediaItem readRowWithBytes(const QSqlQuery& query);

    Database& m_database;
};

} // namespace herald
