#include "RetryPolicy.h"

#include <algorithm>

namespace herald {

qint64 RetryPolicy::delayMs(int attemptsSoFar, QRandomGenerator& random, int retryAfterSeconds) const
{
    const int exponent = std::clamp(attemptsSoFar - 1, 0, 30);
    const qint64 ceilingMs = std::min<qint64>(qint64(capSeconds) * 1000, qint64(baseSeconds) * 1000 << exponent);
    // Full jitter, but never less than a tenth of the ceiling so a retry is not immediate.
    const qint64 floorMs = ceilingMs / 10;
    const qint64 delay = floorMs + qint64(random.bounded(double(ceilingMs - floorMs + 1)));
    return std::max<qint64>(delay, qint64(retryAfterSeconds) * 1000);
}

} // namespace herald
