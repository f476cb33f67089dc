#pragma once

#include <QList>
#include <QtGlobal>

namespace herald {

// Failure rates from counts: the share of final outcomes that failed, over a whole range or a window
// rolling along a series of equally spaced buckets.
class FailureRate
{
public:
    struct Counts
    {
        qint64 sent = 0;
        qint64 failed = 0;
    };

    // failed / (sent + failed); 0 when nothing finished.
    static double of(qint64 sent, qint64 failed);
    // For each point, the rate over the `windowPoints` points ending with it (fewer at the start).
    static QList<double> rolling(const QList<Counts>& points, int windowPoints);
};

} // namespace herald
