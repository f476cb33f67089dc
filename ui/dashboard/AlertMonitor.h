#pragma once

#include "metrics/Alert.h"

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>

class QTimer;

namespace herald {

class Database;

// Watches sending for alerts while the window is open, whichever page shows: every few seconds, on a thread
// of its own, it loads the thresholds, samples the queue (if no process did in this slot), reads the recent
// figures, evaluates them (AlertEvaluator) and records the result (AlertRepository). The open alerts come
// back through alertsChanged; alertRaised fires once for each newly raised one.
class AlertMonitor : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultIntervalMs = 5000;

    AlertMonitor(Database& database, int intervalMs, QObject* parent = nullptr);
    ~AlertMonitor() override;

    const QList<Alert>& alerts() const { return m_alerts; }
    const AlertThresholds& thresholds() const { return m_thresholds; }

public slots:
    // Evaluates now (after the thresholds changed); while a check runs, once it is done.
    void checkNow();

signals:
    void alertsChanged(const QList<herald::Alert>& alerts);
    void alertRaised(const herald::Alert& alert);
    void thresholdsChanged(const herald::AlertThresholds& thresholds);
    void errorOccurred(const QString& message);

private:
    struct Check
    {
        QString error;
        AlertThresholds thresholds;
        QList<Alert> alerts;
    };
    void checkDone();

    Database& m_database;
    QThreadPool m_pool; // one thread, kept: its database connection is opened once
    QFutureWatcher<Check> m_watcher;
    QTimer* m_timer;
    bool m_checkAgain = false;
    bool m_firstCheck = true;
    QList<Alert> m_alerts;
    AlertThresholds m_thresholds;
    QString m_lastError;
};

} // namespace herald
