#include "CircuitBreaker.h"

namespace herald {

CircuitBreaker::CircuitBreaker(int failureThreshold, qint64 coolDownMs)
    : m_threshold(failureThreshold), m_coolDownMs(coolDownMs)
{
}

CircuitBreaker::State CircuitBreaker::state(qint64 nowMs)
{
    if (m_state == State::Open && nowMs - m_openedAtMs >= m_coolDownMs) {
        m_state = State::HalfOpen;
        m_probeInFlight = false;
    }
    return m_state;
}

bool CircuitBreaker::allow(qint64 nowMs)
{
    switch (state(nowMs)) {
    case State::Closed:
        return true;
    case State::Open:
        return false;
    case State::HalfOpen:
        if (m_probeInFlight)
            return false;
        m_probeInFlight = true;
        return true;
    }
    return false;
}

void CircuitBreaker::recordSuccess()
{
    m_consecutiveFailures = 0;
    m_state = State::Closed;
    m_probeInFlight = false;
}

void CircuitBreaker::recordFailure(qint64 nowMs, const QString& reason)
{
    m_lastError = reason;
    ++m_consecutiveFailures;
    if (m_state == State::HalfOpen || m_consecutiveFailures >= m_threshold) {
        m_state = State::Open;
        m_openedAtMs = nowMs;
        m_probeInFlight = false;
    }
}

QString CircuitBreaker::name(State state)
{
    switch (state) {
    case State::Closed:
        return QStringLiteral("closed");
    case State::Open:
        return QStringLiteral("open");
    case State::HalfOpen:
        return QStringLiteral("half-open");
    }
    return {};
}

} // namespace herald
