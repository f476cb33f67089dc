#include "MessageBuilder.h"

#include "AttachmentPart.h"
#include "MimeEncoding.h"
#include "domain/EmailAddress.h"
#include "domain/HeaderText.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace herald {

namespace {
QByteArray header(const char* name, const QByteArray& value) { return QByteArray(name) + ": " + value + "\r\n"; }

QByteArray part(const char* contentType, const QString& body)
{
    return QByteArray("Content-Type: ") + contentType + "; charset=UTF-8\r\n"
        + "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + MimeEncoding::quotedPrintable(body) + "\r\n";
}
// "=_" never occurs in quoted-printable or base64 output, so such a boundary cannot clash with a body.
QByteArray boundaryFor(const char* prefix, const QString& messageId)
{
    return prefix + QCryptographicHash::hash(messageId.toUtf8(), QCryptographicHash::Sha1).toHex().left(24);
}

// The HTML, with its inline images around it as multipart/related (RFC 2387) when it has any.
QByteArray htmlEntity(const MessageSpec& spec)
{
    if (spec.inlineImages.isEmpty())
        return part("text/html", spec.htmlBody);
    const QByteArray boundary = boundaryFor("=_herald_r_", spec.messageId);
    QByteArray entity = header("Content-Type", "multipart/related;\r\n type=\"text/html\";\r\n boundary=\"" + boundary + '"');
    entity += "\r\n--" + boundary + "\r\n";
    entity += part("text/html", spec.htmlBody);
    for (const InlineImage& image : spec.inlineImages) {
        entity += "--" + boundary + "\r\n";
        entity += AttachmentPart::encode(image);
    }
    entity += "--" + boundary + "--\r\n";
    return entity;
}

// The text, the HTML or both as multipart/alternative: Content-Type header first, ending with CRLF.
QByteArray bodyEntity(const MessageSpec& spec)
{
    if (spec.htmlBody.isEmpty())
        return part("text/plain", spec.textBody);
    if (spec.textBody.isEmpty())
        return htmlEntity(spec);
    const QByteArray boundary = boundaryFor("=_herald_", spec.messageId);
    QByteArray entity = header("Content-Type", "multipart/alternative;\r\n boundary=\"" + boundary + '"');
    entity += "\r\n--" + boundary + "\r\n";
    entity += part("text/plain", spec.textBody);
    entity += "--" + boundary + "\r\n";
    entity += htmlEntity(spec);
    entity += "--" + boundary + "--\r\n";
    return entity;
}
} // namespace

QString MessageBuilder::messageIdFor(qint64 sendId, qint64 campaignId, const QString& fromEmail)
{
    const QString domain = fromEmail.mid(fromEmail.lastIndexOf(QLatin1Char('@')) + 1);
    return QStringLiteral("send-%1.c%2@%3").arg(sendId).arg(campaignId).arg(domain.isEmpty() ? QStringLiteral("herald.invalid") : domain);
}

Result<QByteArray> MessageBuilder::build(const MessageSpec& spec)
{
    const std::pair<const char*, const QString*> headerValues[] = {
        {"from name", &spec.fromName},     {"from email", &spec.fromEmail},   {"recipient name", &spec.toName},
        {"recipient email", &spec.toEmail}, {"reply-to", &spec.replyTo},      {"subject", &spec.subject},
        {"message id", &spec.messageId},   {"unsubscribe URL", &spec.unsubscribeUrl},
        {"unsubscribe mailto", &spec.unsubscribeMailto},
    };
    for (const auto& [field, value] : headerValues) {
        if (!HeaderText::isOneLine(*value))
            return Error::validation(QString::fromLatin1(field),
                                     tr("The %1 contains a line break; it would let the value add its own mail "
                                        "headers, so the message was not built.")
                                         .arg(QString::fromLatin1(field)));
    }
    for (const auto& [field, value] : {std::pair{"from email", &spec.fromEmail}, std::pair{"recipient email", &spec.toEmail}}) {
        const QString problem = EmailAddress::problem(*value);
        if (!problem.isEmpty())
            return Error::validation(QString::fromLatin1(field), tr("The %1 '%2' %3.").arg(QString::fromLatin1(field), *value, problem));
    }
    if (!spec.replyTo.isEmpty() && !EmailAddress::isValid(spec.replyTo))
        return Error::validation(QStringLiteral("reply-to"),
                                 tr("The reply-to '%1' %2.").arg(spec.replyTo, EmailAddress::problem(spec.replyTo)));
    if (spec.textBody.isEmpty() && spec.htmlBody.isEmpty())
        return Error::validation(QStringLiteral("body"), tr("The message has neither a text nor an HTML body."));

    const QByteArray from = MimeEncoding::formatAddress(spec.fromName, spec.fromEmail);
    const QByteArray to = MimeEncoding::formatAddress(spec.toName, spec.toEmail);
    if (from.isEmpty() || to.isEmpty())
        return Error::validation(from.isEmpty() ? QStringLiteral("from email") : QStringLiteral("recipient email"),
                                 tr("Addresses with non-ASCII characters before the '@' need SMTPUTF8, which "
                                    "Herald does not use yet."));

    QByteArray message;
    qint64 attached = 0;
    for (const Attachment& attachment : spec.attachments)
        attached += AttachmentPart::encodedSize(attachment.bytes.size()) + 512;
    for (const InlineImage& image : spec.inlineImages)
        attached += AttachmentPart::encodedSize(image.bytes.size()) + 512;
    message.reserve(spec.textBody.size() + spec.htmlBody.size() * 11 / 10 + 2048 + attached);
    message += header("Date", MimeEncoding::rfc5322Date(spec.date.isValid() ? spec.date : QDateTime::currentDateTimeUtc()));
    message += header("From", from);
    message += header("To", to);
    if (!spec.replyTo.isEmpty())
        message += header("Reply-To", MimeEncoding::formatAddress({}, spec.replyTo));
    message += header("Subject", MimeEncoding::encodeHeaderText(spec.subject, 9));
    message += header("Message-ID", '<' + spec.messageId.toLatin1() + '>');
    QByteArrayList unsubscribe;
    if (!spec.unsubscribeUrl.isEmpty())
        unsubscribe << '<' + spec.unsubscribeUrl.toUtf8() + '>';
    if (!spec.unsubscribeMailto.isEmpty())
        unsubscribe << '<' + spec.unsubscribeMailto.toUtf8() + '>';
    if (!unsubscribe.isEmpty())
        message += header("List-Unsubscribe", unsubscribe.join(",\r\n "));
    if (!spec.unsubscribeUrl.isEmpty())
        message += header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    message += header("MIME-Version", "1.0");

    if (spec.attachments.isEmpty()) {
        message += bodyEntity(spec);
        return message;
    }
    const QByteArray boundary = boundaryFor("=_herald_m_", spec.messageId);
    message += header("Content-Type", "multipart/mixed;\r\n boundary=\"" + boundary + '"');
    message += "\r\n--" + boundary + "\r\n";
    message += bodyEntity(spec);
    for (const Attachment& attachment : spec.attachments) {
        message += "--" + boundary + "\r\n";
        message += AttachmentPart::encode(attachment);
    }
    message += "--" + boundary + "--\r\n";
    return message;
}

} // namespace herald
