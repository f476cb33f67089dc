#pragma once

#include <QByteArray>
#include <QString>

namespace herald {

// A rendered message ready for a transport: the envelope and the RFC 5322 bytes.
struct OutgoingMessage
{
    qint64 sendId = 0;
    QByteArray envelopeFrom; // ASCII address for MAIL FROM
    QByteArray recipient;    // ASCII address for RCPT TO
    QByteArray data;         // headers and body, CRLF line ends
    QString messageId;
};

} // namespace herald
