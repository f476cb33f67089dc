#pragma once

#include "TransferLoop.h"
#include "domain/Error.h"
#include "sending/DeliveryOutcome.h"
#include "sending/OutgoingMessage.h"

#include <memory>

namespace herald {

// One connection to a provider, used by one sending thread at a time. Keeps its connection open
// between messages; implementations reconnect by themselves after a failure.
// A message goes out in steps, so that one thread can carry several connections at once (TransferLoop):
// start() sets it going on the loop, the loop's run() says when it has ended, finish() reads the outcome.
// send() does it all for one message.
class MailTransport
{
public:
    virtual ~MailTransport() = default;
    // Starts sending `message`, which must stay alive until finish(); the loop names `tag` once it has ended.
    virtual void start(const OutgoingMessage& message, TransferLoop& loop, const void* tag) = 0;
    // The outcome of the message started last, once the loop said it ended.
    virtual DeliveryOutcome finish(const TransferLoop::Ended& ended) = 0;
    // Whether a message may be queued behind the one going now, to go out on this connection as soon as
    // the one going allows (SMTP pipelining: its envelope with the data before).
    virtual bool acceptsNext() const { return false; }
    // Queues `next` (kept alive by the caller) behind the message going now, when acceptsNext(); the caller
    // start()s it once that message has ended, on the same loop.
    virtual void queueNext(const OutgoingMessage& next) { Q_UNUSED(next); }
    // One message from start to finish, on this thread, on a loop of the transport's own that keeps its
    // connection from one message to the next.
    DeliveryOutcome send(const OutgoingMessage& message);
    // Connects and greets without sending; returns the server's banner (for "Test connection").
    virtual Result<QString> probe() = 0;

private:
    std::unique_ptr<TransferLoop> m_ownLoop;
};

} // namespace herald
