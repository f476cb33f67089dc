#pragma once

#include <QRandomGenerator>

namespace herald {

// When to try a temporarily failed message again: exponential backoff with full jitter (a random
// delay up to base·2^(attempt-1), capped), so that many failures at once do not come back at once.
struct RetryPolicy
{
    int baseSeconds = 30;        // first retry within 30 s
    int capSeconds = 3600;       // never wait more than an hour
    int maxAttempts = 8;         // then the message fails for good (about 2 h of trying in all)

    bool mayRetry(int attemptsSoFar) const { return attemptsSoFar < maxAttempts; }
    // Delay before attempt number attemptsSoFar + 1, in milliseconds; at least the provider's Retry-After.
    qint64 delayMs(int attemptsSoFar, QRandomGenerator& random, int retryAfterSeconds = 0) const;
};

} // namespace herald
