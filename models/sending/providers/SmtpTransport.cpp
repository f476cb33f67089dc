#include "SmtpTransport.h"

#include "CurlGlobal.h"

#include <curl/curl.h>

#include <QCoreApplication>

#include <cstring>

namespace herald {

namespace {
size_t readTrampoline(char* buffer, size_t size, size_t count, void* self)
{
    return static_cast<SmtpTransport*>(self)->readBody(buffer, size * count);
}

// Splits what libcurl reports into lines: server replies (HEADER_IN) and our commands (HEADER_OUT).
int debugTrampoline(CURL*, curl_infotype type, char* data, size_t size, void* self)
{
    auto* transport = static_cast<SmtpTransport*>(self);
    if (type != CURLINFO_HEADER_IN && type != CURLINFO_HEADER_OUT)
        return 0;
    const QByteArray chunk(data, qsizetype(size));
    for (const QByteArray& line : chunk.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (type == CURLINFO_HEADER_IN)
            transport->onServerLine(trimmed);
        else
            transport->onClientLine(trimmed);
    }
    return 0;
}

bool isProviderProblem(CURLcode code)
{
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_LOGIN_DENIED:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_AUTH_ERROR:
    case CURLE_WEIRD_SERVER_REPLY:
        return true;
    default:
        return false;
    }
}
} // namespace

SmtpTransport::SmtpTransport(SmtpSettings settings) : m_settings(std::move(settings))
{
    CurlGlobal::ensure();
    m_url = m_settings.url().toUtf8();
    m_username = m_settings.username.toUtf8();
    m_password = m_settings.password.toUtf8();
    m_curlOptions = {m_settings.connectTimeoutMs, m_settings.timeoutMs, m_settings.verifyCertificate,
                     m_settings.caFile.toUtf8()};
    m_handle = curl_easy_init();
    applyConnectionOptions(m_handle);
    curl_easy_setopt(m_handle, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(m_handle, CURLOPT_READFUNCTION, readTrampoline);
    curl_easy_setopt(m_handle, CURLOPT_READDATA, this);
}

SmtpTransport::~SmtpTransport()
{
    if (m_handle)
        curl_easy_cleanup(m_handle); // sends QUIT on a connection it holds (one a TransferLoop holds is the loop's)
    curl_slist_free_all(m_recipients);
}

void SmtpTransport::applyConnectionOptions(CURL* handle)
{
    curl_easy_setopt(handle, CURLOPT_URL, m_url.constData());
    m_curlOptions.apply(handle, m_errorBuffer);
    curl_easy_setopt(handle, CURLOPT_SERVER_RESPONSE_TIMEOUT, long(std::max(1, m_settings.timeoutMs / 1000)));
    switch (m_settings.tls) {
    case Provider::Tls::Implicit:
    case Provider::Tls::StartTlsRequired:
        // Refuse to go on in clear text when the server does not offer STARTTLS.
        curl_easy_setopt(handle, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
        break;
    case Provider::Tls::StartTlsOptional:
        curl_easy_setopt(handle, CURLOPT_USE_SSL, long(CURLUSESSL_TRY));
        break;
    case Provider::Tls::None:
        curl_easy_setopt(handle, CURLOPT_USE_SSL, long(CURLUSESSL_NONE));
        break;
    }
    if (!m_username.isEmpty()) {
        curl_easy_setopt(handle, CURLOPT_USERNAME, m_username.constData());
        curl_easy_setopt(handle, CURLOPT_PASSWORD, m_password.constData());
    }
    curl_easy_setopt(handle, CURLOPT_VERBOSE, 1L); // feeds the debug callback with the server's replies
    curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, debugTrampoline);
    curl_easy_setopt(handle, CURLOPT_DEBUGDATA, this);
}

size_t SmtpTransport::readBody(char* buffer, size_t size)
{
    if (!m_body)
        return 0;
    const size_t left = size_t(m_body->size() - m_bodyOffset);
    const size_t chunk = std::min(left, size);
    std::memcpy(buffer, m_body->constData() + m_bodyOffset, chunk);
    m_bodyOffset += qsizetype(chunk);
    return chunk;
}

void SmtpTransport::onServerLine(const QByteArray& line)
{
    if (m_banner.isEmpty() && line.startsWith("220"))
        m_banner = line;
    m_lastReply = line;
    m_replyAfterCommand = line;
    const bool finalLine = line.size() < 4 || line.at(3) != '-';
    if (finalLine && m_failureReply.isEmpty() && (line.startsWith('4') || line.startsWith('5'))) {
        m_failureReply = line;
        m_failedCommand = m_lastCommand;
    }
}

void SmtpTransport::onClientLine(const QByteArray& line)
{
    const qsizetype space = line.indexOf(' ');
    const qsizetype colon = line.indexOf(':');
    qsizetype end = space < 0 ? line.size() : space;
    if (colon >= 0 && colon < end)
        end = colon;
    m_lastCommand = line.left(end).toUpper();
    if (m_lastCommand == "MAIL" || m_lastCommand == "RCPT")
        m_lastCommand += line.mid(end, 5).toUpper().trimmed().prepend(' ');
    m_replyAfterCommand.clear();
}

QString SmtpTransport::describeFailure(int curlCode, const char* errorBuffer) const
{
    QString detail = CurlOptions::failureText(curlCode, errorBuffer);
    if (!m_replyAfterCommand.isEmpty())
        detail += QStringLiteral(" (server: %1)").arg(QString::fromUtf8(m_replyAfterCommand));
    return tr("SMTP %1:%2: %3").arg(m_settings.host).arg(m_settings.port).arg(detail);
}

CURL* SmtpTransport::begin(const OutgoingMessage& message)
{
    // The DKIM signature goes in front when this provider is one Herald signs for (it was made once, when the
    // message was composed).
    m_signedBody.clear();
    if (m_settings.dkimSign && !message.dkimSignature.isEmpty())
        m_signedBody = message.dkimSignature + message.data;
    m_body = m_signedBody.isEmpty() ? &message.data : &m_signedBody;
    m_bodyOffset = 0;
    m_lastReply.clear();
    m_replyAfterCommand.clear();
    m_lastCommand.clear();
    m_failedCommand.clear();
    m_failureReply.clear();
    m_errorBuffer[0] = '\0';

    m_from = '<' + message.envelopeFrom + '>';
    const QByteArray to = '<' + message.recipient + '>';
    curl_slist_free_all(m_recipients);
    m_recipients = curl_slist_append(nullptr, to.constData());
    curl_easy_setopt(m_handle, CURLOPT_MAIL_FROM, m_from.constData());
    curl_easy_setopt(m_handle, CURLOPT_MAIL_RCPT, m_recipients);
    curl_easy_setopt(m_handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(m_body->size()));
    return m_handle;
}

DeliveryOutcome SmtpTransport::finish(int curlCode)
{
    const auto result = CURLcode(curlCode);
    long replyCode = 0;
    curl_easy_getinfo(m_handle, CURLINFO_RESPONSE_CODE, &replyCode);
    curl_easy_setopt(m_handle, CURLOPT_MAIL_RCPT, nullptr);
    curl_slist_free_all(m_recipients);
    m_recipients = nullptr;
    const bool wholeBodySent = m_body && m_bodyOffset == m_body->size();
    m_body = nullptr;
    m_signedBody.clear();
    if (result == CURLE_OK)
        return DeliveryOutcome::fromSmtpReply(replyCode ? int(replyCode) : 250, QString::fromUtf8(m_lastReply));

    // A refusal of this recipient or of this message: classify the server's own reply.
    if (!m_failureReply.isEmpty() && (m_failedCommand.startsWith("RCPT") || m_failedCommand == "DATA"))
        return DeliveryOutcome::fromSmtpReply(m_failureReply.left(3).toInt(), QString::fromUtf8(m_failureReply));

    if (!m_failureReply.isEmpty() || isProviderProblem(result)) {
        // Not this recipient's fault: the server refused the sender, TLS or the login, or cannot be reached.
        DeliveryOutcome outcome = DeliveryOutcome::transportFailure(describeFailure(result, m_errorBuffer), false, true);
        if (!m_failureReply.isEmpty()) {
            const DeliveryOutcome reply = DeliveryOutcome::fromSmtpReply(m_failureReply.left(3).toInt(), QString::fromUtf8(m_failureReply));
            outcome.code = reply.code;
            outcome.enhanced = reply.enhanced;
            outcome.slowDown = reply.slowDown;
        }
        return outcome;
    }
    // No reply to what we sent: the connection broke or timed out. If the whole message had gone out,
    // the server may have accepted it.
    const bool awaitingDataReply = m_lastCommand == "DATA" && wholeBodySent;
    return DeliveryOutcome::transportFailure(describeFailure(result, m_errorBuffer), awaitingDataReply,
                                             result == CURLE_OPERATION_TIMEDOUT || result == CURLE_GOT_NOTHING);
}

Result<QString> SmtpTransport::probe()
{
    CURL* handle = curl_easy_init();
    m_banner.clear();
    m_lastReply.clear();
    m_replyAfterCommand.clear();
    m_errorBuffer[0] = '\0';
    applyConnectionOptions(handle);
    curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, "NOOP");
    curl_easy_setopt(handle, CURLOPT_NOBODY, 1L);
    curl_easy_setopt(handle, CURLOPT_FRESH_CONNECT, 1L);
    curl_easy_setopt(handle, CURLOPT_FORBID_REUSE, 1L);
    const CURLcode result = curl_easy_perform(handle);
    const QString failure = result == CURLE_OK ? QString() : describeFailure(result, m_errorBuffer);
    curl_easy_cleanup(handle);
    if (result != CURLE_OK)
        return Error::make(Error::Kind::Connection, failure);
    return QString::fromUtf8(m_banner);
}

} // namespace herald
