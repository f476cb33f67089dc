#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace herald {

// The encodings an RFC 5322 / MIME message needs: RFC 2047 encoded words for non-ASCII header text,
// quoted-printable bodies (RFC 2045, lines of at most 76 octets), and the RFC 5322 date.
// libcurl's MIME API would build parts only while sending; DKIM signing and `campaign render` need
// the final bytes first, so Herald encodes here.
class MimeEncoding
{
public:
    // Header text (a subject): unchanged when plain ASCII, else UTF-8 "B" encoded words,
    // folded with CRLF SP so that no line is longer than 78 octets. `used` is how many octets the
    // header name already takes on the first line ("Subject: " = 9).
    static QByteArray encodeHeaderText(const QString& text, int used);
    // A display name for From/To: quoted when it has specials, encoded words when not ASCII.
    static QByteArray encodeDisplayName(const QString& name);
    // "Name <addr>" or "addr"; the domain in ASCII (IDNA). Empty when the local part is not ASCII.
    static QByteArray formatAddress(const QString& name, const QString& address);
    static QByteArray asciiAddress(const QString& address);
    // Quoted-printable of UTF-8 text; line ends become CRLF.
    static QByteArray quotedPrintable(const QString& text);
    static QByteArray rfc5322Date(const QDateTime& time);
};

} // namespace herald
