#pragma once

#include "Alert.h"
#include "DashboardFigures.h"
#include "FailureRate.h"

#include <QCoreApplication>

namespace herald {

// Decides which alerts the dashboard figures call for, against the thresholds: the failure rate over the
// last window above its limit (with enough messages finished to tell), the queue not gone down for the
// stall time, a provider's circuit open in a process that is sending. Pure: recording is AlertRepository's.
class AlertEvaluator
{
    Q_DECLARE_TR_FUNCTIONS(herald::AlertEvaluator)
public:
    explicit AlertEvaluator(AlertThresholds thresholds) : m_thresholds(thresholds) {}

    // The range a DashboardReader read must cover (in 10-second steps) for evaluate() to see every window.
    qint64 rangeSeconds() const;
    QList<Alert> evaluate(const DashboardFigures& figures) const;

    // Sent and failed over the last `seconds` of the series (the bucket being filled included).
    static FailureRate::Counts countsOver(const DashboardFigures& figures, int seconds);
    // How long (seconds) the queue has been non-empty without going down, up to its latest sample; *since is
    // when that began. 0 when the queue is empty, just went down, or was never sampled.
    static qint64 stalledSeconds(const DashboardFigures& figures, qint64* since);

private:
    AlertThresholds m_thresholds;
};

} // namespace herald
