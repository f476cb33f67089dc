#pragma once

#include <QString>

namespace herald {

// What became of one attempt to hand a message to a provider, classified from the reply code and the
// enhanced status code (RFC 5321, RFC 3463) or the HTTP status.
struct DeliveryOutcome
{
    enum class Kind {
        Sent,      // 2xx: the provider took it
        Temporary, // 4xx, timeouts, dropped connections before the message was handed over: retry later
        Permanent, // 5xx: retrying will not help; the reason is kept
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

    bool isSent() const { return kind == Kind::Sent; }

    // From an SMTP reply: code and the reply text ("550 5.1.1 <x>: User unknown").
    static DeliveryOutcome fromSmtpReply(int code, const QString& reply);
    static DeliveryOutcome transportFailure(const QString& text, bool messageFullySent, bool providerProblem);
};

} // namespace herald
