#pragma once

#include <QString>

namespace herald {

// What became of one attempt to hand a message to a provider, classified from the reply code and the
// enhanced status code (RFC 5321, RFC 3463) or the HTTP status.
struct DeliveryOutcome
{
    enum class Kind {
        Sent,      // 2xx: the provider took it
        Temporary, // SMTP 4xx, HTTP 429 and 5xx, timeouts, dropped connections before the message was handed over
        Permanent, // SMTP 5xx, HTTP 400 or 413: retrying will not help; the reason is kept
        Unknown,   // the connection failed after the whole message was sent: it may have been delivered
    };

    Kind kind = Kind::Temporary;
    int code = 0;         // SMTP reply code or HTTP status; 0 when the server never answered
    QString enhanced;     // "5.1.1"
    QString text;         // the server's reply or the transport's error, for the user
    bool hardBounce = false;      // 5.1.x: the mailbox does not exist; suppress the address
    bool slowDown = false;        // the provider asks for a lower rate (421 4.7.0, 450 4.2.1, 454, HTTP 429)
    bool providerProblem = false; // the provider itself failed (connect, TLS, auth): counts for its circuit breaker
    int retryAfterSeconds = 0;    // when the provider said how long to wait
    QString providerMessageId;    // the provider's own id for the accepted message (SMTP queue id, SendGrid's X-Message-Id)

    bool isSent() const { return kind == Kind::Sent; }

    // From an SMTP reply: code and the reply text ("550 5.1.1 <x>: User unknown").
    static DeliveryOutcome fromSmtpReply(int code, const QString& reply);
    // The server's queue id in a 250 reply to DATA ("queued as 4BxYz1"), empty when it gives none.
    static QString smtpQueueId(const QString& reply);
    // From an HTTP mail API's status and its error message: 2xx sent; 429 slow down; 5xx, 401/403 (the key),
    // 404/405/415 (the settings) and 408 are the provider's problem; other 4xx (400, 413) are permanent.
    static DeliveryOutcome fromHttpStatus(int status, const QString& text, int retryAfterSeconds = 0);
    static DeliveryOutcome transportFailure(const QString& text, bool messageFullySent, bool providerProblem);
};

} // namespace herald
