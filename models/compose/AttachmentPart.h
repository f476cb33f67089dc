#pragma once

#include "domain/Attachment.h"

#include <QByteArray>
#include <QString>

namespace herald {

// An image carried inside the message for its HTML to show (src="cid:…"): a part of the multipart/related.
struct InlineImage
{
    QString contentId; // without angle brackets: "img1.3f2a…@herald"
    QString fileName;
    QString contentType;
    QByteArray bytes;
};

// The MIME part of one attached file (or inline image): base64 in lines of 76, Content-Disposition: attachment with the file name,
// as a quoted string when it is short plain ASCII, else RFC 2231 (UTF-8, percent-encoded, split into numbered
// continuations so that no header line passes 78 octets). Content-Type's name parameter says the same for mail
// clients that read only that one.
class AttachmentPart
{
public:
    // Headers, blank line and body, ending with CRLF (the boundary that follows takes it).
    static QByteArray encode(const Attachment& attachment);
    // The same for an inline image: Content-ID and Content-Disposition: inline.
    static QByteArray encode(const InlineImage& image);
    // `name="value"` or `name*0*=UTF-8''...;\r\n name*1*=...`: the parameter as it goes after "; " on a folded line.
    static QByteArray parameter(const char* name, const QString& value);
    // A type/subtype made of MIME token characters only (what may go in the header unquoted).
    static bool isContentType(const QString& text);
    // What the base64 of `size` bytes takes in a message, line breaks included.
    static qint64 encodedSize(qint64 size);

private:
    // `contentId` empty: an attachment; else an inline part with that Content-ID.
    static QByteArray encodeFile(const QString& fileName, const QString& contentType, const QByteArray& bytes,
                                 const QString& contentId);
};

} // namespace herald
