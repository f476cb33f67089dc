#include "TokenBucket.h"

#include <algorithm>
#include <cmath>

namespace herald {

TokenBucket::TokenBucket(double ratePerSecond, double burst, qint64 nowMs)
    : m_rate(ratePerSecond), m_burst(std::max(1.0, burst)), m_tokens(std::max(1.0, burst)), m_lastMs(nowMs)
{
}

void TokenBucket::refill(qint64 nowMs)
{
    if (nowMs > m_lastMs) {
        m_tokens = std::min(m_burst, m_tokens + m_rate * double(nowMs - m_lastMs) / 1000.0);
        m_lastMs = nowMs;
    }
}

bool TokenBucket::tryTake(qint64 nowMs)
{
    refill(nowMs);
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

qint64 TokenBucket::waitMs(qint64 nowMs)
{
    refill(nowMs);
    if (m_tokens >= 1.0)
        return 0;
    if (m_rate <= 0)
        return 1000;
    return qint64(std::ceil((1.0 - m_tokens) * 1000.0 / m_rate));
}

void TokenBucket::setRate(double ratePerSecond, qint64 nowMs)
{
    refill(nowMs);
    m_rate = ratePerSecond;
}

void TokenBucket::add(double tokens, qint64 nowMs)
{
    refill(nowMs);
    m_tokens = std::min(m_burst, m_tokens + tokens);
}

double TokenBucket::available(qint64 nowMs)
{
    refill(nowMs);
    return m_tokens;
}

} // namespace herald
