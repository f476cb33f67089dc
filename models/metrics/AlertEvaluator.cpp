#include "AlertEvaluator.h"

#include "FailureRate.h"

#include <QLocale>

#include <algorithm>

namespace herald {

namespace {
constexpr qint64 MinimumRangeSeconds = 900;
} // namespace

qint64 AlertEvaluator::rangeSeconds() const
{
    const qint64 longest = 60 * qint64(std::max(m_thresholds.failureWindowMinutes, m_thresholds.queueStallMinutes));
    return std::max(MinimumRangeSeconds, longest + 60); // a margin so the stall's first sample is inside
}

FailureRate::Counts AlertEvaluator::countsOver(const DashboardFigures& figures, int seconds)
{
    if (figures.series.isEmpty())
        return {};
    const qsizetype points = std::clamp<qsizetype>(seconds / std::max(1, figures.stepSeconds), 1, figures.series.size());
    FailureRate::Counts counts;
    for (qsizetype i = figures.series.size() - points; i < figures.series.size(); ++i) {
        counts.sent += figures.series.at(i).sent;
        counts.failed += figures.series.at(i).failed;
    }
    return counts;
}

qint64 AlertEvaluator::stalledSeconds(const DashboardFigures& figures, qint64* since)
{
    *since = 0;
    const QList<DashboardFigures::Queue>& samples = figures.queueSeries;
    if (samples.isEmpty() || !samples.last().known() || samples.last().depth() == 0)
        return 0;
    const DashboardFigures::Queue& latest = samples.last();
    const DashboardFigures::Queue* start = &latest;
    // Back from the latest sample while the queue was non-empty and did not go down into the next one.
    for (qsizetype i = samples.size() - 2; i >= 0; --i) {
        const DashboardFigures::Queue& earlier = samples.at(i);
        if (!earlier.known())
            break;
        if (earlier.at == start->at)
            continue; // the same sample carried into the next step
        if (earlier.depth() == 0 || earlier.depth() > start->depth())
            break;
        start = &earlier;
    }
    *since = start->at;
    return latest.at - start->at;
}

QList<Alert> AlertEvaluator::evaluate(const DashboardFigures& figures) const
{
    QList<Alert> alerts;
    const QLocale locale;
    const FailureRate::Counts counts = countsOver(figures, m_thresholds.failureWindowMinutes * 60);
    const qint64 finished = counts.sent + counts.failed;
    const double rate = FailureRate::of(counts.sent, counts.failed);
    // Compared as failed × 100 against limit × finished: exact at the limit, where a rate in floating point is not.
    if (finished > 0 && finished >= m_thresholds.minimumFinished
        && double(counts.failed) * 100.0 > m_thresholds.failureRatePercent * double(finished)) {
        alerts << Alert{Alert::Kind::FailureRate, QString(),
                        tr("%1 % of %2 messages failed over the last %n minute(s) (alert above %3 %).", nullptr,
                           m_thresholds.failureWindowMinutes)
                            .arg(locale.toString(rate * 100.0, 'f', 2), locale.toString(finished),
                                 locale.toString(m_thresholds.failureRatePercent, 'g', 3)),
                        figures.to};
    }
    qint64 since = 0;
    const qint64 stalled = stalledSeconds(figures, &since);
    if (m_thresholds.queueStallMinutes > 0 && stalled >= 60 * qint64(m_thresholds.queueStallMinutes)) {
        alerts << Alert{Alert::Kind::QueueStalled, QString(),
                        tr("%1 messages waiting; the queue has not gone down for %n minute(s).", nullptr,
                           int(stalled / 60))
                            .arg(locale.toString(figures.queueSeries.last().depth())),
                        since};
    }
    if (m_thresholds.circuitOpen) {
        for (const DashboardFigures::ProviderHealth& health : figures.health) {
            if (health.senders > 0 && health.breaker == QLatin1String("open")) {
                alerts << Alert{Alert::Kind::CircuitOpen, health.provider,
                                health.lastError.isEmpty() ? tr("Messages fail over to the next provider.")
                                                           : tr("Last error: %1").arg(health.lastError),
                                figures.to};
            }
        }
    }
    return alerts;
}

} // namespace herald
