#pragma once

#include "CircuitBreaker.h"
#include "DeliveryOutcome.h"
#include "SharedRateBudget.h"
#include "TokenBucket.h"
#include "domain/Provider.h"
#include "providers/MailTransport.h"

#include <QElapsedTimer>
#include <QList>
#include <QMutex>

#include <functional>
#include <memory>

namespace herald {

// The providers a sending process may use, in priority order, each with its rate limit and circuit
// breaker. Thread-safe: every sender thread asks it which provider to use for the next message.
class ProviderPool
{
public:
    using TransportFactory = std::function<std::unique_ptr<MailTransport>(const Provider&)>;

    struct ProviderState
    {
        QString name;
        QString breaker; // closed, open, half-open
        double ratePerSecond = 0;
        double limitPerSecond = 0;
        QString lastError;
    };

    ProviderPool(QList<Provider> providers, TransportFactory factory);

    // The index of the provider to use now, skipping `excluded` (failed over from) and waiting for one
    // where `hasRoom` (when given) says the caller has no free connection. -1 when none can take a message
    // now: waitMs > 0 is how long until a rate limit allows one; 0 means a connection of the caller's must
    // come free first; -1 means every provider is down (circuit open).
    // With Token::Later the provider is chosen without a rate token: takeToken() takes it when the message
    // is about to go (a message queued behind another on a connection waits for it without holding one).
    enum class Token { Now, Later };
    int acquire(qint64* waitMs, const QList<int>& excluded = {}, const std::function<bool(int)>& hasRoom = {},
                Token token = Token::Now);
    // Takes a rate token of provider `index`; false, with waitMs > 0 (how long until one may be there), when
    // its limit allows none now.
    bool takeToken(int index, qint64* waitMs);
    // Tells the pool how a message went on provider `index` (breaker, slow-down).
    void report(int index, const DeliveryOutcome& outcome);
    // From now on the rate limits hold across every process sharing `budget`'s database: the local buckets
    // fill only with slices drawn from it. Call before sending starts.
    void shareBudget(std::shared_ptr<SharedRateBudget> budget);
    // The rate each provider keeps to now (its limit, or less after a "slow down" reply).
    double currentRate(int index);

    const Provider& provider(int index) const { return m_entries.at(index)->provider; }
    // How many of provider `index`'s connections sending thread `sender` of `senders` may keep open: the
    // provider's connections spread over the threads, at least one each.
    int connectionShare(int index, int sender, int senders) const;
    int size() const { return int(m_entries.size()); }
    std::unique_ptr<MailTransport> createTransport(int index) const { return m_factory(m_entries.at(index)->provider); }
    QList<ProviderState> states();

private:
    struct Entry
    {
        Provider provider;
        TokenBucket bucket;
        CircuitBreaker breaker;
        qint64 slowUntilMs = 0;   // 0: not slowed down
        qint64 lastSlowDownMs = -1000000;
        double slowRate = 0;      // the lowered rate while slowUntilMs is set
        qint64 nextDrawMs = 0;    // shared budget: when to ask for more tokens
        bool drawing = false;     // shared budget: a sender thread is asking now
        qint64 tokensLapseMs = 0; // shared budget: tokens in the bucket are void after this
        bool shared = false;      // its tokens come from the shared budget (it has a real limit)

        double rate() const { return slowUntilMs ? slowRate : provider.ratePerSecond; }
    };
    qint64 nowMs() const { return m_clock.elapsed(); }
    // Restores the rate step by step once a slow-down has lasted long enough.
    void easeSlowDown(Entry& entry, qint64 now);
    // Refills an empty local bucket from the shared budget (the pool's lock is released meanwhile).
    // Returns false when the provider has no token now; *waitMs says how long until it may.
    bool drawShared(Entry& entry, QMutexLocker<QMutex>& lock, qint64* waitMs);
    qint64 tokenWaitMs(Entry& entry, QMutexLocker<QMutex>& lock);

    QMutex m_mutex;
    QElapsedTimer m_clock;
    QList<std::shared_ptr<Entry>> m_entries;
    TransportFactory m_factory;
    std::shared_ptr<SharedRateBudget> m_budget;
};

} // namespace herald
