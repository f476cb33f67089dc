#pragma once

#include "TestServerProcess.h"

#include <QSet>

namespace herald::test {

// Our SendGrid v3 API test server (tests/support/sendgrid_test_server.py, Python's http.server) on a free
// loopback port, for one test: it checks each request's shape strictly, records what it accepts, and
// injects faults by recipient (see the script's header).
class SendGridTestServer : public TestServerProcess
{
public:
    static inline const QString DefaultKey = QStringLiteral("SG.test-key");

    SendGridTestServer() : TestServerProcess(QStringLiteral("sendgrid_test_server.py")) {}

    // start() takes extra options: "--key", "SG.other", "--scopes", "a,b".
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }

    // Requests accepted so far, one JSON object each (body, peer, content_type, message_id, at).
    QList<QJsonObject> requests() const { return records(); }
    bool waitForRequests(int count, int timeoutMs = 10000) const { return waitForRecords(count, timeoutMs); }
    // The client ends ("127.0.0.1:port") the accepted requests came from: one per TCP connection.
    QSet<QString> peers() const;
};

} // namespace herald::test
