#include "ProviderPool.h"

#include <algorithm>

namespace herald {

namespace {
constexpr qint64 SlowDownMs = 60000; // how long a "slow down" reply halves the rate
constexpr int BreakerThreshold = 5;
constexpr qint64 BreakerCoolDownMs = 30000;
} // namespace

ProviderPool::ProviderPool(QList<Provider> providers, TransportFactory factory) : m_factory(std::move(factory))
{
    m_clock.start();
    std::stable_sort(providers.begin(), providers.end(),
                     [](const Provider& a, const Provider& b) { return a.priority < b.priority; });
    for (const Provider& provider : providers) {
        if (!provider.enabled)
            continue;
        m_entries << std::make_shared<Entry>(Entry{provider, TokenBucket(provider.ratePerSecond, provider.burst, 0),
                                                   CircuitBreaker(BreakerThreshold, BreakerCoolDownMs), 0});
    }
}

int ProviderPool::acquire(qint64* waitMs, const QList<int>& excluded)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = nowMs();
    qint64 shortestWait = -1; // stays -1 when no provider can take a message at all
    for (int i = 0; i < m_entries.size(); ++i) {
        if (excluded.contains(i))
            continue;
        Entry& entry = *m_entries[i];
        if (entry.slowUntilMs && now >= entry.slowUntilMs) {
            entry.bucket.setRate(entry.provider.ratePerSecond, now);
            entry.slowUntilMs = 0;
        }
        const CircuitBreaker::State state = entry.breaker.state(now);
        if (state == CircuitBreaker::State::Open)
            continue; // fail over to the next provider by priority
        const qint64 wait = entry.bucket.waitMs(now);
        if (wait > 0) {
            shortestWait = shortestWait < 0 ? wait : std::min(shortestWait, wait);
            // A healthy provider that is only busy keeps its messages: waiting beats failing over.
            if (state == CircuitBreaker::State::Closed)
                break;
            continue;
        }
        if (!entry.breaker.allow(now))
            continue;
        entry.bucket.tryTake(now);
        *waitMs = 0;
        return i;
    }
    *waitMs = shortestWait;
    return -1;
}

void ProviderPool::report(int index, const DeliveryOutcome& outcome)
{
    QMutexLocker lock(&m_mutex);
    Entry& entry = *m_entries[index];
    const qint64 now = nowMs();
    if (outcome.providerProblem)
        entry.breaker.recordFailure(now, outcome.text);
    else
        entry.breaker.recordSuccess(); // the provider answered, even if it refused this recipient
    if (outcome.slowDown) {
        entry.bucket.setRate(std::max(0.5, entry.provider.ratePerSecond / 2), now);
        entry.slowUntilMs = now + std::max<qint64>(SlowDownMs, qint64(outcome.retryAfterSeconds) * 1000);
    }
}

QList<ProviderPool::ProviderState> ProviderPool::states()
{
    QMutexLocker lock(&m_mutex);
    QList<ProviderState> list;
    const qint64 now = nowMs();
    for (const auto& entry : std::as_const(m_entries)) {
        list << ProviderState{entry->provider.name, CircuitBreaker::name(entry->breaker.state(now)), entry->bucket.rate(),
                              entry->provider.ratePerSecond, entry->breaker.lastError()};
    }
    return list;
}

} // namespace herald
