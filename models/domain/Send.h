#pragma once

#include <QDateTime>
#include <QHashFunctions>
#include <QString>

namespace herald {

// The states of one queued message. Unknown: a crash left its outcome unknown; the user decides.
enum class SendStatus { Pending, Sending, Sent, Failed, Suppressed, Unknown, Cancelled };

QString toString(SendStatus status);
bool fromString(const QString& text, SendStatus* status);
// For QHash<SendStatus, …> (Qt 6.4 has no qHash for scoped enums).
inline size_t qHash(SendStatus status, size_t seed = 0) noexcept { return ::qHash(int(status), seed); }

// One queue row: a campaign to one recipient.
struct Send
{
    qint64 id = 0;
    qint64 campaignId = 0;
    qint64 nonprofitId = 0;
    QString email;
    SendStatus status = SendStatus::Pending;
    int attempts = 0; // handed over to a provider so far (the lease is fenced by sends.lease_token)
    QDateTime nextAttemptAt;
    QString leaseOwner;
    QDateTime leaseUntil;
    QString provider;
    QString messageId;
    int smtpCode = 0;
    QString error;
    QDateTime queuedAt;
    QDateTime sentAt;
    int latencyMs = 0;
};

} // namespace herald
