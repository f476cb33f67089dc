#pragma once

#include "TestServerProcess.h"

#include <QJsonObject>

namespace herald::test {

// Our authoritative DNS test server (tests/support/dns_test_server.py, dnspython) on port 53 of a loopback
// address of its own, for one test. Qt 6.4's QDnsLookup::setNameserver() takes only an address and always asks
// port 53, so each test picks an unused 127.0.0.x (all of 127/8 is loopback on Linux) and runs as root, as the
// test suite does (port 53 is privileged). The zone: {"name": ["TXT value", …]} (see the script's header).
class DnsTestServer : public TestServerProcess
{
public:
    DnsTestServer() : TestServerProcess(QStringLiteral("dns_test_server.py")) {}

    bool start(const QString& address, const QJsonObject& zone);
    // Publishes `zone` instead (the server reads its file again on the next question).
    bool setZone(const QJsonObject& zone);
    QString address() const { return m_address; }
    // The names asked so far (lower case), in order.
    QStringList questions() const;

    // Writes `zone` as the JSON file the script and the DKIM verifier read.
    static bool writeZone(const QString& path, const QJsonObject& zone);

private:
    QString m_address;
};

} // namespace herald::test
