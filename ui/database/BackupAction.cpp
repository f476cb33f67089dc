#include "BackupAction.h"

#include "common/FileDialog.h"
#include "common/MessageBox.h"
#include "common/ProgressRunner.h"
#include "storage/Database.h"
#include "storage/SqliteBackup.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QWidget>

#include <memory>

namespace herald {

BackupAction::BackupAction(Database& database, QWidget* window)
    : QObject(window)
    , m_database(database)
    , m_window(window)
    , m_runner(new ProgressRunner(window, QStringLiteral("backupProgress")))
{
}

void BackupAction::run()
{
    if (m_database.backend() == Backend::Postgres) {
        MessageBox::information(m_window, tr("Back Up"),
            tr("%1 is a PostgreSQL server: back it up on the server with pg_dump, e.g. "
               "pg_dump -Fc -h HOST -U OWNER -f herald.dump DATABASE, and restore with pg_restore "
               "(README.md, \"Backing up a team server\").")
                .arg(m_database.profile().name));
        return;
    }
    const QFileInfo current(m_database.profile().sqlitePath);
    const QString suggested = current.dir().filePath(
        QStringLiteral("herald-backup-%1.sqlite").arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString file = FileDialog::saveFileName(
        m_window, tr("Back Up the Database"), suggested, tr("Herald databases (*.sqlite);;All files (*)"));
    if (file.isEmpty())
        return;
    auto status = std::make_shared<Status>();
    Database& database = m_database;
    // The file dialog has asked whether to replace an existing file.
    m_runner->start(
        tr("Back Up"), tr("Backing up to %1…").arg(QDir::toNativeSeparators(file)),
        [&database, file, status](const JobControl& control) {
            *status = SqliteBackup::run(database, file, true, control);
            database.releaseThreadConnection();
        },
        [this, file, status](bool) {
            if (!status->ok()) {
                if (status->error().kind != Error::Kind::Cancelled)
                    MessageBox::warning(m_window, tr("Back Up"), status->error().message);
                return;
            }
            MessageBox::information(m_window, tr("Back Up"),
                tr("The database was backed up to %1. Restoring is opening that file: with Herald "
                   "closed, put it in place of %2.")
                    .arg(QDir::toNativeSeparators(file), QDir::toNativeSeparators(m_database.profile().sqlitePath)));
        });
}

} // namespace herald
