#pragma once

#include "LatencyHistogram.h"

#include <QList>
#include <QString>

namespace herald {

// What the dashboards show for a time range: rates over time, failure rate, latency, failure reasons,
// per provider and in total, and the queue as it stands.
struct DashboardFigures
{
    struct Point
    {
        qint64 start = 0; // epoch seconds
        qint64 sent = 0;  // in this step
        qint64 failed = 0;
        double sentPerSecond = 0;
        double failedPerSecond = 0;
        double failureRate = 0; // over the rolling window ending with this point
    };
    struct Outcomes
    {
        QString provider; // empty in the totals, and for messages that never reached one
        qint64 sent = 0;
        qint64 failed = 0;
        qint64 retried = 0;
        qint64 unknown = 0;
        LatencyHistogram latency;
    };
    struct Reason
    {
        QString reason; // the reply code and enhanced code ("550 5.1.1"), or the start of the error
        qint64 count = 0;
        QString example;
    };
    struct Queue
    {
        qint64 at = 0;       // epoch seconds of the sample; 0 when none was ever taken
        qint64 pending = 0;  // waiting to be sent, retries included (campaigns sending only)
        qint64 retrying = 0; // pending after a failed attempt
        qint64 inFlight = 0; // leased by a sender

        bool known() const { return at > 0; }
        qint64 depth() const { return pending + inFlight; }
    };
    // One provider as the sending processes see it now (provider_status), with its recent rate (send_metrics).
    struct ProviderHealth
    {
        QString provider;
        QString breaker; // closed, open, half-open; "idle" when no process is sending through it
        int senders = 0; // processes that reported within the last StaleSeconds
        double currentPerSecond = 0; // attempts per second over the last minute, every process together
        double allowedPerSecond = 0; // the rate kept to now (lower than the limit after a "slow down" reply)
        double limitPerSecond = 0;
        QString lastError;
        qint64 lastErrorAt = 0; // epoch seconds; 0 when none
    };

    qint64 from = 0; // epoch seconds, inclusive
    qint64 to = 0;   // exclusive
    int stepSeconds = 10;
    int windowSeconds = 300;
    QList<Point> series;
    Outcomes totals;
    QList<Outcomes> providers;
    double failureRate = 0;        // over the whole range
    double recentFailureRate = 0;  // over the last window
    QList<Reason> reasons;
    Queue queue;              // the latest sample
    QList<Queue> queueSeries; // the queue at the end of each step (the latest sample then; unknown before the first)
    QList<ProviderHealth> health;

    qint64 seconds() const { return to - from; }
};

} // namespace herald
