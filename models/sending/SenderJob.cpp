#include "SenderJob.h"

#include "HandingMarker.h"
#include "SendEngine.h"
#include "compose/CampaignMessageComposer.h"
#include "compose/DkimSigner.h"
#include "providers/TransferLoop.h"
#include "storage/CampaignRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>
#include <deque>
#include <future>
#include <memory>
#include <vector>

namespace herald {

namespace {
// A message on its way: marked, then rendered, waiting for a connection or going out on one.
struct Attempt
{
    ClaimedSend row;
    OutgoingMessage message;
    bool composed = false;
    QList<int> triedProviders; // failed over from
    DeliveryOutcome outcome;   // of the last provider tried
    QString providerName;
};

struct InFlight
{
    Attempt attempt;
    int provider = -1;
    size_t connection = 0;
    QElapsedTimer clock;
};

// One connection to a provider: its transport, whether a transfer runs on it, and the message queued
// behind that transfer (SMTP pipelining), started when it ends.
struct Connection
{
    std::unique_ptr<MailTransport> transport;
    bool busy = false;
    std::shared_ptr<InFlight> queued;

    bool takesNext() const { return busy && !queued && transport->acceptsNext(); }
};

constexpr int IdleWaitMs = 200;     // for claimed work when nothing is in hand
constexpr int TransferWaitMs = 100; // longest sleep while transfers run (stop and pause are checked between)
constexpr int RateWaitMs = 50;      // longest sleep for a rate limit
} // namespace

void SenderJob::run()
{
    Database& database = m_engine.database();
    CampaignRepository campaigns(database);
    const UnsubscribeToken signer(m_engine.unsubscribeSecret());
    DkimSigner dkim(m_engine.dkimKeys()); // this thread's libopendkim handle
    QHash<qint64, std::shared_ptr<CampaignMessageComposer>> composers;
    QRandomGenerator random(QRandomGenerator::global()->generate());
    ProviderPool& providers = m_engine.providers();
    const int senders = m_engine.settings().senders;

    // Declared before the loop so that the loop, destroyed first, ends what still runs on their handles.
    std::vector<std::vector<Connection>> connections(size_t(providers.size()));
    std::vector<int> shares; // how many connections to each provider this thread keeps at most
    int allConnections = 0;
    int mostConnections = 1; // to one provider: how many messages this thread may have going at once
    for (int i = 0; i < providers.size(); ++i) {
        shares.push_back(providers.connectionShare(i, m_index, senders));
        allConnections += shares.back();
        mostConnections = std::max(mostConnections, shares.back());
    }
    // A hand batch per connection: as many messages marked per statement for a thread of four connections
    // as for four threads of one, and the same bound on unknowns after a crash.
    const int handBatch = m_engine.settings().handBatch * mostConnections;
    TransferLoop loop(allConnections);
    QHash<const void*, std::shared_ptr<InFlight>> inFlight;
    std::deque<Attempt> waiting;

    auto composerFor = [&](qint64 campaignId) -> std::shared_ptr<CampaignMessageComposer> {
        if (auto found = composers.value(campaignId))
            return found;
        auto campaign = campaigns.find(campaignId);
        if (!campaign)
            return nullptr;
        auto composer = std::make_shared<CampaignMessageComposer>(campaign.value(), signer);
        composers.insert(campaignId, composer);
        return composer;
    };
    auto finalResult = [&](const ClaimedSend& row, DeliveryOutcome outcome, const QString& provider) {
        SendResult result;
        result.id = row.id;
        result.token = row.token;
        result.email = row.recipient.email;
        result.outcome = std::move(outcome);
        result.provider = provider;
        if (result.outcome.kind == DeliveryOutcome::Kind::Temporary && m_engine.settings().retry.mayRetry(row.token))
            result.retryDelayMs = m_engine.settings().retry.delayMs(row.token, random, result.outcome.retryAfterSeconds);
        return result;
    };
    // A connection of this thread's to `provider` is free, or may be, or takes a message behind its own.
    auto hasRoom = [&](int provider) {
        const std::vector<Connection>& open = connections[size_t(provider)];
        const int busy = int(std::count_if(open.begin(), open.end(), [](const Connection& c) { return c.busy; }));
        return busy < shares[size_t(provider)]
            || std::any_of(open.begin(), open.end(), [](const Connection& c) { return c.takesNext(); });
    };
    // Where a message for `provider` goes: a free connection (opened if need be), else behind the transfer of
    // a busy one (`behind`).
    auto connectionFor = [&](int provider, bool* behind) -> size_t {
        std::vector<Connection>& open = connections[size_t(provider)];
        *behind = false;
        for (size_t i = 0; i < open.size(); ++i) {
            if (!open[i].busy)
                return i;
        }
        if (int(open.size()) < shares[size_t(provider)]) {
            open.push_back(Connection{providers.createTransport(provider), false, nullptr});
            return open.size() - 1;
        }
        *behind = true;
        const auto taker = std::find_if(open.begin(), open.end(), [](const Connection& c) { return c.takesNext(); });
        return size_t(taker - open.begin());
    };
    auto startOn = [&](Connection& connection, std::shared_ptr<InFlight> flight) {
        connection.busy = true;
        inFlight.insert(flight.get(), flight);
        flight->clock.start();
        connection.transport->start(flight->attempt.message, loop, flight.get());
    };

    // Renders and signs an attempt's message; false, with the row given back or failed, when it cannot be.
    auto compose = [&](Attempt& attempt) {
        const auto composer = composerFor(attempt.row.campaignId);
        if (!composer) {
            m_engine.pushRelease(attempt.row); // the campaign could not be read now; try again later
            return false;
        }
        auto message = composer->compose(attempt.row.id, attempt.row.recipient);
        // Signed once here: a retry on another provider sends the same signature.
        const Status signedMessage = message && !dkim.isEmpty() ? dkim.signInto(message.value()) : Status();
        if (!message || !signedMessage) {
            DeliveryOutcome outcome;
            outcome.kind = DeliveryOutcome::Kind::Permanent;
            outcome.text = message ? signedMessage.error().message : message.error().message;
            m_engine.pushResult(finalResult(attempt.row, outcome, {}));
            return false;
        }
        attempt.message = std::move(message).value();
        attempt.composed = true;
        return true;
    };

    // Renders the first message not yet rendered among the next few, as many as this thread has connections
    // (each takes one message behind the one it sends), so that the message a reply makes due goes out at
    // once, with no rendering between the reply and the write. False when there is none to render.
    auto renderAhead = [&]() {
        const size_t ahead = std::min(waiting.size(), size_t(allConnections));
        for (size_t i = 0; i < ahead; ++i) {
            if (waiting[i].composed)
                continue;
            if (!compose(waiting[i]))
                waiting.erase(waiting.begin() + std::ptrdiff_t(i));
            return true;
        }
        return false;
    };

    // Rows taken, with their marks asked for: answered while the messages before go out. Each message is rendered
    // when its turn comes, rather than a batch at once while the replies of every connection wait.
    struct Batch
    {
        QList<ClaimedSend> rows;
        std::future<HandingMarker::Marked> marked;
    };
    auto nextBatch = [&](int waitMs) {
        Batch next;
        next.rows = m_engine.takeWork(handBatch, waitMs);
        if (!next.rows.isEmpty())
            next.marked = m_engine.handingMarker().mark(next.rows);
        return next;
    };
    Batch ahead;
    // Moves the next marked batch into `waiting` and asks for the marks of the one after; false when no work came.
    auto takeMarkedBatch = [&](int waitMs) {
        Batch current = ahead.marked.valid() ? std::move(ahead) : nextBatch(waitMs);
        ahead = Batch();
        if (!current.marked.valid())
            return false;
        const auto marked = current.marked.get();
        if (!marked) {
            m_engine.reportError(marked.error().message);
            for (const ClaimedSend& row : std::as_const(current.rows))
                m_engine.pushRelease(row);
            QThread::msleep(500);
            return false;
        }
        ahead = nextBatch(0);
        for (const ClaimedSend& row : std::as_const(current.rows)) {
            if (marked->contains(row.id)) // else another sender holds it now (this process was stalled past the lease)
                waiting.push_back(Attempt{row, {}, false, {}, {}, {}});
        }
        return true;
    };

    while (true) {
        if (waiting.empty()) {
            const bool took = takeMarkedBatch(inFlight.isEmpty() ? IdleWaitMs : 0);
            if (waiting.empty() && inFlight.isEmpty()) {
                if (!took && m_engine.isStopping() && !ahead.marked.valid())
                    break;
                continue;
            }
        }

        // Start what the connections and rate limits allow.
        int waitMs = TransferWaitMs;
        while (!waiting.empty()) {
            Attempt& next = waiting.front();
            const ClaimedSend& row = next.row;
            // Paused, cancelled, stopping, or held too long: what has not been handed over goes back to the
            // queue (a fenced write: if another sender took the row meanwhile, nothing changes).
            if (m_engine.isStopping() || !m_engine.isCampaignActive(row.campaignId) || !m_engine.isLeaseUsable(row)) {
                m_engine.pushRelease(row);
                waiting.pop_front();
                continue;
            }
            if (!next.composed && !compose(next)) {
                waiting.pop_front();
                continue;
            }
            qint64 providerWaitMs = 0;
            const int index = providers.acquire(&providerWaitMs, next.triedProviders, hasRoom);
            if (index < 0) {
                if (providerWaitMs >= 0) {
                    // A connection of this thread's comes free when a transfer ends, or a rate limit allows
                    // another message soon (what is paused or stopped meanwhile goes back above).
                    if (providerWaitMs > 0)
                        waitMs = int(std::min<qint64>(providerWaitMs, RateWaitMs));
                    break;
                }
                if (next.outcome.text.isEmpty()) {
                    next.outcome = DeliveryOutcome::transportFailure(tr("No provider is available: every one is failing "
                                                                        "or paused by its circuit breaker."),
                                                                     false, false);
                }
                m_engine.pushResult(finalResult(row, next.outcome, next.providerName));
                waiting.pop_front();
                continue;
            }
            auto flight = std::make_shared<InFlight>();
            flight->provider = index;
            bool behind = false;
            flight->connection = connectionFor(index, &behind);
            Connection& connection = connections[size_t(index)][flight->connection];
            flight->attempt = std::move(next); // where the message stays until the transfer ends
            waiting.pop_front();
            if (behind) {
                connection.queued = flight;
                connection.transport->queueNext(flight->attempt.message);
            } else {
                startOn(connection, flight);
            }
        }

        if (inFlight.isEmpty() && waiting.empty())
            continue;
        loop.advanceStarted(); // what was started above goes out before anything is rendered ahead
        const bool rendered = renderAhead();
        const QList<TransferLoop::Ended> endedNow = loop.run(rendered ? 0 : waitMs);
        for (const TransferLoop::Ended& ended : std::as_const(endedNow)) {
            const std::shared_ptr<InFlight> flight = inFlight.take(ended.tag);
            if (!flight)
                continue;
            Connection& connection = connections[size_t(flight->provider)][flight->connection];
            connection.busy = false;
            Attempt& attempt = flight->attempt;
            attempt.outcome = connection.transport->finish(ended);
            if (connection.queued)
                startOn(connection, std::move(connection.queued));
            const int latencyMs = int(flight->clock.elapsed());
            providers.report(flight->provider, attempt.outcome);
            attempt.providerName = providers.provider(flight->provider).name;
            // The provider failed before taking the message: the next one by priority may take it, first.
            if (attempt.outcome.providerProblem && attempt.outcome.kind == DeliveryOutcome::Kind::Temporary
                && attempt.triedProviders.size() + 1 < providers.size()) {
                attempt.triedProviders << flight->provider;
                waiting.push_front(std::move(attempt));
                continue;
            }
            SendResult result = finalResult(attempt.row, attempt.outcome, attempt.providerName);
            result.messageId = attempt.message.messageId;
            result.latencyMs = latencyMs;
            m_engine.pushResult(result);
        }
    }
    database.releaseThreadConnection();
}

} // namespace herald
