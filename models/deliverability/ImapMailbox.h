#pragma once

#include "MailboxSettings.h"
#include "domain/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

typedef void CURL;

namespace herald {

// The feedback mailbox over IMAP (libcurl; implicit TLS, STARTTLS required, or plain on loopback only), one
// connection kept open for a whole pass. Messages are found by the keyword they lack, read, and flagged;
// nothing is ever deleted or expunged.
class ImapMailbox
{
    Q_DECLARE_TR_FUNCTIONS(herald::ImapMailbox)
public:
    static const QByteArray ProcessedKeyword; // "$HeraldProcessed"

    explicit ImapMailbox(MailboxSettings settings);
    ~ImapMailbox();
    ImapMailbox(const ImapMailbox&) = delete;
    ImapMailbox& operator=(const ImapMailbox&) = delete;

    // UIDs of the messages not flagged processed yet, oldest first.
    Result<QList<qint64>> unprocessed();
    Result<QByteArray> fetch(qint64 uid);
    // Adds the processed keyword; with `seen` also \Seen, otherwise takes \Seen away again (fetching set
    // it), so a message the intake did not understand stays unread for a person.
    Status markProcessed(qint64 uid, bool seen);

private:
    Result<QByteArray> perform(const QByteArray& url, const QByteArray& command, const QString& what);

    MailboxSettings m_settings;
    CURL* m_handle = nullptr;
    QByteArray m_username;
    QByteArray m_password;
    char m_errorBuffer[256] = {};
    QByteArray m_received;
};

} // namespace herald
