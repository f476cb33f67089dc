#pragma once

#include <QString>
#include <QtGlobal>

namespace herald {

// Stops using a provider that keeps failing, so messages fail over to the next one instead of
// piling up retries: opens after N consecutive provider failures, lets one probe through after a
// cool-down (half-open), closes again on a success. Per-recipient refusals do not count.
// Time comes from the caller (monotonic milliseconds). Not thread-safe; the owner guards it.
class CircuitBreaker
{
public:
    enum class State { Closed, Open, HalfOpen };

    explicit CircuitBreaker(int failureThreshold = 5, qint64 coolDownMs = 30000);

    // May a message go to this provider now? In half-open, only one at a time (the probe).
    bool allow(qint64 nowMs);
    void recordSuccess();
    void recordFailure(qint64 nowMs, const QString& reason);
    State state(qint64 nowMs);
    QString lastError() const { return m_lastError; }

    static QString name(State state);

private:
    int m_threshold;
    qint64 m_coolDownMs;
    int m_consecutiveFailures = 0;
    State m_state = State::Closed;
    qint64 m_openedAtMs = 0;
    bool m_probeInFlight = false;
    QString m_lastError;
};

} // namespace herald
