#include "SenderJob.h"

#include "HandingMarker.h"
#include "MessageResources.h"
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
#include <chrono>
#include <deque>
#include <future>
#include <memory>
#include <vector>

namespace herald {

namespace {
// A message on its way: taken, then rendered, waiting for a connection, marked as handed over, going out on one.
struct Attempt
{
    ClaimedSend row;
    OutgoingMessage message;
    bool composed = false;
    QList<int> triedProviders; // failed over from
    DeliveryOutcome outcome;   // of the last provider tried
    QString providerName;
};

// A message given a connection: its hand-over mark is asked for at once, and its data goes out only once the mark
// is confirmed, so that after a crash only messages that were really on a connection are of unknown outcome. Its
// envelope may go before (MAIL and RCPT deliver nothing): pipelined with the data of the message before.
struct InFlight
{
    Attempt attempt;
    int provider = -1;
    size_t connection = 0;
    std::future<HandingMarker::Marked> mark; // valid until the answer was taken
    bool marked = false;                     // confirmed: it may go out
    bool dropped = false;                    // it will not go out: its mark was refused, or its lease lapsed
    bool envelopeQueued = false;             // its envelope went with the data of the message before (pipelining)
    QElapsedTimer clock;
};

// One connection to a provider, with two places: the message it sends (or that waits for its mark to start) and
// one behind it, marked while the first goes out and, when the server pipelines (RFC 2920), with its envelope sent
// along with the first one's data. At most two marked messages a connection: the bound on unknowns after a crash.
struct Connection
{
    std::unique_ptr<MailTransport> transport;
    std::shared_ptr<InFlight> front;
    bool transferring = false; // front has been started on the transport
    std::shared_ptr<InFlight> next;

    bool takesNext() const { return front && !next; }
};

constexpr int IdleWaitMs = 200;     // for claimed work when nothing is in hand
constexpr int TransferWaitMs = 100; // longest sleep while transfers run (stop and pause are checked between)
constexpr int RateWaitMs = 50;      // longest sleep for a rate limit
} // namespace

void SenderJob::run()
{
    Database& database = m_engine.database();
    CampaignRepository campaigns(database);
    DkimSigner dkim(m_engine.dkimKeys()); // this thread's keys, parsed once
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
    // Rows taken from the claimed work at once: a few per connection, so that renderings and rate tokens are ready
    // when a connection comes free. They are leased, not marked: after a crash they go back to the queue.
    const int handBatch = m_engine.settings().handBatch * mostConnections;
    TransferLoop loop(allConnections);
    const std::shared_ptr<TransferLoop::Waker> waker = loop.waker();
    HandingMarker& marker = m_engine.handingMarker();
    QHash<const void*, std::shared_ptr<InFlight>> inFlight; // started on a transport, by tag
    std::vector<std::shared_ptr<InFlight>> marking;         // waiting for the answer to their mark
    std::deque<Attempt> waiting;
    qint64 marksRetryAtMs = 0; // after a failed mark, no new marks until then (the database is away)
    qint64 tokenWaitMs = -1;   // until a rate limit lets a marked message start (-1: none waits for one)
    QElapsedTimer clock;
    clock.start();

    auto composerFor = [&](qint64 campaignId) -> std::shared_ptr<CampaignMessageComposer> {
        if (auto found = composers.value(campaignId))
            return found;
        auto campaign = campaigns.find(campaignId);
        if (!campaign)
            return nullptr;
        auto composer = std::make_shared<CampaignMessageComposer>(campaign.value(), m_engine.unsubscribeSecret());
        if (!MessageResources::loadInto(database, *composer)) // its files and images, read once for all its messages
            return nullptr;
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
        if (result.outcome.kind == DeliveryOutcome::Kind::Temporary && m_engine.settings().retry.mayRetry(row.attempt))
            result.retryDelayMs = m_engine.settings().retry.delayMs(row.attempt, random, result.outcome.retryAfterSeconds);
        return result;
    };
    // A connection of this thread's to `provider` is free, or may be opened, or takes a message behind its own.
    auto hasRoom = [&](int provider) {
        const std::vector<Connection>& open = connections[size_t(provider)];
        const int used = int(std::count_if(open.begin(), open.end(), [](const Connection& c) { return bool(c.front); }));
        return used < shares[size_t(provider)]
            || std::any_of(open.begin(), open.end(), [](const Connection& c) { return c.takesNext(); });
    };
    // Where a message for `provider` goes: a free connection (opened if need be), else behind the message of a busy one.
    auto connectionFor = [&](int provider) -> size_t {
        std::vector<Connection>& open = connections[size_t(provider)];
        for (size_t i = 0; i < open.size(); ++i) {
            if (!open[i].front)
                return i;
        }
        if (int(open.size()) < shares[size_t(provider)]) {
            open.push_back(Connection{providers.createTransport(provider), nullptr, false, nullptr});
            return open.size() - 1;
        }
        const auto taker = std::find_if(open.begin(), open.end(), [](const Connection& c) { return c.takesNext(); });
        return size_t(taker - open.begin());
    };
    // A message waits on a connection (for its mark or a rate token), or goes out on one.
    auto holdsMessages = [&]() {
        return std::any_of(connections.begin(), connections.end(), [](const std::vector<Connection>& open) {
            return std::any_of(open.begin(), open.end(), [](const Connection& c) { return bool(c.front); });
        });
    };
    auto connectionOf = [&](const InFlight& flight) -> Connection& {
        return connections[size_t(flight.provider)][flight.connection];
    };
    auto startOn = [&](Connection& connection, std::shared_ptr<InFlight> flight) {
        connection.front = flight;
        connection.transferring = true;
        inFlight.insert(flight.get(), flight);
        flight->clock.start();
        connection.transport->start(flight->attempt.message, loop, flight.get());
    };
    // The next message of a pipelining connection sends its envelope with the data of the one going now, marked
    // or not yet: only its data waits for the mark.
    auto queueEnvelope = [&](Connection& connection) {
        InFlight& next = *connection.next;
        if (!next.dropped && !next.envelopeQueued && connection.transferring && connection.transport->acceptsNext()) {
            connection.transport->queueNext(next.attempt.message);
            next.envelopeQueued = true;
        }
    };
    // Starts the front message of a connection at rest once it is marked, and drops what will not go out: a
    // message whose lease lapsed (the process was stopped past it) may have been taken over, and one of a campaign
    // paused meanwhile, or while stopping, waits no more. Its row goes back (a fenced write, which changes
    // nothing if another sender holds it) and it is not sent. A dropped message
    // whose envelope went already leaves a transaction open: it ends with the connection (a new one is made).
    auto settle = [&](Connection& connection) {
        while (connection.front && !connection.transferring) {
            const std::shared_ptr<InFlight> front = connection.front;
            const ClaimedSend& row = front->attempt.row;
            if (!front->dropped && (!m_engine.isLeaseUsable(row) || m_engine.isStopping() || !m_engine.isCampaignActive(row.campaignId))) {
                front->dropped = true;
                if (front->marked)
                    m_engine.pushRelease(row); // else when its mark's answer comes
            }
            if (!front->dropped) {
                // Its rate token is taken now, as it goes: a token held while it waited behind another could
                // go out late, together with later ones, and a sliding second would hold more than the limit.
                qint64 waitMs = 0;
                if (front->marked && providers.takeToken(front->provider, &waitMs))
                    startOn(connection, front);
                else if (front->marked)
                    tokenWaitMs = tokenWaitMs < 0 ? waitMs : std::min(tokenWaitMs, waitMs);
                break;
            }
            if (front->envelopeQueued)
                connection.transport = providers.createTransport(front->provider);
            connection.front = std::move(connection.next);
        }
        // A dropped message behind one going stays, if its envelope went, until that one ends.
        if (connection.next && connection.next->dropped && !connection.next->envelopeQueued)
            connection.next = nullptr;
        if (connection.next)
            queueEnvelope(connection);
    };
    // Takes the answers of the marks that came: a confirmed message goes out (or waits behind the one going),
    // a refused one is dropped (another sender holds its row now) and, when the database is away, given back.
    auto settleMarks = [&]() {
        for (auto it = marking.begin(); it != marking.end();) {
            const std::shared_ptr<InFlight> flight = *it;
            if (flight->mark.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
                ++it;
                continue;
            }
            it = marking.erase(it);
            const HandingMarker::Marked marked = flight->mark.get();
            const ClaimedSend& row = flight->attempt.row;
            if (!marked) {
                m_engine.reportError(marked.error().message);
                m_engine.pushRelease(row);
                marksRetryAtMs = clock.elapsed() + 500;
                flight->dropped = true;
            } else if (!marked->contains(row.id)) { // this process was stalled past the lease: another sender holds it
                flight->dropped = true;
            } else if (flight->dropped) { // its lease lapsed while the mark was on its way
                m_engine.pushRelease(row);
            } else {
                flight->marked = true;
            }
        }
        for (std::vector<Connection>& open : connections) {
            for (Connection& connection : open)
                settle(connection);
        }
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

    while (true) {
        if (waiting.empty()) {
            const bool idle = inFlight.isEmpty() && marking.empty() && !holdsMessages();
            const QList<ClaimedSend> rows = m_engine.takeWork(handBatch, idle ? IdleWaitMs : 0);
            for (const ClaimedSend& row : rows)
                waiting.push_back(Attempt{row, {}, false, {}, {}, {}});
            if (waiting.empty() && idle) {
                if (rows.isEmpty() && m_engine.isStopping())
                    break;
                continue;
            }
        }
        tokenWaitMs = -1;
        settleMarks(); // also starts what holds a mark and now gets a rate token

        // Give messages their connections as the connections and rate limits allow; each is marked on the way.
        int waitMs = TransferWaitMs;
        while (!waiting.empty() && clock.elapsed() >= marksRetryAtMs) {
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
            const int index = providers.acquire(&providerWaitMs, next.triedProviders, hasRoom, ProviderPool::Token::Later);
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
            flight->connection = connectionFor(index);
            flight->attempt = std::move(next); // where the message stays until the transfer ends
            waiting.pop_front();
            Connection& connection = connectionOf(*flight);
            (connection.front ? connection.next : connection.front) = flight;
            flight->mark = marker.mark({flight->attempt.row}, [waker] { waker->wake(); });
            marking.push_back(flight);
            settle(connection); // a message behind one going sends its envelope along at once
        }

        if (inFlight.isEmpty() && waiting.empty() && marking.empty() && !holdsMessages())
            continue;
        loop.advanceStarted(); // what was started above goes out before anything is rendered ahead
        const bool rendered = renderAhead();
        if (tokenWaitMs >= 0) // a marked message waits for a rate token: look again when one may be there
            waitMs = int(std::min<qint64>({waitMs, tokenWaitMs, RateWaitMs}));
        const QList<TransferLoop::Ended> endedNow = loop.run(rendered ? 0 : waitMs);
        for (const TransferLoop::Ended& ended : std::as_const(endedNow)) {
            const std::shared_ptr<InFlight> flight = inFlight.take(ended.tag);
            if (!flight)
                continue;
            Connection& connection = connectionOf(*flight);
            Attempt& attempt = flight->attempt;
            attempt.outcome = connection.transport->finish(ended);
            connection.transferring = false;
            connection.front = std::move(connection.next);
            settle(connection); // the next starts now if marked, else when its mark comes
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
