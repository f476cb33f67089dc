#pragma once

#include "CurlOptions.h"
#include "MailTransport.h"
#include "SendGridSettings.h"

#include <QCoreApplication>
#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

struct curl_slist;

namespace herald {

// SendGrid's v3 mail API (POST /v3/mail/send) through libcurl: builds the documented JSON from the
// message's parts and classifies the HTTP answer. One easy handle is kept for the life of the transport,
// so one kept-alive connection (one TLS handshake) carries thousands of requests.
class SendGridTransport : public MailTransport
{
    Q_DECLARE_TR_FUNCTIONS(herald::SendGridTransport)
public:
    explicit SendGridTransport(SendGridSettings settings);
    ~SendGridTransport() override;
    SendGridTransport(const SendGridTransport&) = delete;
    SendGridTransport& operator=(const SendGridTransport&) = delete;

    void start(const OutgoingMessage& message, TransferLoop& loop, const void* tag) override;
    DeliveryOutcome finish(const TransferLoop::Ended& ended) override;
    // Checks the key with an authenticated GET /v3/scopes: says what the key may do, or why it was refused.
    Result<QString> probe() override;

    // The body of POST /v3/mail/send for one message.
    static QByteArray requestBody(const OutgoingMessage& message);
    // Seconds to wait from Retry-After (delay-seconds or an HTTP date), else from X-RateLimit-Reset (epoch
    // seconds, what SendGrid sends); 0 when neither says.
    static int retryAfterSeconds(const QByteArray& retryAfter, const QByteArray& rateLimitReset, const QDateTime& now);
    // SendGrid's errors[].message (with the field at fault) joined, or the start of a body that is not
    // SendGrid's JSON.
    static QString errorMessage(const QByteArray& body);

    // libcurl callbacks (public for the C trampolines).
    void onHeaderLine(const QByteArray& line);
    void onBody(const char* data, size_t size);

private:
    struct Exchange
    {
        int curlCode = 0;
        int status = 0;           // 0 when no answer came
        bool requestSent = false; // the whole body went out: without an answer, the API may have taken it
    };

    // A request in two steps: set up on the handle, then read once performed.
    void prepare(const char* path, const QByteArray* postBody);
    Exchange complete(int curlCode, const QByteArray* postBody);
    QString describeFailure(int curlCode) const;
    QString refusal(int status) const;

    SendGridSettings m_settings;
    CurlOptions m_curlOptions;
    CURL* m_handle = nullptr;
    curl_slist* m_requestHeaders = nullptr; // holds the key: never logged
    QByteArray m_url;

    // Per request.
    QByteArray m_requestBody;
    int m_refusedByLoop = 0;
    QHash<QByteArray, QByteArray> m_replyHeaders; // names in lower case
    QByteArray m_replyBody;
    char m_errorBuffer[256] = {};
};

} // namespace herald
