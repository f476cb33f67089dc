#pragma once

#include "TestServerProcess.h"

namespace herald::test {

// Our SMTP test server (tests/support/smtp_test_server.py, aiosmtpd) on a free loopback port, for one
// test: it records what it accepts and injects faults by recipient (see the script's header).
class SmtpTestServer : public TestServerProcess
{
public:
    SmtpTestServer() : TestServerProcess(QStringLiteral("smtp_test_server.py")) {}

    // start() takes extra options: "--auth", "user:pw", "--tls-cert", … Certificates: see makeCertificate().

    // Messages accepted so far, one JSON object each (message_id, rcpt_tos, size, tls, auth, peer …).
    QList<QJsonObject> messages() const { return records(); }
    bool waitForMessages(int count, int timeoutMs = 10000) const { return waitForRecords(count, timeoutMs); }

    // A self-signed certificate for 127.0.0.1 (openssl), written into this server's folder.
    bool makeCertificate(QString* certificate, QString* key);
};

} // namespace herald::test
