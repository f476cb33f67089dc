#include "SqliteBackup.h"

#include "Database.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <sqlite3.h>

#include <memory>

namespace herald {

namespace {

sqlite3* handleOf(const QSqlDatabase& db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

struct CloseDestination
{
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};

} // namespace

Status SqliteBackup::run(Database& database, const QString& file, bool overwrite, const JobControl& control)
{
    if (database.backend() != Backend::Sqlite)
        return Error::make(Error::Kind::Validation,
            tr("Herald backs up only the database on this computer; for a PostgreSQL server use "
               "pg_dump (README.md, \"Backing up a team server\")."));
    const QFileInfo destination(file);
    if (destination.exists() && !overwrite)
        return Error::make(Error::Kind::Io,
            tr("%1 already exists; choose another file or overwrite it (--force).")
                .arg(QDir::toNativeSeparators(destination.absoluteFilePath())));
    if (destination.absoluteFilePath() == QFileInfo(database.profile().sqlitePath).absoluteFilePath())
        return Error::make(Error::Kind::Io, tr("A backup cannot overwrite the database it copies."));
    auto connection = database.checkedConnection();
    if (!connection)
        return connection.error();
    sqlite3* source = handleOf(connection.value());
    if (!source)
        return Error::make(Error::Kind::Database, tr("The SQLite connection cannot be backed up (no sqlite3 handle)."));

    // Written beside the destination, renamed over it when complete: a failed backup never leaves half a file.
    const QString partial = destination.absoluteFilePath() + QStringLiteral(".partial");
    QFile::remove(partial);
    sqlite3* opened = nullptr;
    const int openCode = sqlite3_open_v2(
        QFile::encodeName(partial).constData(), &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::unique_ptr<sqlite3, CloseDestination> target(opened);
    if (openCode != SQLITE_OK)
        return Error::make(Error::Kind::Io,
            tr("Could not create %1: %2")
                .arg(QDir::toNativeSeparators(partial), QString::fromUtf8(sqlite3_errstr(openCode))));

    // One snapshot for every step: another connection's writes would otherwise restart the backup at each step,
    // and a busy worker could keep it from ever finishing. In WAL mode this read transaction blocks no writer.
    QSqlQuery snapshot(connection.value());
    if (!snapshot.exec(QStringLiteral("BEGIN")) || !snapshot.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")))
        return Error::make(
            Error::Kind::Database, tr("Could not start reading the database: %1").arg(snapshot.lastError().text()));
    snapshot.finish();
    const auto endSnapshot = [&connection] { QSqlQuery(connection.value()).exec(QStringLiteral("ROLLBACK")); };

    sqlite3_backup* backup = sqlite3_backup_init(target.get(), "main", source, "main");
    if (!backup) {
        const QString why = QString::fromUtf8(sqlite3_errmsg(target.get()));
        endSnapshot();
        target.reset();
        QFile::remove(partial);
        return Error::make(Error::Kind::Database, tr("Could not start the backup: %1").arg(why));
    }
    int code = SQLITE_OK;
    bool cancelled = false;
    while (code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED) {
        code = sqlite3_backup_step(backup, kPagesPerStep);
        const int total = sqlite3_backup_pagecount(backup);
        control.report(total - sqlite3_backup_remaining(backup), total);
        if (code != SQLITE_DONE && control.cancelled()) {
            cancelled = true;
            break;
        }
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
            QThread::msleep(20);
    }
    const int finished = sqlite3_backup_finish(backup);
    endSnapshot();
    const QString why = QString::fromUtf8(sqlite3_errstr(code == SQLITE_DONE ? finished : code));
    target.reset();
    if (cancelled || code != SQLITE_DONE || finished != SQLITE_OK) {
        QFile::remove(partial);
        if (cancelled)
            return Error::make(Error::Kind::Cancelled, tr("The backup was cancelled; no file was written."));
        return Error::make(Error::Kind::Io, tr("The backup failed: %1").arg(why));
    }
    if (destination.exists() && !QFile::remove(destination.absoluteFilePath())) {
        QFile::remove(partial);
        return Error::make(Error::Kind::Io, tr("Could not replace %1").arg(QDir::toNativeSeparators(file)));
    }
    if (!QFile::rename(partial, destination.absoluteFilePath()))
        return Error::make(
            Error::Kind::Io, tr("Could not move the backup into place at %1").arg(QDir::toNativeSeparators(file)));
    return {};
}

} // namespace herald
