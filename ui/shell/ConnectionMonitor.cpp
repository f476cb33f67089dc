#include "ConnectionMonitor.h"

#include "storage/Database.h"

#include <QTimer>

namespace herald {

ConnectionMonitor::ConnectionMonitor(Database& database, int intervalSeconds, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_worker(std::make_unique<QObject>())
{
    m_thread.setObjectName(QStringLiteral("herald-connection-monitor"));
    m_worker->moveToThread(&m_thread);
    // Runs in the monitor thread just before it ends: a timer and a connection belong to their thread.
    connect(
        &m_thread, &QThread::finished, m_worker.get(),
        [this] {
            if (m_timer)
                m_timer->stop();
            m_database.releaseThreadConnection();
        },
        Qt::DirectConnection);
    m_thread.start();
    const int intervalMs = qMax(1, intervalSeconds) * 1000;
    QMetaObject::invokeMethod(m_worker.get(), [this, intervalMs] {
        m_timer = new QTimer(m_worker.get());
        connect(m_timer, &QTimer::timeout, m_worker.get(), [this] { ping(); });
        m_timer->start(intervalMs);
    });
}

ConnectionMonitor::~ConnectionMonitor()
{
    // Waits for a ping in progress (at most the profile's connect timeout).
    m_thread.quit();
    m_thread.wait();
}

void ConnectionMonitor::checkNow()
{
    QMetaObject::invokeMethod(m_worker.get(), [this] { ping(); });
}

void ConnectionMonitor::ping()
{
    const Status pinged = m_database.ping();
    const QString error = pinged ? QString() : pinged.error().message;
    // Queued to this object's thread; dropped if the monitor is gone by then.
    QMetaObject::invokeMethod(
        this, [this, ok = pinged.ok(), error] { report(ok, error); }, Qt::QueuedConnection);
}

void ConnectionMonitor::report(bool ok, const QString& error)
{
    m_lastError = error;
    if (ok == m_connected) {
        if (!ok)
            emit connectionLost(error); // the reason may have changed (refused, then timed out)
        return;
    }
    m_connected = ok;
    if (ok)
        emit connectionRestored();
    else
        emit connectionLost(error);
}

} // namespace herald
