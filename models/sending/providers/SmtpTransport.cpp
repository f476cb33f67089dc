#include "SmtpTransport.h"

#include "CurlGlobal.h"

#include <curl/curl.h>

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <poll.h>
#include <sys/socket.h>

#include <cstring>

namespace herald {

namespace {
// Splits what libcurl reports while connecting into lines: server replies (HEADER_IN) and our commands
// (HEADER_OUT).
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

bool isSuccess(int code) { return code >= 200 && code < 300; }

void envelopeOf(const OutgoingMessage& message, QByteArray (&commands)[3])
{
    commands[0] = "MAIL FROM:<" + message.envelopeFrom + ">\r\n";
    commands[1] = "RCPT TO:<" + message.recipient + ">\r\n";
    commands[2] = "DATA\r\n";
}

qint64 nowMs() { return QDeadlineTimer::current().deadline(); }
} // namespace

SmtpTransport::SmtpTransport(SmtpSettings settings) : m_settings(std::move(settings))
{
    CurlGlobal::ensure();
    m_url = m_settings.url().toUtf8();
    m_username = m_settings.username.toUtf8();
    m_password = m_settings.password.toUtf8();
    m_curlOptions = {m_settings.connectTimeoutMs, m_settings.timeoutMs, m_settings.verifyCertificate,
                     m_settings.caFile.toUtf8()};
}

SmtpTransport::~SmtpTransport() { disconnect(m_phase != Phase::Done || m_nextEnvelopeSent); }

void SmtpTransport::applyConnectionOptions(void* curl)
{
    CURL* handle = curl;
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
    // libcurl connects, greets, negotiates TLS and logs in; the mail transactions are ours.
    curl_easy_setopt(handle, CURLOPT_CONNECT_ONLY, 1L);
}

void SmtpTransport::onServerLine(const QByteArray& line)
{
    if (m_banner.isEmpty() && line.startsWith("220"))
        m_banner = line;
    m_replyAfterCommand = line;
    if (m_lastCommand == "EHLO" && line.size() >= 14 && line.mid(4, 10).toUpper() == "PIPELINING")
        m_offersPipelining = true;
}

void SmtpTransport::onClientLine(const QByteArray& line)
{
    const qsizetype space = line.indexOf(' ');
    m_lastCommand = line.left(space < 0 ? line.size() : space).toUpper();
    if (m_lastCommand == "EHLO")
        m_offersPipelining = false; // what counts is the answer to the last EHLO (after STARTTLS)
    m_replyAfterCommand.clear();
}

QString SmtpTransport::describe(const QString& detail) const
{
    return tr("SMTP %1:%2: %3").arg(m_settings.host).arg(m_settings.port).arg(detail);
}

int SmtpTransport::handshake(void* handle)
{
    m_banner.clear();
    m_lastCommand.clear();
    m_replyAfterCommand.clear();
    m_offersPipelining = false;
    m_errorBuffer[0] = '\0';
    applyConnectionOptions(handle);
    return curl_easy_perform(static_cast<CURL*>(handle));
}

QString SmtpTransport::handshakeFailure(int curlCode) const
{
    QString detail = CurlOptions::failureText(curlCode, m_errorBuffer);
    if (!m_replyAfterCommand.isEmpty())
        detail += QStringLiteral(" (server: %1)").arg(QString::fromUtf8(m_replyAfterCommand));
    return describe(detail);
}

DeliveryOutcome SmtpTransport::providerRefusal(const QString& text, const QByteArray& reply)
{
    // Not this message's fault: the provider failed or refused us. Its reply, if any, still says why.
    DeliveryOutcome outcome = DeliveryOutcome::transportFailure(text, false, true);
    if (reply.startsWith('4') || reply.startsWith('5')) {
        const DeliveryOutcome classified = DeliveryOutcome::fromSmtpReply(reply.left(3).toInt(), QString::fromUtf8(reply));
        outcome.code = classified.code;
        outcome.enhanced = classified.enhanced;
        outcome.slowDown = classified.slowDown;
    }
    return outcome;
}

bool SmtpTransport::connect()
{
    CURL* handle = curl_easy_init();
    const int result = handshake(handle);
    if (result != CURLE_OK) {
        // The server cannot be reached, or refused TLS, the login or us.
        m_outcome = providerRefusal(handshakeFailure(result), m_replyAfterCommand);
        curl_easy_cleanup(handle);
        return false;
    }
    curl_socket_t socket = CURL_SOCKET_BAD;
    curl_easy_getinfo(handle, CURLINFO_ACTIVESOCKET, &socket);
    m_handle = handle;
    m_socket = qintptr(socket);
    m_pipelining = m_offersPipelining;
    m_plainText = m_settings.tls == Provider::Tls::None;
    m_in.clear();
    return true;
}

void SmtpTransport::disconnect(bool abruptly)
{
    if (!m_handle)
        return;
    // On a broken connection there is no QUIT to wait for: libcurl's attempt fails at once.
    if (abruptly && m_socket >= 0)
        ::shutdown(int(m_socket), SHUT_RDWR);
    curl_easy_cleanup(static_cast<CURL*>(m_handle)); // QUIT on a connection still in order
    m_handle = nullptr;
    m_socket = -1;
    m_in.clear();
    m_nextEnvelopeSent = false; // a message queued behind starts on a new connection
}

bool SmtpTransport::idleConnectionIsGone() const
{
    // An idle connection has nothing to say. Readable means closed, or closing (a 421 after the server's idle
    // timeout), unless it was only TLS housekeeping (a session ticket), which libcurl reads without data.
    pollfd idle{int(m_socket), POLLIN, 0};
    if (::poll(&idle, 1, 0) == 0)
        return false;
    char byte = 0;
    size_t received = 0;
    return curl_easy_recv(static_cast<CURL*>(m_handle), &byte, 1, &received) != CURLE_AGAIN;
}

QByteArray SmtpTransport::dataWithEnd(const QByteArray& signature, const QByteArray& data)
{
    QByteArray out;
    out.reserve(signature.size() + data.size() + data.size() / 64 + 8);
    bool lineStart = true;
    for (const QByteArray* part : {&signature, &data}) {
        const char* at = part->constData();
        const char* end = at + part->size();
        while (at < end) {
            if (lineStart && *at == '.')
                out.append('.');
            const auto* lineEnd = static_cast<const char*>(std::memchr(at, '\n', size_t(end - at)));
            const char* next = lineEnd ? lineEnd + 1 : end;
            out.append(at, next - at);
            lineStart = lineEnd != nullptr;
            at = next;
        }
    }
    if (!out.endsWith("\r\n"))
        out.append("\r\n");
    out.append(".\r\n");
    return out;
}

void SmtpTransport::start(const OutgoingMessage& message, TransferLoop& loop, const void* tag)
{
    // Queued behind the message before, whose data took this one's envelope along: its replies may be here.
    const bool envelopeSent = m_next == &message && m_nextEnvelopeSent && m_handle;
    m_next = nullptr;
    m_nextEnvelopeSent = false;
    m_message = &message;
    m_outcome = DeliveryOutcome();
    m_replies.clear();
    envelopeOf(message, m_commands);
    if (envelopeSent) {
        m_out.remove(0, m_outOffset);
        m_outOffset = 0;
        m_freshConnection = false;
        m_phase = Phase::Envelope;
        m_deadline = nowMs() + m_settings.timeoutMs;
        loop.startExchange(this, tag);
        return;
    }
    m_out.clear();
    m_outOffset = 0;
    if (m_handle && idleConnectionIsGone())
        disconnect(true);
    m_freshConnection = !m_handle;
    if (!m_handle && !connect()) {
        m_phase = Phase::Done;
        loop.endAtOnce(tag);
        return;
    }
    beginEnvelope();
    loop.startExchange(this, tag);
}

void SmtpTransport::beginEnvelope()
{
    m_phase = Phase::Envelope;
    m_replies.clear();
    m_out.clear();
    m_outOffset = 0;
    queueCommand(0);
    if (m_pipelining) { // RFC 2920: the server answers them in order
        queueCommand(1);
        queueCommand(2);
    }
    m_deadline = nowMs() + m_settings.timeoutMs;
}

void SmtpTransport::queueCommand(int index)
{
    m_out += m_commands[index];
}

void SmtpTransport::queueContent()
{
    const QByteArray& signature = m_settings.dkimSign ? m_message->dkimSignature : QByteArray();
    m_out += dataWithEnd(signature, m_message->data);
    m_contentEnd = m_out.size();
    m_phase = Phase::Content;
    if (m_next)
        queueNextEnvelope();
}

bool SmtpTransport::acceptsNext() const
{
    // Only with PIPELINING may commands follow the data unanswered.
    return m_pipelining && m_handle && m_phase != Phase::Done && !m_next;
}

void SmtpTransport::queueNext(const OutgoingMessage& next)
{
    m_next = &next;
    if (m_phase == Phase::Content)
        queueNextEnvelope();
}

void SmtpTransport::queueNextEnvelope()
{
    // After this message's data, and only then: a refused envelope would leave a transaction to reset first.
    QByteArray commands[3];
    envelopeOf(*m_next, commands);
    m_out += commands[0] + commands[1] + commands[2];
    m_nextEnvelopeSent = true;
}

DeliveryOutcome SmtpTransport::finish(const TransferLoop::Ended&)
{
    m_message = nullptr;
    return m_outcome;
}

bool SmtpTransport::receive()
{
    char buffer[16384];
    while (true) {
        size_t received = 0;
        const CURLcode result = curl_easy_recv(static_cast<CURL*>(m_handle), buffer, sizeof buffer, &received);
        if (result == CURLE_AGAIN)
            return true;
        if (result != CURLE_OK || received == 0)
            return false;
        m_in.append(buffer, qsizetype(received));
        m_deadline = nowMs() + m_settings.timeoutMs;
        // Over plain TCP a short read took all the socket had (what comes later, poll reports). TLS may keep
        // decrypted data that poll cannot see, so there it is read until there is none.
        if (m_plainText && received < sizeof buffer)
            return true;
    }
}

bool SmtpTransport::takeReply(Reply* reply)
{
    // A reply is lines "250-…" ending with one "250 …" (RFC 5321 4.2.1).
    qsizetype start = 0;
    while (true) {
        const qsizetype end = m_in.indexOf('\n', start);
        if (end < 0)
            return false;
        const QByteArray line = m_in.mid(start, end - start).trimmed();
        start = end + 1;
        if (line.size() >= 4 && line.at(3) == '-')
            continue;
        reply->code = line.left(3).toInt();
        reply->text = line;
        m_in.remove(0, start);
        return true;
    }
}

void SmtpTransport::endWithRefusal(const DeliveryOutcome& outcome)
{
    if (m_outcome.text.isEmpty() && m_outcome.code == 0)
        m_outcome = outcome;
}

void SmtpTransport::onEnvelopeReply(const Reply& reply)
{
    m_replies << reply;
    const int index = int(m_replies.size()) - 1; // the command it answers: MAIL, RCPT, DATA
    const bool refusedBefore = m_outcome.code != 0;
    const bool accepted = index == 2 ? reply.code == 354 : isSuccess(reply.code);
    if (accepted && !refusedBefore) {
        if (index < 2) {
            if (!m_pipelining)
                queueCommand(index + 1);
            return;
        }
        queueContent();
        return;
    }
    if (!accepted) {
        if (index == 0) {
            // The server refused the sender: not this recipient's fault.
            endWithRefusal(providerRefusal(describe(tr("the server refused the sender (%1)").arg(QString::fromUtf8(reply.text))),
                                           reply.text));
        } else {
            // A refusal of this recipient or of this message: the server's own words decide.
            endWithRefusal(DeliveryOutcome::fromSmtpReply(reply.code, QString::fromUtf8(reply.text)));
        }
        if (reply.code == 421) { // the server is closing the connection
            disconnect(true);
            m_phase = Phase::Done;
            return;
        }
    }
    if (m_pipelining && index < 2)
        return; // the replies to the commands sent after it are on their way
    if (accepted) {
        // DATA accepted after a refusal (pipelined): an empty message ends it; the server has no recipient.
        m_out += ".\r\n";
        m_phase = Phase::EndEmpty;
        return;
    }
    // Nothing more of this transaction: reset it, so the connection serves the next message.
    m_out += "RSET\r\n";
    m_phase = Phase::Reset;
}

bool SmtpTransport::endWithBrokenConnection(const QString& what, bool providerProblem)
{
    if (m_phase == Phase::Envelope && m_replies.isEmpty() && !m_freshConnection) {
        // A kept connection the server dropped while it was idle (a limit of messages or of time): nothing of
        // this message reached it, so it goes again on a new connection, as libcurl does with its own.
        disconnect(true);
        if (!connect()) {
            m_phase = Phase::Done;
            return true;
        }
        m_freshConnection = true;
        beginEnvelope();
        return advance();
    }
    if (m_phase == Phase::EndEmpty || m_phase == Phase::Reset) {
        disconnect(true); // the outcome is known; the next message gets a new connection
        m_phase = Phase::Done;
        return true;
    }
    // Once the whole message went out, the server may have taken it: unknown, not to be sent again blindly.
    const bool wholeMessageSent = m_phase == Phase::Content && m_outOffset >= m_contentEnd;
    QString detail = what;
    if (!m_replies.isEmpty())
        detail += QStringLiteral(" (server: %1)").arg(QString::fromUtf8(m_replies.last().text));
    m_outcome = DeliveryOutcome::transportFailure(describe(detail), wholeMessageSent, providerProblem);
    disconnect(true);
    m_phase = Phase::Done;
    return true;
}

bool SmtpTransport::advance()
{
    if (m_phase == Phase::Done)
        return true;
    // Replies first. The socket is read only when no whole reply is in hand: a message queued behind finds its
    // replies read along with those of the message before, and whatever comes later the loop's poll reports,
    // since every read takes all there is (see receive()).
    Reply reply;
    bool open = true;
    bool replied = takeReply(&reply);
    if (!replied) {
        open = receive();
        replied = takeReply(&reply);
    }
    while (replied) {
        onReply(reply);
        if (m_phase == Phase::Done)
            return true;
        replied = takeReply(&reply);
    }
    if (!open)
        return endWithBrokenConnection(tr("the server closed the connection"), true);
    // Then what the replies made due, or what start() queued.
    while (m_outOffset < m_out.size()) {
        size_t sent = 0;
        const CURLcode result = curl_easy_send(static_cast<CURL*>(m_handle), m_out.constData() + m_outOffset,
                                               size_t(m_out.size() - m_outOffset), &sent);
        if (result == CURLE_AGAIN)
            break;
        if (result != CURLE_OK)
            return endWithBrokenConnection(tr("the connection broke while sending (%1)")
                                               .arg(QString::fromUtf8(curl_easy_strerror(result))), false);
        m_outOffset += qsizetype(sent);
        m_deadline = nowMs() + m_settings.timeoutMs;
    }
    if (m_outOffset >= m_out.size() && m_phase != Phase::Content) {
        m_out.clear();
        m_outOffset = 0;
    }
    if (nowMs() >= m_deadline)
        return endWithBrokenConnection(tr("no reply within %n second(s)", nullptr, std::max(1, m_settings.timeoutMs / 1000)), true);
    return false;
}

void SmtpTransport::onReply(const Reply& reply)
{
    switch (m_phase) {
    case Phase::Envelope:
        onEnvelopeReply(reply);
        break;
    case Phase::Content:
        m_outcome = DeliveryOutcome::fromSmtpReply(reply.code, QString::fromUtf8(reply.text));
        if (reply.code == 421)
            disconnect(true);
        m_phase = Phase::Done;
        break;
    case Phase::EndEmpty:
        m_out += "RSET\r\n";
        m_phase = Phase::Reset;
        break;
    case Phase::Reset:
        if (!isSuccess(reply.code))
            disconnect(true);
        m_phase = Phase::Done;
        break;
    case Phase::Done:
        break;
    }
}

Result<QString> SmtpTransport::probe()
{
    CURL* handle = curl_easy_init();
    const int result = handshake(handle);
    const QString failure = result == CURLE_OK ? QString() : handshakeFailure(result);
    curl_easy_cleanup(handle);
    if (result != CURLE_OK)
        return Error::make(Error::Kind::Connection, failure);
    return QString::fromUtf8(m_banner);
}

} // namespace herald
