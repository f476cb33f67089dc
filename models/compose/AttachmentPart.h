#pragma once

#include "domain/Attachment.h"

#include <QByteArray>
#include <QString>

namespace herald {

// The MIME part of one attached file: base64 in lines of 76, Content-Disposition: attachment with the file name,
// as a quoted string when it is short plain ASCII, else RFC 2231 (UTF-8, percent-encoded, split into numbered
// continuations so that no header line passes 78 octets). Content-Type's name parameter says the same for mail
// clients that read only that one.
class AttachmentPart
{
public:
    // Headers, blank line and body, ending with CRLF (the boundary that follows takes it).
    static QByteArray encode(const Attachment& attachment);
    // `name="value"` or `name*0*=UTF-8''...;\r\n name*1*=...`: the parameter as it goes after "; " on a folded line.
    static QByteArray parameter(const char* name, const QString& value);
    // A type/subtype made of MIME token characters only (what may go in the header unquoted).
    static bool isContentType(const QString& text);
    // What the base64 of `size` bytes takes in a message, line breaks included.
    static qint64 encodedSize(qint64 size);
};

} // namespace herald
