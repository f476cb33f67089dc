#pragma once

#include "domain/Error.h"
#include "sending/DeliveryOutcome.h"
#include "sending/OutgoingMessage.h"

typedef void CURL;

namespace herald {

// One connection to a provider, used by one sending thread at a time. Keeps its connection open
// between messages; implementations reconnect by themselves after a failure.
// A message goes out in three steps, so that one thread can carry several connections' transfers at once
// (TransferLoop): begin() sets up the transfer on the transport's libcurl handle, the caller performs it,
// finish() reads the outcome. send() does all three.
class MailTransport
{
public:
    virtual ~MailTransport() = default;
    // Sets up the transfer of `message`, which must stay alive until finish(), and returns the handle to
    // perform.
    virtual CURL* begin(const OutgoingMessage& message) = 0;
    // The outcome of the transfer begun last, from libcurl's result code for it.
    virtual DeliveryOutcome finish(int curlCode) = 0;
    // One message from start to finish, on this thread.
    DeliveryOutcome send(const OutgoingMessage& message);
    // Connects and greets without sending; returns the server's banner (for "Test connection").
    virtual Result<QString> probe() = 0;
};

} // namespace herald
