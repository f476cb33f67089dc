#include "FailureRate.h"

#include <algorithm>

namespace herald {

double FailureRate::of(qint64 sent, qint64 failed)
{
    const qint64 finished = sent + failed;
    return finished > 0 ? double(failed) / double(finished) : 0.0;
}

QList<double> FailureRate::rolling(const QList<Counts>& points, int windowPoints)
{
    const qsizetype window = std::max(1, windowPoints);
    QList<double> rates;
    rates.reserve(points.size());
    Counts inWindow;
    for (qsizetype i = 0; i < points.size(); ++i) {
        inWindow.sent += points.at(i).sent;
        inWindow.failed += points.at(i).failed;
        if (i >= window) { // the point that just left the window
            inWindow.sent -= points.at(i - window).sent;
            inWindow.failed -= points.at(i - window).failed;
        }
        rates << of(inWindow.sent, inWindow.failed);
    }
    return rates;
}

} // namespace herald
