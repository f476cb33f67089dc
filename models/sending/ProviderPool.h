#pragma once

#include "CircuitBreaker.h"
#include "DeliveryOutcome.h"
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

    // The index of the provider to use now, skipping `excluded` (failed over from). -1 when none can
    // take a message now: waitMs > 0 is how long until a rate limit allows one; -1 means every
    // provider is down (circuit open).
    int acquire(qint64* waitMs, const QList<int>& excluded = {});
    // Tells the pool how a message went on provider `index` (breaker, slow-down).
    void report(int index, const DeliveryOutcome& outcome);

    const Provider& provider(int index) const { return m_entries.at(index)->provider; }
    int size() const { return int(m_entries.size()); }
    std::unique_ptr<MailTransport> createTransport(int index) const { return m_factory(m_entries.at(index)->provider); }
    QList<ProviderState> states();

private:
    struct Entry
    {
        Provider provider;
        TokenBucket bucket;
        CircuitBreaker breaker;
        qint64 slowUntilMs = 0;
    };
    qint64 nowMs() const { return m_clock.elapsed(); }

    QMutex m_mutex;
    QElapsedTimer m_clock;
    QList<std::shared_ptr<Entry>> m_entries;
    TransportFactory m_factory;
};

} // namespace herald
