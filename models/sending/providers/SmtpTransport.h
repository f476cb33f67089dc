#pragma once

#include "CurlOptions.h"
#include "MailTransport.h"
#include "SmtpSettings.h"

#include <QCoreApplication>
#include <QByteArray>
#include <QString>

struct curl_slist;

namespace herald {

// SMTP through libcurl: one easy handle kept for the life of the transport, so one connection (one
// EHLO, one TLS handshake, one AUTH) carries thousands of messages. The server's replies are read
// from libcurl's debug stream, where the enhanced status code ("5.1.1") is.
class SmtpTransport : public MailTransport
{
    Q_DECLARE_TR_FUNCTIONS(herald::SmtpTransport)
public:
    explicit SmtpTransport(SmtpSettings settings);
    ~SmtpTransport() override;
    SmtpTransport(const SmtpTransport&) = delete;
    SmtpTransport& operator=(const SmtpTransport&) = delete;

    CURL* begin(const OutgoingMessage& message) override;
    DeliveryOutcome finish(int curlCode) override;
    Result<QString> probe() override;

    // libcurl callbacks (public for the C trampolines).
    size_t readBody(char* buffer, size_t size);
    void onServerLine(const QByteArray& line);
    void onClientLine(const QByteArray& line);

private:
    void applyConnectionOptions(CURL* handle);
    QString describeFailure(int curlCode, const char* errorBuffer) const;

    SmtpSettings m_settings;
    CURL* m_handle = nullptr;
    QByteArray m_url;
    QByteArray m_username;
    QByteArray m_password;
    CurlOptions m_curlOptions;

    // Per transfer.
    QByteArray m_signedBody; // DKIM signature and message, when this provider signs
    QByteArray m_from;
    curl_slist* m_recipients = nullptr;
    const QByteArray* m_body = nullptr;
    qsizetype m_bodyOffset = 0;
    QByteArray m_lastReply;
    QByteArray m_banner;
    QByteArray m_lastCommand;
    QByteArray m_replyAfterCommand;  // the reply to m_lastCommand
    QByteArray m_failedCommand;      // the command the first 4xx/5xx reply answered
    QByteArray m_failureReply;       // that reply
    char m_errorBuffer[256] = {};
};

} // namespace herald
