#include "Send.h"

#include "EnumText.h"

namespace herald {

QString toString(SendStatus status)
{
    switch (status) {
    case SendStatus::Pending:
        return QStringLiteral("pending");
    case SendStatus::Sending:
        return QStringLiteral("sending");
    case SendStatus::Sent:
        return QStringLiteral("sent");
    case SendStatus::Failed:
        return QStringLiteral("failed");
    case SendStatus::Suppressed:
        return QStringLiteral("suppressed");
    case SendStatus::Unknown:
        return QStringLiteral("unknown");
    case SendStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

bool fromString(const QString& text, SendStatus* status)
{
    return parseEnum(text, {SendStatus::Pending, SendStatus::Sending, SendStatus::Sent, SendStatus::Failed,
                           SendStatus::Suppressed, SendStatus::Unknown, SendStatus::Cancelled}, status);
}

} // namespace herald
