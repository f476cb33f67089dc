#include "DeliveryOutcome.h"

#include <QRegularExpression>

namespace herald {

DeliveryOutcome DeliveryOutcome::fromSmtpReply(int code, const QString& reply)
{
    DeliveryOutcome outcome;
    outcome.code = code;
    outcome.text = reply.trimmed();
    static const QRegularExpression enhancedPattern(QStringLiteral("^\\d{3}[ -]([245]\\.\\d{1,3}\\.\\d{1,3})\\b"));
    const auto match = enhancedPattern.match(outcome.text);
    if (match.hasMatch())
        outcome.enhanced = match.captured(1);

    if (code >= 200 && code < 300) {
        outcome.kind = Kind::Sent;
        outcome.providerMessageId = smtpQueueId(outcome.text);
        return outcome;
    }
    if (code >= 500 && code < 600) {
        outcome.kind = Kind::Permanent;
        // 5.1.x: bad destination mailbox or system. Without an enhanced code, 550/551/553 at RCPT mean the same.
        outcome.hardBounce = outcome.enhanced.startsWith(QLatin1String("5.1."))
            || (outcome.enhanced.isEmpty() && (code == 550 || code == 551 || code == 553));
        return outcome;
    }
    outcome.kind = Kind::Temporary;
    outcome.slowDown = (code == 421 && (outcome.enhanced.isEmpty() || outcome.enhanced == QLatin1String("4.7.0")))
        || (code == 450 && outcome.enhanced == QLatin1String("4.2.1")) || code == 454
        || outcome.text.contains(QLatin1String("rate"), Qt::CaseInsensitive)
        || outcome.text.contains(QLatin1String("slow down"), Qt::CaseInsensitive);
    return outcome;
}

QString DeliveryOutcome::smtpQueueId(const QString& reply)
{
    // Postfix, our test server: "250 2.0.0 Ok: queued as 4BxYz1"; Exchange: "250 2.6.0 <id@host> Queued mail";
    // Exim: "250 OK id=1rXyZ2-…"; Amazon SES: "250 Ok 0100018c…"; Gmail: "250 2.0.0 OK  1700000000 a1-2002…- gsmtp".
    static const QRegularExpression patterns[] = {
        QRegularExpression(QStringLiteral("queued as\\s+([A-Za-z0-9._-]+)"), QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral("^\\d{3}[ -](?:\\d\\.\\d{1,3}\\.\\d{1,3}\\s+)?<([^>\\s]+)>")),
        QRegularExpression(QStringLiteral("\\bid=([A-Za-z0-9._-]+)")), // Exim: "250 OK id=1rXyZ2-000abc-Qd"
        QRegularExpression(QStringLiteral("\\bOK:?\\s+(?:\\d+\\s+)?([A-Za-z0-9][A-Za-z0-9._-]{5,})"), QRegularExpression::CaseInsensitiveOption),
    };
    for (const QRegularExpression& pattern : patterns) {
        const auto match = pattern.match(reply);
        if (match.hasMatch())
            return match.captured(1);
    }
    return {};
}

DeliveryOutcome DeliveryOutcome::fromHttpStatus(int status, const QString& text, int retryAfterSeconds)
{
    DeliveryOutcome outcome;
    outcome.code = status;
    outcome.text = text.trimmed();
    if (status >= 200 && status < 300) {
        outcome.kind = Kind::Sent;
        return outcome;
    }
    outcome.kind = Kind::Temporary;
    if (status == 429) { // too many requests: the message is fine, the rate is not
        outcome.slowDown = true;
        outcome.retryAfterSeconds = retryAfterSeconds;
        return outcome;
    }
    switch (status) {
    case 401: // the key is wrong or revoked
    case 403: // the key lacks the permission
    case 404: // the base URL is wrong
    case 405:
    case 408: // the API gave up waiting for the request
    case 415:
        break; // none is this message's fault: retry later, perhaps on another provider
    default:
        if (status >= 400 && status < 500) {
            outcome.kind = Kind::Permanent; // 400 bad request, 413 too large: sending it again will not help
            return outcome;
        }
        break; // 5xx: the API failed; 1xx or 3xx: not an API answer at all
    }
    outcome.providerProblem = true;
    outcome.retryAfterSeconds = retryAfterSeconds;
    return outcome;
}

DeliveryOutcome DeliveryOutcome::transportFailure(const QString& text, bool messageFullySent, bool providerProblem)
{
    DeliveryOutcome outcome;
    outcome.kind = messageFullySent ? Kind::Unknown : Kind::Temporary;
    outcome.text = text;
    outcome.providerProblem = providerProblem;
    return outcome;
}

} // namespace herald
