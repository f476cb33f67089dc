#pragma once

#include "domain/Nonprofit.h"
#include "sending/DeliveryOutcome.h"

#include <QString>

namespace herald {

// A queue row this process holds a lease on, with what rendering needs of its recipient.
struct ClaimedSend
{
    qint64 id = 0;
    qint64 campaignId = 0;
    int token = 0;   // the lease's token (sends.lease_token, raised by every claim): the fence for every write about it
    int attempt = 0; // which attempt this is, counting this one (given back unsent, it is not counted)
    qint64 usableUntilMs = 0; // on the engine's monotonic clock: after this, the lease may be gone
    Nonprofit recipient;
};

// What happened to a claimed row, to be written back (fenced by token).
struct SendResult
{
    qint64 id = 0;
    int token = 0;
    QString email;
    DeliveryOutcome outcome;
    QString provider;
    QString messageId;
    int latencyMs = 0;
    qint64 retryDelayMs = -1; // >= 0: back to pending after this delay; -1: final

    enum class Tally { Sent, Failed, Retried, Unknown };
    // How progress and the dashboards count it: a temporary failure with an attempt left is retried.
    Tally tally() const
    {
        switch (outcome.kind) {
        case DeliveryOutcome::Kind::Sent:
            return Tally::Sent;
        case DeliveryOutcome::Kind::Unknown:
            return Tally::Unknown;
        case DeliveryOutcome::Kind::Temporary:
            return retryDelayMs >= 0 ? Tally::Retried : Tally::Failed;
        case DeliveryOutcome::Kind::Permanent:
            break;
        }
        return Tally::Failed;
    }
};

} // namespace herald
