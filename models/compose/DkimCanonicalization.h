#pragma once

#include <QByteArray>
#include <QList>

namespace herald {

// RFC 6376 section 3.4: the two canonical forms ("simple" and "relaxed") of a message's header fields and body
// that a DKIM signature covers, and the choice of header field instances a signature's h= names (section 5.4.2).
// Works on the bytes as the SMTP transport sends them: lines end in CRLF (a bare LF counts as one), and a body
// whose last line has no line end gets the CRLF the transport adds.
class DkimCanonicalization
{
public:
    enum class Form { Simple, Relaxed };

    // One header field: `name` as written, `field` the whole field (name, colon, folded value) without its final CRLF.
    struct HeaderField
    {
        QByteArray name;
        QByteArray field;
    };

    // Splits `message` into its header fields and the offset where the body starts (after the empty line;
    // message.size() when there is none).
    static QList<HeaderField> headerFields(const QByteArray& message, qsizetype* bodyStart);

    // One header field in canonical form, ending in CRLF.
    static QByteArray header(const QByteArray& field, Form form);
    // The canonical body from `offset` on: what the body hash (bh=) is taken over.
    static QByteArray body(const QByteArray& message, qsizetype offset, Form form);

    // The canonical header fields `names` (h=, lower case) select, in that order: each name takes the last instance
    // not taken yet; a name with no instance left (an over-signed one) adds nothing.
    static QByteArray selectedHeaders(const QList<HeaderField>& fields, const QList<QByteArray>& names, Form form);
};

} // namespace herald
