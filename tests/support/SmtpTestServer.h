#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace herald::test {

// Our SMTP test server (tests/support/smtp_test_server.py, aiosmtpd) on a free loopback port, for one
// test: it records what it accepts and injects faults by recipient (see the script's header).
class SmtpTestServer
{
public:
    SmtpTestServer() = default;
    ~SmtpTestServer();

    // Extra options: "--auth", "user:pw", "--tls-cert", … Certificates: see makeCertificate().
    bool start(const QStringList& options = {});
    void stop();
    int port() const { return m_port; }
    QString lastError() const { return m_error; }

    // Messages accepted so far, one JSON object each (message_id, rcpt_tos, size, tls, auth, peer …).
    QList<QJsonObject> messages() const;
    bool waitForMessages(int count, int timeoutMs = 10000) const;

    // A self-signed certificate for 127.0.0.1 (openssl), written into this server's folder.
    bool makeCertificate(QString* certificate, QString* key);

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
    QString m_error;
};

} // namespace herald::test
