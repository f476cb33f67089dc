#pragma once

#include <QtGlobal>

namespace herald {

// A token bucket: `rate` tokens a second up to `burst`. Time comes from the caller (milliseconds on a
// monotonic clock), so tests control it. Not thread-safe; ProviderPool guards it.
class TokenBucket
{
public:
    TokenBucket(double ratePerSecond, double burst, qint64 nowMs);

    // Takes one token if there is one.
    bool tryTake(qint64 nowMs);
    // Milliseconds until a token will be there (0 when one is).
    qint64 waitMs(qint64 nowMs);
    void setRate(double ratePerSecond, qint64 nowMs);
    double rate() const { return m_rate; }
    // Adds tokens granted from elsewhere (the shared budget), up to the burst.
    void add(double tokens, qint64 nowMs);
    double available(qint64 nowMs);
    // Empties it (tokens then come only from add()).
    void clear() { m_tokens = 0; }

private:
    void refill(qint64 nowMs);

    double m_rate;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs;
};

} // namespace herald
