#include "SendGridTransport.h"

#include "CurlGlobal.h"

#include <curl/curl.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace herald {

namespace {
constexpr qsizetype MaxReplyBody = 64 * 1024; // SendGrid's errors are small; a proxy's page is cut here
constexpr int MaxRetryAfterSeconds = 24 * 3600;

size_t headerTrampoline(char* buffer, size_t size, size_t count, void* self)
{
    static_cast<SendGridTransport*>(self)->onHeaderLine(QByteArray(buffer, qsizetype(size * count)));
    return size * count;
}

size_t writeTrampoline(char* buffer, size_t size, size_t count, void* self)
{
    static_cast<SendGridTransport*>(self)->onBody(buffer, size * count);
    return size * count;
}

QJsonObject address(const QString& email, const QString& name)
{
    QJsonObject object{{QStringLiteral("email"), email}};
    if (!name.isEmpty())
        object.insert(QStringLiteral("name"), name);
    return object;
}

QJsonObject contentPart(const char* type, const QString& value)
{
    return {{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("value"), value}};
}
} // namespace

SendGridTransport::SendGridTransport(SendGridSettings settings) : m_settings(std::move(settings))
{
    CurlGlobal::ensure();
    m_curlOptions = {m_settings.connectTimeoutMs, m_settings.timeoutMs, m_settings.verifyCertificate,
                     m_settings.caFile.toUtf8()};
    const QByteArray headers[] = {
        "Authorization: Bearer " + m_settings.apiKey.trimmed().toUtf8(), // a pasted key may end in a line break
        "Content-Type: application/json",
        "Accept: application/json",
        "Expect:", // no "100 Continue" round trip before each body
    };
    for (const QByteArray& header : headers)
        m_requestHeaders = curl_slist_append(m_requestHeaders, header.constData());

    m_handle = curl_easy_init();
    m_curlOptions.apply(m_handle, m_errorBuffer);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(m_handle, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(m_handle, CURLOPT_PROTOCOLS, long(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(m_handle, CURLOPT_HTTPHEADER, m_requestHeaders);
    curl_easy_setopt(m_handle, CURLOPT_USERAGENT, "Herald");
    curl_easy_setopt(m_handle, CURLOPT_HEADERFUNCTION, headerTrampoline);
    curl_easy_setopt(m_handle, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(m_handle, CURLOPT_WRITEFUNCTION, writeTrampoline);
    curl_easy_setopt(m_handle, CURLOPT_WRITEDATA, this);
}

SendGridTransport::~SendGridTransport()
{
    if (m_handle)
        curl_easy_cleanup(m_handle);
    curl_slist_free_all(m_requestHeaders);
}

void SendGridTransport::onHeaderLine(const QByteArray& line)
{
    if (line.startsWith("HTTP/")) { // a new answer (after "100 Continue", say): forget the last one's headers
        m_replyHeaders.clear();
        return;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        m_replyHeaders.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
}

void SendGridTransport::onBody(const char* data, size_t size)
{
    const qsizetype room = MaxReplyBody - m_replyBody.size();
    if (room > 0)
        m_replyBody.append(data, std::min(room, qsizetype(size)));
}

QByteArray SendGridTransport::requestBody(const OutgoingMessage& message)
{
    const MessageSpec& parts = message.parts;
    // The envelope's ASCII forms (an IDN domain in punycode) when the composer made them.
    const QString toEmail = message.recipient.isEmpty() ? parts.toEmail : QString::fromLatin1(message.recipient);
    const QString fromEmail =
        message.envelopeFrom.isEmpty() ? parts.fromEmail : QString::fromLatin1(message.envelopeFrom);

    QJsonArray content; // text/plain first: SendGrid refuses any other order
    if (!parts.textBody.isEmpty())
        content.append(contentPart("text/plain", parts.textBody));
    if (!parts.htmlBody.isEmpty())
        content.append(contentPart("text/html", parts.htmlBody));

    const QJsonObject personalization{{QStringLiteral("to"), QJsonArray{address(toEmail, parts.toName)}}};
    QJsonObject body{
        {QStringLiteral("personalizations"), QJsonArray{personalization}},
        {QStringLiteral("from"), address(fromEmail, parts.fromName)},
        {QStringLiteral("subject"), parts.subject},
        {QStringLiteral("content"), content},
        {QStringLiteral("custom_args"), QJsonObject{{QStringLiteral("send_id"), QString::number(message.sendId)}}},
    };
    if (!parts.replyTo.isEmpty())
        body.insert(QStringLiteral("reply_to"), address(parts.replyTo, {}));
    QJsonArray attachments; // v3 mail/send takes the files as fields too; it builds the multipart/mixed itself
    for (const Attachment& attachment : parts.attachments) {
        attachments.append(QJsonObject{{QStringLiteral("content"), QString::fromLatin1(attachment.bytes.toBase64())},
                                       {QStringLiteral("type"), attachment.contentType},
                                       {QStringLiteral("filename"), attachment.fileName},
                                       {QStringLiteral("disposition"), QStringLiteral("attachment")}});
    }
    for (const InlineImage& image : parts.inlineImages) { // the HTML's cid: images
        attachments.append(QJsonObject{{QStringLiteral("content"), QString::fromLatin1(image.bytes.toBase64())},
                                       {QStringLiteral("type"), image.contentType},
                                       {QStringLiteral("filename"), image.fileName},
                                       {QStringLiteral("disposition"), QStringLiteral("inline")},
                                       {QStringLiteral("content_id"), image.contentId}});
    }
    if (!attachments.isEmpty())
        body.insert(QStringLiteral("attachments"), attachments);

    QStringList unsubscribe;
    if (!parts.unsubscribeUrl.isEmpty())
        unsubscribe << QLatin1Char('<') + parts.unsubscribeUrl + QLatin1Char('>');
    if (!parts.unsubscribeMailto.isEmpty())
        unsubscribe << QLatin1Char('<') + parts.unsubscribeMailto + QLatin1Char('>');
    QJsonObject headers;
    if (!unsubscribe.isEmpty())
        headers.insert(QStringLiteral("List-Unsubscribe"), unsubscribe.join(QLatin1String(", ")));
    if (!parts.unsubscribeUrl.isEmpty()) // RFC 8058 one-click needs the https link
        headers.insert(QStringLiteral("List-Unsubscribe-Post"), QStringLiteral("List-Unsubscribe=One-Click"));
    if (!headers.isEmpty())
        body.insert(QStringLiteral("headers"), headers);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

int SendGridTransport::retryAfterSeconds(const QByteArray& retryAfter, const QByteArray& rateLimitReset,
                                         const QDateTime& now)
{
    const auto bounded = [](qint64 seconds) { return int(std::clamp<qint64>(seconds, 0, MaxRetryAfterSeconds)); };
    const QByteArray value = retryAfter.trimmed();
    bool isNumber = false;
    const qint64 seconds = value.toLongLong(&isNumber);
    if (isNumber)
        return bounded(seconds);
    if (!value.isEmpty()) {
        QString date = QString::fromLatin1(value);
        if (date.endsWith(QLatin1String(" GMT"))) // an HTTP date; Qt's RFC 2822 parser wants a numeric zone
            date.replace(date.size() - 3, 3, QStringLiteral("+0000"));
        const QDateTime at = QDateTime::fromString(date, Qt::RFC2822Date);
        if (at.isValid())
            return bounded(now.secsTo(at));
    }
    const qint64 resetAt = rateLimitReset.trimmed().toLongLong(&isNumber);
    if (isNumber && resetAt > 0)
        return bounded(resetAt - now.toSecsSinceEpoch());
    return 0;
}

QString SendGridTransport::errorMessage(const QByteArray& body)
{
    QStringList messages;
    const QJsonArray errors = QJsonDocument::fromJson(body).object().value(QStringLiteral("errors")).toArray();
    for (const QJsonValue& error : errors) {
        const QJsonObject object = error.toObject();
        QString message = object.value(QStringLiteral("message")).toString().trimmed();
        const QString field = object.value(QStringLiteral("field")).toString();
        if (!field.isEmpty())
            message += QStringLiteral(" (%1)").arg(field);
        if (!message.isEmpty())
            messages << message;
    }
    if (!messages.isEmpty())
        return messages.join(QLatin1String("; "));
    return QString::fromUtf8(body.left(200)).simplified();
}

void SendGridTransport::prepare(const char* path, const QByteArray* postBody)
{
    m_replyHeaders.clear();
    m_replyBody.clear();
    m_errorBuffer[0] = '\0';
    m_url = m_settings.baseUrl.toUtf8() + path;
    curl_easy_setopt(m_handle, CURLOPT_URL, m_url.constData());
    if (postBody) {
        curl_easy_setopt(m_handle, CURLOPT_POST, 1L);
        curl_easy_setopt(m_handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(postBody->size()));
        curl_easy_setopt(m_handle, CURLOPT_POSTFIELDS, postBody->constData());
    } else {
        curl_easy_setopt(m_handle, CURLOPT_HTTPGET, 1L);
    }
}

SendGridTransport::Exchange SendGridTransport::complete(int curlCode, const QByteArray* postBody)
{
    Exchange exchange;
    exchange.curlCode = curlCode;
    long status = 0;
    curl_easy_getinfo(m_handle, CURLINFO_RESPONSE_CODE, &status);
    exchange.status = int(status);
    if (exchange.curlCode == CURLE_OK && status == 0)
        exchange.curlCode = CURLE_WEIRD_SERVER_REPLY; // something answered, but not in HTTP
    curl_off_t uploaded = 0;
    curl_easy_getinfo(m_handle, CURLINFO_SIZE_UPLOAD_T, &uploaded);
    exchange.requestSent = postBody && uploaded >= curl_off_t(postBody->size());
    if (postBody)
        curl_easy_setopt(m_handle, CURLOPT_POSTFIELDS, nullptr); // the body is the caller's
    return exchange;
}

QString SendGridTransport::describeFailure(int curlCode) const
{
    return tr("SendGrid at %1: %2").arg(m_settings.baseUrl, CurlOptions::failureText(curlCode, m_errorBuffer));
}

QString SendGridTransport::refusal(int status) const
{
    const QString detail = errorMessage(m_replyBody);
    switch (status) {
    case 401:
        return tr("SendGrid refused the API key (401: %1). Check the key in the provider's settings.").arg(detail);
    case 403:
        return tr("SendGrid's API key may not do this (403: %1). Give the key the Mail Send permission.").arg(detail);
    default:
        return tr("SendGrid at %1 answered %2: %3").arg(m_settings.baseUrl, QString::number(status), detail);
    }
}

void SendGridTransport::start(const OutgoingMessage& message, TransferLoop& loop, const void* tag)
{
    m_requestBody = requestBody(message);
    prepare("/v3/mail/send", &m_requestBody);
    m_refusedByLoop = loop.startTransfer(m_handle, tag);
    if (m_refusedByLoop != 0)
        loop.endAtOnce(tag);
}

DeliveryOutcome SendGridTransport::finish(const TransferLoop::Ended& ended)
{
    const Exchange exchange = complete(m_refusedByLoop != 0 ? CURLE_FAILED_INIT : ended.curlCode, &m_requestBody);
    m_requestBody.clear();
    if (exchange.status == 0) {
        // No answer. Once the whole request was out, the API may have queued the message: sending it again
        // could deliver it twice, so the outcome is unknown rather than temporary.
        const bool mayHaveArrived = exchange.requestSent
            && (exchange.curlCode == CURLE_OPERATION_TIMEDOUT || exchange.curlCode == CURLE_GOT_NOTHING
                || exchange.curlCode == CURLE_RECV_ERROR);
        return DeliveryOutcome::transportFailure(describeFailure(exchange.curlCode), mayHaveArrived, true);
    }
    if (exchange.status >= 200 && exchange.status < 300) {
        DeliveryOutcome outcome = DeliveryOutcome::fromHttpStatus(exchange.status, {});
        outcome.providerMessageId = QString::fromLatin1(m_replyHeaders.value("x-message-id"));
        const QString status = QString::number(exchange.status);
        outcome.text = outcome.providerMessageId.isEmpty()
            ? tr("Accepted by SendGrid (%1).").arg(status)
            : tr("Accepted by SendGrid (%1), message id %2.").arg(status, outcome.providerMessageId);
        return outcome;
    }
    const QByteArray rateLimitReset = m_replyHeaders.value("x-ratelimit-reset");
    const int retryAfter =
        retryAfterSeconds(m_replyHeaders.value("retry-after"), rateLimitReset, QDateTime::currentDateTimeUtc());
    return DeliveryOutcome::fromHttpStatus(exchange.status, refusal(exchange.status), retryAfter);
}

Result<QString> SendGridTransport::probe()
{
    prepare("/v3/scopes", nullptr);
    const Exchange exchange = complete(curl_easy_perform(m_handle), nullptr);
    if (exchange.status == 0)
        return Error::make(Error::Kind::Connection, describeFailure(exchange.curlCode));
    if (exchange.status == 401 || exchange.status == 403)
        return Error::make(Error::Kind::Authentication, refusal(exchange.status));
    if (exchange.status != 200)
        return Error::make(Error::Kind::Connection, refusal(exchange.status));
    const QJsonArray scopes = QJsonDocument::fromJson(m_replyBody).object().value(QStringLiteral("scopes")).toArray();
    if (!scopes.contains(QStringLiteral("mail.send")))
        return Error::make(Error::Kind::Authentication,
                           tr("SendGrid accepted the API key, but it may not send mail: give it the Mail Send "
                              "permission."));
    return tr("SendGrid at %1 accepted the API key (%n permission(s), including Mail Send).", nullptr,
                 int(scopes.size()))
        .arg(m_settings.baseUrl);
}

} // namespace herald
