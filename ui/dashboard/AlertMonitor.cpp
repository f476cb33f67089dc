#include "AlertMonitor.h"

#include "metrics/AlertEvaluator.h"
#include "metrics/AlertSettings.h"
#include "metrics/DashboardReader.h"
#include "metrics/QueueSampler.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QTimer>
#include <QtConcurrent>

namespace herald {

AlertMonitor::AlertMonitor(Database& database, int intervalMs, QObject* parent)
    : QObject(parent), m_database(database), m_timer(new QTimer(this))
{
    qRegisterMetaType<QList<herald::Alert>>();
    qRegisterMetaType<herald::Alert>();
    qRegisterMetaType<herald::AlertThresholds>();
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    connect(&m_watcher, &QFutureWatcher<Check>::finished, this, &AlertMonitor::checkDone);
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!m_watcher.isRunning()) // a slow database skips a tick rather than piling checks up
            checkNow();
    });
    m_timer->start();
    QTimer::singleShot(0, this, &AlertMonitor::checkNow);
}

AlertMonitor::~AlertMonitor()
{
    m_timer->stop();
    m_watcher.waitForFinished();
    QtConcurrent::run(&m_pool, [this] { m_database.releaseThreadConnection(); }).waitForFinished();
}

void AlertMonitor::checkNow()
{
    if (m_watcher.isRunning()) {
        m_checkAgain = true;
        return;
    }
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [this] {
        Check check;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        auto thresholds = AlertSettings(m_database).load();
        if (!thresholds) {
            check.error = thresholds.error().message;
            return check;
        }
        check.thresholds = thresholds.value();
        if (auto sampled = QueueSampler(m_database).sampleIfDue(now); !sampled) {
            check.error = sampled.error().message;
            return check;
        }
        const AlertEvaluator evaluator(check.thresholds);
        auto figures = DashboardReader(m_database).read(evaluator.rangeSeconds(), now);
        if (!figures) {
            check.error = figures.error().message;
            return check;
        }
        auto recorded = AlertRepository(m_database).record(evaluator.evaluate(figures.value()), now);
        if (!recorded)
            check.error = recorded.error().message;
        else
            check.alerts = recorded.value();
        return check;
    }));
}

void AlertMonitor::checkDone()
{
    const Check check = m_watcher.result();
    if (!check.error.isEmpty()) {
        if (check.error != m_lastError) // once per distinct problem
            emit errorOccurred(check.error);
        m_lastError = check.error;
    } else {
        m_lastError.clear();
        if (!(check.thresholds == m_thresholds) || m_firstCheck)
            emit thresholdsChanged(check.thresholds);
        m_thresholds = check.thresholds;
        m_firstCheck = false;
        for (const Alert& alert : check.alerts) {
            if (std::none_of(m_alerts.begin(), m_alerts.end(), [&](const Alert& known) { return known.sameAs(alert); }))
                emit alertRaised(alert);
        }
        const bool changed = check.alerts.size() != m_alerts.size()
            || !std::equal(check.alerts.begin(), check.alerts.end(), m_alerts.begin(), [](const Alert& a, const Alert& b) {
                   return a.sameAs(b) && a.detail == b.detail && a.since == b.since;
               });
        m_alerts = check.alerts;
        if (changed)
            emit alertsChanged(m_alerts);
    }
    if (std::exchange(m_checkAgain, false))
        checkNow();
}

} // namespace herald
