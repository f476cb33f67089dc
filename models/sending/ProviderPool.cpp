#include "ProviderPool.h"

#include <algorithm>
#include <cmath>

namespace herald {

namespace {
constexpr qint64 SlowDownMs = 60000;      // how long one rate step lasts after a "slow down" reply
constexpr qint64 SlowDownSettleMs = 1000; // replies to messages already in flight do not halve the rate again
constexpr double MinimumRate = 0.5;
constexpr int BreakerThreshold = 5;
constexpr qint64 BreakerCoolDownMs = 30000;
constexpr qint64 DrawRetryMs = 500; // after the shared budget could not be read

// Tokens drawn from the shared schedule are used at once or not at all: they lapse after holdMs(). A token drawn
// at t may go out until t + hold, so the burst the schedule allows is the provider's burst less what the hold at
// the rate could add: no window, wherever it starts, holds more than rate x length + burst sends. The hold is
// 20 ms, or shorter where the burst is small for the rate, so that at least half the burst is left to draw.
double holdMs(double rate, int burst) { return std::min(20.0, 500.0 * std::max(1, burst) / rate); }

int sharedBurst(double rate, int burst) { return std::max(1, burst - int(std::ceil(rate * holdMs(rate, burst) / 1000.0))); }

// Tokens drawn from the shared schedule at once: what the rate spends during the hold, so that few lapse unused
// (each lapsed token is a send the limit allowed and nobody made: a twentieth of a second's worth at 50/s,
// mostly lapsed, sent 29/s) while a fast provider needs about one statement per hold, not one per message.
int sliceFor(double rate, int burst)
{
    return std::clamp(int(rate * holdMs(rate, burst) / 1000.0), 1, sharedBurst(rate, burst));
}

// A rate this high is no limit (a provider "without" one): there is nothing to share, and drawing for it
// would cost a statement every few messages.
constexpr double NoLimitRate = 1e6;
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
                                                   CircuitBreaker(BreakerThreshold, BreakerCoolDownMs)});
    }
}

void ProviderPool::shareBudget(std::shared_ptr<SharedRateBudget> budget)
{
    QMutexLocker lock(&m_mutex);
    m_budget = std::move(budget);
    const qint64 now = nowMs();
    for (const auto& entry : std::as_const(m_entries)) {
        entry->shared = entry->provider.ratePerSecond < NoLimitRate;
        if (!entry->shared)
            continue;
        // Tokens come only from the shared schedule now: no refill of its own, nothing in hand.
        const double slice = sliceFor(entry->provider.ratePerSecond, entry->provider.burst);
        entry->bucket = TokenBucket(0, std::max<double>(entry->provider.burst, slice), now);
        entry->bucket.clear();
    }
}

double ProviderPool::currentRate(int index)
{
    QMutexLocker lock(&m_mutex);
    Entry& entry = *m_entries[index];
    easeSlowDown(entry, nowMs());
    return entry.rate();
}

void ProviderPool::easeSlowDown(Entry& entry, qint64 now)
{
    if (!entry.slowUntilMs || now < entry.slowUntilMs)
        return;
    // Double the rate every step until the limit is back: a provider that throttled once is likely to again.
    entry.slowRate *= 2;
    if (entry.slowRate >= entry.provider.ratePerSecond) {
        entry.slowUntilMs = 0;
    } else {
        entry.slowUntilMs = now + SlowDownMs;
    }
    if (!m_budget || !entry.shared)
        entry.bucket.setRate(entry.rate(), now);
}

bool ProviderPool::drawShared(Entry& entry, QMutexLocker<QMutex>& lock, qint64* waitMs)
{
    const qint64 now = nowMs();
    if (entry.drawing || now < entry.nextDrawMs) {
        *waitMs = entry.drawing ? 2 : entry.nextDrawMs - now;
        return false;
    }
    entry.drawing = true;
    const QString name = entry.provider.name;
    const double rate = entry.rate();
    const int burst = entry.provider.burst;
    const std::shared_ptr<SharedRateBudget> budget = m_budget;
    lock.unlock(); // a database round trip: other providers stay usable meanwhile
    const auto grant = budget->draw(name, sliceFor(rate, burst), rate, sharedBurst(rate, burst));
    lock.relock();
    entry.drawing = false;
    const qint64 after = nowMs();
    if (!grant) {
        // The database is away: send nothing rather than more than the limit (the engine reports the
        // database error itself; the provider is not at fault).
        entry.nextDrawMs = after + DrawRetryMs;
        *waitMs = DrawRetryMs;
        return false;
    }
    if (grant->tokens > 0) {
        entry.bucket.add(grant->tokens, after);
        entry.tokensLapseMs = after + qint64(holdMs(rate, burst));
        entry.nextDrawMs = after;
        return true;
    }
    const qint64 wait = std::max(1, grant->waitMs);
    entry.nextDrawMs = after + wait;
    *waitMs = wait;
    return false;
}

qint64 ProviderPool::tokenWaitMs(Entry& entry, QMutexLocker<QMutex>& lock)
{
    const qint64 now = nowMs();
    if (!m_budget || !entry.shared)
        return entry.bucket.waitMs(now);
    if (now > entry.tokensLapseMs)
        entry.bucket.clear(); // not used at once: sent later they could exceed the limit
    qint64 wait = 0;
    if (entry.bucket.available(now) < 1.0 && !drawShared(entry, lock, &wait))
        return std::max<qint64>(1, wait);
    return 0;
}

bool ProviderPool::takeToken(int index, qint64* waitMs)
{
    QMutexLocker lock(&m_mutex);
    const std::shared_ptr<Entry> held = m_entries[index];
    Entry& entry = *held;
    easeSlowDown(entry, nowMs());
    *waitMs = tokenWaitMs(entry, lock);
    if (*waitMs > 0)
        return false;
    if (!entry.bucket.tryTake(nowMs())) { // another sender took the last token while this one drew
        *waitMs = 1;
        return false;
    }
    return true;
}

int ProviderPool::acquire(qint64* waitMs, const QList<int>& excluded, const std::function<bool(int)>& hasRoom, Token token)
{
    QMutexLocker lock(&m_mutex);
    qint64 shortestWait = -1; // stays -1 when no provider can take a message at all
    bool roomWanted = false;
    for (int i = 0; i < m_entries.size(); ++i) {
        if (excluded.contains(i))
            continue;
        const std::shared_ptr<Entry> held = m_entries[i];
        Entry& entry = *held;
        qint64 now = nowMs();
        easeSlowDown(entry, now);
        const CircuitBreaker::State state = entry.breaker.state(now);
        if (state == CircuitBreaker::State::Open)
            continue; // fail over to the next provider by priority
        if (hasRoom && !hasRoom(i)) {
            // Every connection the caller has to it is busy: like a rate limit, waiting beats failing over.
            roomWanted = true;
            if (state == CircuitBreaker::State::Closed)
                break;
            continue;
        }
        const qint64 wait = token == Token::Now ? tokenWaitMs(entry, lock) : 0;
        now = nowMs();
        if (wait > 0) {
            shortestWait = shortestWait < 0 ? wait : std::min(shortestWait, wait);
            // A healthy provider that is only busy keeps its messages: waiting beats failing over.
            if (state == CircuitBreaker::State::Closed)
                break;
            continue;
        }
        if (!entry.breaker.allow(now))
            continue;
        if (token == Token::Now && !entry.bucket.tryTake(now))
            continue; // another sender took the last token while this one drew
        *waitMs = 0;
        return i;
    }
    *waitMs = roomWanted ? 0 : shortestWait;
    return -1;
}

int ProviderPool::connectionShare(int index, int sender, int senders) const
{
    const int connections = std::max(1, m_entries.at(index)->provider.connections);
    senders = std::max(1, senders);
    return std::max(1, connections / senders + (sender % senders < connections % senders ? 1 : 0));
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
    if (!outcome.slowDown || now - entry.lastSlowDownMs < SlowDownSettleMs)
        return;
    // Halve the rate (again, if it is already lowered) for a while.
    entry.lastSlowDownMs = now;
    entry.slowRate = std::max(MinimumRate, entry.rate() / 2);
    const qint64 holdMs = std::max<qint64>(SlowDownMs, qint64(outcome.retryAfterSeconds) * 1000);
    entry.slowUntilMs = now + holdMs;
    if (!m_budget || !entry.shared) {
        entry.bucket.setRate(entry.slowRate, now);
        return;
    }
    const QString name = entry.provider.name;
    const double rate = entry.slowRate;
    const std::shared_ptr<SharedRateBudget> budget = m_budget;
    lock.unlock();
    (void)budget->slowDown(name, rate, int(holdMs / 1000)); // the local rate holds even if this fails
}

QList<ProviderPool::ProviderState> ProviderPool::states()
{
    QMutexLocker lock(&m_mutex);
    QList<ProviderState> list;
    const qint64 now = nowMs();
    for (const auto& entry : std::as_const(m_entries)) {
        easeSlowDown(*entry, now);
        list << ProviderState{entry->provider.name, CircuitBreaker::name(entry->breaker.state(now)), entry->rate(),
                              entry->provider.ratePerSecond, entry->breaker.lastError()};
    }
    return list;
}

} // namespace herald
