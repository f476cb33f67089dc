#pragma once

#include <QObject>
#include <QThread>

#include <memory>

class QTimer;

namespace herald {

class Database;

// Checks every few seconds that the database still answers and says when that changes. The check
// (Database::ping) runs on a thread of its own with its own connection, so a server that has gone
// away never freezes the window while libpq waits for its timeout.
class ConnectionMonitor : public QObject
{
    Q_OBJECT
public:
    ConnectionMonitor(Database& database, int intervalSeconds, QObject* parent = nullptr);
    ~ConnectionMonitor() override;

    bool isConnected() const { return m_connected; }
    QString lastError() const { return m_lastError; }

public slots:
    // One check now, besides the periodic ones.
    void checkNow();

signals:
    void connectionLost(const QString& error);
    void connectionRestored();

private:
    void ping(); // on the monitor thread
    void report(bool ok, const QString& error); // on the owner's thread

    Database& m_database;
    QThread m_thread;
    std::unique_ptr<QObject> m_worker; // lives in m_thread: the context of the timer and the pings
    QTimer* m_timer = nullptr; // created in m_thread, child of m_worker
    bool m_connected = true; // the database was just opened
    QString m_lastError;
};

} // namespace herald
