#pragma once

#include "TestServerProcess.h"

#include <QJsonObject>
#include <QList>

namespace herald::test {

// A real Dovecot on a free loopback port for one test (tests/support/imap_test_server.py): one account,
// INBOX in a Maildir of its own, STARTTLS with a self-signed certificate. Messages are delivered by dropping
// files into the Maildir; listing() reads the mailbox back with Python's imaplib, an independent client.
class ImapTestServer : public TestServerProcess
{
public:
    ImapTestServer() : TestServerProcess(QStringLiteral("imap_test_server.py")) {}

    static QString user() { return QStringLiteral("bounces"); }
    static QString password() { return QStringLiteral("secret"); }

    // Delivers one message (as an MTA would: a new file in the Maildir's new/ folder).
    bool deliver(const QByteArray& message);
    // Every message of INBOX: {"uid", "flags": […], "message_id"}.
    QList<QJsonObject> listing() const;

private:
    int m_delivered = 0;
};

} // namespace herald::test
