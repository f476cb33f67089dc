#pragma once

#include "domain/Error.h"
#include "sending/DeliveryOutcome.h"
#include "sending/OutgoingMessage.h"

namespace herald {

// One connection to a provider, used by one sending thread at a time. Keeps its connection open
// between messages; implementations reconnect by themselves after a failure.
class MailTransport
{
public:
    virtual ~MailTransport() = default;
    virtual DeliveryOutcome send(const OutgoingMessage& message) = 0;
    // Connects and greets without sending; returns the server's banner (for "Test connection").
    virtual Result<QString> probe() = 0;
};

} // namespace herald
