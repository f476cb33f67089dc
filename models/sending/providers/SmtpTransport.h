#pragma once

#include "CurlOptions.h"
#include "MailTransport.h"
#include "SmtpSettings.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace herald {

// SMTP over a connection libcurl opens and keeps: libcurl connects, does TLS (implicit or STARTTLS),
// EHLO and AUTH (CURLOPT_CONNECT_ONLY), and Herald runs each mail transaction on that connection itself,
// so one connection carries thousands of messages. When the server offers PIPELINING (RFC 2920), MAIL,
// RCPT and DATA go out together and the body with its final dot in one write: two round trips per
// message instead of the four of libcurl's own SMTP transfer, which has no pipelining, and two writes
// instead of five. A message queued behind the one going (queueNext) has its envelope sent with that one's
// data (RFC 2920 3.1: message content may be the first "command" in a group), so a busy connection needs
// one round trip and one write per message. Replies are classified with their enhanced status codes
// ("5.1.1").
// The transaction is a TransferLoop exchange, so one thread carries several connections at once.
class SmtpTransport : public MailTransport, private TransferLoop::Exchange
{
    Q_DECLARE_TR_FUNCTIONS(herald::SmtpTransport)
public:
    explicit SmtpTransport(SmtpSettings settings);
    ~SmtpTransport() override;
    SmtpTransport(const SmtpTransport&) = delete;
    SmtpTransport& operator=(const SmtpTransport&) = delete;

    void start(const OutgoingMessage& message, TransferLoop& loop, const void* tag) override;
    DeliveryOutcome finish(const TransferLoop::Ended& ended) override;
    bool acceptsNext() const override;
    void queueNext(const OutgoingMessage& next) override;
    Result<QString> probe() override;

    // libcurl's debug stream while connecting (public for the C trampoline).
    void onServerLine(const QByteArray& line);
    void onClientLine(const QByteArray& line);

    // The message as it goes after DATA: lines starting with a dot get another (RFC 5321 4.5.2), then the
    // final ".".
    static QByteArray dataWithEnd(const QByteArray& signature, const QByteArray& data);

private:
    enum class Phase {
        Envelope,  // MAIL, RCPT, DATA sent (all at once, or one by one); their replies awaited
        Content,   // the message sent; the final reply awaited
        EndEmpty,  // DATA was accepted although the envelope was refused: an empty message ends it
        Reset,     // RSET after a refusal, so the connection serves the next message
        Done,
    };
    struct Reply
    {
        int code = 0;
        QByteArray text; // the reply's last line
    };

    // TransferLoop::Exchange
    int socket() const override { return int(m_socket); }
    bool wantsToWrite() const override { return m_outOffset < m_out.size(); }
    qint64 deadline() const override { return m_deadline; }
    bool advance() override;

    void applyConnectionOptions(void* handle);
    // libcurl's part on `handle` (a CURL*): connect, TLS, EHLO, AUTH, then stop (CURLOPT_CONNECT_ONLY).
    int handshake(void* handle);
    QString handshakeFailure(int curlCode) const;
    static DeliveryOutcome providerRefusal(const QString& text, const QByteArray& reply);
    bool connect(); // false: m_outcome says why
    void disconnect(bool abruptly);
    bool idleConnectionIsGone() const;
    void beginEnvelope();
    void queueCommand(int index);
    void queueContent();
    void queueNextEnvelope();
    // Reads all the server sent so far; false when the connection broke.
    bool receive();
    bool takeReply(Reply* reply);
    // A reply came: moves the transaction on.
    void onReply(const Reply& reply);
    // A reply of the envelope phase came; sets the outcome and what to send next.
    void onEnvelopeReply(const Reply& reply);
    void endWithRefusal(const DeliveryOutcome& outcome);
    bool endWithBrokenConnection(const QString& what, bool timedOut);
    QString describe(const QString& detail) const;

    SmtpSettings m_settings;
    CurlOptions m_curlOptions;
    QByteArray m_url;
    QByteArray m_username;
    QByteArray m_password;
    void* m_handle = nullptr; // CURL*, connected with CONNECT_ONLY; null when not connected
    qintptr m_socket = -1;
    bool m_pipelining = false;
    bool m_plainText = false; // no TLS: nothing decrypted can wait unseen by poll
    char m_errorBuffer[256] = {};

    // While connecting (libcurl's debug stream).
    QByteArray m_banner;
    QByteArray m_lastCommand;
    QByteArray m_replyAfterCommand;
    bool m_offersPipelining = false;

    // The transaction in hand.
    Phase m_phase = Phase::Done;
    QByteArray m_commands[3]; // MAIL FROM, RCPT TO, DATA
    bool m_freshConnection = false; // opened for this message: a drop is not the server's idle limit
    QList<Reply> m_replies;
    const OutgoingMessage* m_message = nullptr;
    QByteArray m_out;
    qsizetype m_outOffset = 0;
    qsizetype m_contentEnd = 0; // in m_out, the end of this message's data (Content phase)
    // The message queued behind, and whether its envelope went out (with this message's data).
    const OutgoingMessage* m_next = nullptr;
    bool m_nextEnvelopeSent = false;
    QByteArray m_in;
    qint64 m_deadline = 0;
    DeliveryOutcome m_outcome;
};

} // namespace herald
