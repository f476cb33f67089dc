#pragma once

#include <QObject>

class QWidget;

namespace herald {

class Database;
class ProgressRunner;

// File → Back Up…: asks for a file and backs the embedded database up into it (SqliteBackup) on a worker thread
// behind a progress dialog with Cancel; then says how to restore (open the file). A PostgreSQL profile is told about
// pg_dump instead.
class BackupAction : public QObject
{
    Q_OBJECT
public:
    BackupAction(Database& database, QWidget* window);

    void run();

private:
    Database& m_database;
    QWidget* m_window;
    ProgressRunner* m_runner;
};

} // namespace herald
