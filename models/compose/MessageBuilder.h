#pragma once

#include "AttachmentPart.h"
#include "domain/Attachment.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace herald {

// What one outgoing message says, before it is encoded.
struct MessageSpec
{
    QString fromName;
    QString fromEmail;
    QString toName;
    QString toEmail;
    QString replyTo;
    QString subject;
    QString textBody;
    QString htmlBody;
    QString messageId; // without angle brackets: "send-42.c7@example.org"
    QDateTime date;
    QString unsubscribeUrl;    // https link for List-Unsubscribe and one-click POST (RFC 8058)
    QString unsubscribeMailto; // mailto: alternative, optional
    QList<Attachment> attachments; // with their bytes; none: no multipart/mixed
    QList<InlineImage> inlineImages; // what the HTML shows by cid:; none: no multipart/related
};

// Builds the RFC 5322 bytes of a message: multipart/alternative (text then HTML; the HTML in a multipart/related
// with its inline images when it has any), UTF-8 bodies in quoted-printable, inside multipart/mixed after which come the attachments when there are any (AttachmentPart), RFC 2047 headers, List-Unsubscribe and List-Unsubscribe-Post. CR or LF in any value
// that reaches a header is refused (header injection), naming the field.
class MessageBuilder
{
    Q_DECLARE_TR_FUNCTIONS(herald::MessageBuilder)
public:
    static Result<QByteArray> build(const MessageSpec& spec);
    // "send-<id>.c<campaign>@<from domain>": unique per send row, stable across retries.
    static QString messageIdFor(qint64 sendId, qint64 campaignId, const QString& fromEmail);
};

} // namespace herald
