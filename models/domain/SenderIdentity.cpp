#include "SenderIdentity.h"

#include "EmailAddress.h"
#include "HeaderText.h"

#include <QCoreApplication>
#include <QUrl>

namespace herald {

void SenderIdentity::normalize()
{
    name = name.trimmed();
    fromName = fromName.trimmed();
    fromEmail = fromEmail.trimmed();
    replyTo = replyTo.trimmed();
    postalAddress = postalAddress.trimmed();
    unsubscribeBaseUrl = unsubscribeBaseUrl.trimmed();
}

Status SenderIdentity::validate() const
{
    if (name.trimmed().isEmpty())
        return Error::validation(QStringLiteral("name"), tr("A sender identity needs a name."));
    if (name.size() > MaxNameLength)
        return Error::validation(QStringLiteral("name"), tr("Name is longer than %1 characters.").arg(MaxNameLength));
    // Header-bound values first: a line break is an injection attempt before it is a typo.
    const struct
    {
        QString field;
        QString label;
        const QString& value;
    } headerFields[] = {
        {QStringLiteral("from_name"), tr("Sender name"), fromName},
        {QStringLiteral("from_email"), tr("Sender email"), fromEmail},
        {QStringLiteral("reply_to"), tr("Reply-to address"), replyTo},
        {QStringLiteral("unsubscribe_base_url"), tr("Unsubscribe link"), unsubscribeBaseUrl},
    };
    for (const auto& header : headerFields) {
        if (auto oneLine = HeaderText::check(header.field, header.label, header.value); !oneLine)
            return oneLine;
    }
    if (fromEmail.isEmpty())
        return Error::validation(QStringLiteral("from_email"), tr("Sender email is required."));
    if (const QString problem = EmailAddress::problem(fromEmail); !problem.isEmpty())
        return Error::validation(QStringLiteral("from_email"), tr("Sender email '%1' %2.").arg(fromEmail, problem));
    if (const QString problem = replyTo.isEmpty() ? QString() : EmailAddress::problem(replyTo); !problem.isEmpty())
        return Error::validation(QStringLiteral("reply_to"), tr("Reply-to address '%1' %2.").arg(replyTo, problem));
    if (!unsubscribeBaseUrl.isEmpty()) {
        const QUrl url(unsubscribeBaseUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
            || url.host().isEmpty())
            return Error::validation(QStringLiteral("unsubscribe_base_url"),
                                     tr("Unsubscribe link '%1' is not a web address (https://…).").arg(unsubscribeBaseUrl));
    }
    return {};
}

} // namespace herald
