#pragma once

#include "compose/MessageBuilder.h"

#include <QByteArray>
#include <QString>

namespace herald {

// A rendered message ready for a transport: the envelope and the RFC 5322 bytes (for SMTP), and the
// parts they were built from (for HTTP mail APIs, which take fields rather than MIME).
struct OutgoingMessage
{
    qint64 sendId = 0;
    QByteArray envelopeFrom; // ASCII address for MAIL FROM
    QByteArray recipient;    // ASCII address for RCPT TO
    QByteArray data;         // headers and body, CRLF line ends
    QByteArray dkimSignature; // "DKIM-Signature: …" header over `data`, made once; put in front by providers that
                              // Herald signs for (empty: the sender domain has no key)
    QString messageId;
    MessageSpec parts;       // from, to, reply-to, subject, text and HTML bodies, unsubscribe URL
};

} // namespace herald
