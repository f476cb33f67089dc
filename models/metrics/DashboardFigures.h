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
        qint64 pending = 0;  // waiting to be sent, retries included
        qint64 retrying = 0; // pending after a failed attempt
        qint64 inFlight = 0; // leased by a sender
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
    Queue queue;

    qint64 seconds() const { return to - from; }
};

} // namespace herald
