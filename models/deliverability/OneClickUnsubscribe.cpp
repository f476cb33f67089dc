#include "OneClickUnsubscribe.h"

#include "AddressSuppressor.h"
#include "MimePart.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace herald {

namespace {
const QByteArray OneClickKey = QByteArrayLiteral("List-Unsubscribe");
const QByteArray OneClickValue = QByteArrayLiteral("One-Click");

bool isOneClickFormUrlEncoded(const QByteArray& body)
{
    for (const QByteArray& pair : body.trimmed().split('&')) {
        const qsizetype equals = pair.indexOf('=');
        if (equals <= 0)
            continue;
        QByteArray key = pair.left(equals);
        QByteArray value = pair.mid(equals + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        if (QByteArray::fromPercentEncoding(key) == OneClickKey && QByteArray::fromPercentEncoding(value) == OneClickValue)
            return true;
    }
    return false;
}

bool isOneClickMultipart(const QByteArray& contentType, const QByteArray& body)
{
    const MimePart form = MimePart::parse("Content-Type: " + contentType + "\r\n\r\n" + body);
    for (const MimePart& field : form.parts()) {
        const auto disposition = MimePart::parameters(field.header("Content-Disposition"));
        for (const auto& [name, value] : disposition) {
            if (name == "name" && value == OneClickKey && field.body().trimmed() == OneClickValue)
                return true;
        }
    }
    return false;
}
} // namespace

OneClickUnsubscribe::OneClickUnsubscribe(Database& database, QByteArray secret)
    : m_database(database), m_verifier(std::move(secret))
{
}

bool OneClickUnsubscribe::isOneClickBody(const QByteArray& contentType, const QByteArray& body)
{
    const QByteArray type = MimePart::mediaType(contentType);
    if (type == "multipart/form-data")
        return isOneClickMultipart(contentType, body);
    // RFC 8058 mail receivers send a form; a missing content type is read as one too.
    if (type.isEmpty() || type == "application/x-www-form-urlencoded")
        return isOneClickFormUrlEncoded(body);
    return false;
}

OneClickUnsubscribe::Reply OneClickUnsubscribe::page(int status, const QString& title, const QString& text,
                                                     const QString& form) const
{
    Reply reply;
    reply.status = status;
    reply.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    reply.body = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                                "<meta name=\"viewport\" content=\"width=device-width\">"
                                "<meta name=\"robots\" content=\"noindex\"><title>%1</title></head>\n"
                                "<body style=\"font-family:sans-serif;max-width:32em;margin:3em auto\">"
                                "<h1>%1</h1>\n<p>%2</p>\n%3</body></html>\n")
                     .arg(title.toHtmlEscaped(), text.toHtmlEscaped(), form)
                     .toUtf8();
    return reply;
}

OneClickUnsubscribe::Reply OneClickUnsubscribe::tooLarge() const
{
    Reply reply = page(413, tr("Request too large"), tr("This request is larger than an unsubscribe request can be."));
    reply.outcome = QStringLiteral("body too large");
    return reply;
}

OneClickUnsubscribe::Reply OneClickUnsubscribe::handle(const Request& request)
{
    if (request.method == Method::Other) {
        Reply reply = page(405, tr("Method not allowed"), tr("Open the unsubscribe link in a browser."));
        reply.allow = QByteArrayLiteral("GET, POST");
        reply.outcome = QStringLiteral("method not allowed");
        return reply;
    }
    if (request.body.size() > MaxBodyBytes)
        return tooLarge();

    // One answer for every token that does not verify, decided before the database is asked anything.
    const auto claims = m_verifier.verify(request.token);
    if (!claims) {
        Reply reply = page(400, tr("This link does not work"),
                           tr("The unsubscribe link is incomplete or was changed. Open it again from the email you "
                              "received, or reply to that email asking to be removed."));
        reply.outcome = QStringLiteral("invalid token");
        return reply;
    }

    if (request.method == Method::Get) {
        // A GET never unsubscribes: mail scanners and link previews open links nobody clicked.
        const QString form = QStringLiteral("<form method=\"post\">"
                                            "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                                            "<button type=\"submit\" style=\"font-size:1.2em\">%1</button></form>\n")
                                 .arg(tr("Unsubscribe").toHtmlEscaped());
        Reply reply = page(200, tr("Unsubscribe"), tr("Press the button to stop receiving these emails."), form);
        reply.outcome = QStringLiteral("confirmation page");
        reply.campaignId = claims->campaignId;
        return reply;
    }

    if (!isOneClickBody(request.contentType, request.body)) {
        Reply reply = page(400, tr("Request not understood"),
                           tr("An unsubscribe request must send List-Unsubscribe=One-Click as a form."));
        reply.outcome = QStringLiteral("malformed body");
        return reply;
    }
    const auto suppressed = AddressSuppressor(m_database).suppress(
        claims->email, SuppressionReason::Unsubscribed,
        QStringLiteral("one-click unsubscribe (campaign #%1)").arg(claims->campaignId));
    if (!suppressed) {
        // Never a 2xx for a suppression that was not written: the mail receiver will retry.
        Reply reply = page(503, tr("Please try again"),
                           tr("Your request could not be recorded just now. Please try again in a few minutes."));
        reply.outcome = QStringLiteral("database error"); // its message names the address: not logged
        reply.campaignId = claims->campaignId;
        return reply;
    }
    Reply reply = page(200, tr("You are unsubscribed"), tr("You will receive no more of these emails."));
    reply.outcome = suppressed.value() ? QStringLiteral("unsubscribed") : QStringLiteral("already unsubscribed");
    reply.campaignId = claims->campaignId;
    return reply;
}

} // namespace herald
