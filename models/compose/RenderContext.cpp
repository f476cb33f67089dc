#include "RenderContext.h"

#include "domain/Campaign.h"
#include "domain/Nonprofit.h"

#include <QLocale>

namespace herald {

const QStringList& RenderContext::knownPlaceholders()
{
    static const QStringList names = {
        QStringLiteral("name"),         QStringLiteral("email"),          QStringLiteral("ein"),
        QStringLiteral("street"),       QStringLiteral("city"),           QStringLiteral("region"),
        QStringLiteral("postal_code"),  QStringLiteral("country"),        QStringLiteral("tags"),
        QStringLiteral("status"),       QStringLiteral("from_name"),      QStringLiteral("from_email"),
        QStringLiteral("reply_to"),     QStringLiteral("unsubscribe_url"), QStringLiteral("postal_address"),
        QStringLiteral("campaign_name"), QStringLiteral("date"),           QStringLiteral("view_url"),
    };
    return names;
}

const QStringList& RenderContext::listPlaceholders()
{
    static const QStringList names = {QStringLiteral("tags")};
    return names;
}

RenderContext RenderContext::forRecipient(const Nonprofit& nonprofit, const Campaign& campaign,
                                          const QString& unsubscribeUrl, const QDate& date)
{
    RenderContext context;
    context.set(QStringLiteral("name"), nonprofit.name);
    context.set(QStringLiteral("email"), nonprofit.email);
    context.set(QStringLiteral("ein"), nonprofit.ein);
    context.set(QStringLiteral("street"), nonprofit.street);
    context.set(QStringLiteral("city"), nonprofit.city);
    context.set(QStringLiteral("region"), nonprofit.region);
    context.set(QStringLiteral("postal_code"), nonprofit.postalCode);
    context.set(QStringLiteral("country"), nonprofit.country);
    context.setList(QStringLiteral("tags"), nonprofit.tags);
    context.set(QStringLiteral("status"), toString(nonprofit.status));
    context.set(QStringLiteral("from_name"), campaign.fromName);
    context.set(QStringLiteral("from_email"), campaign.fromEmail);
    context.set(QStringLiteral("reply_to"), campaign.replyTo);
    context.set(QStringLiteral("unsubscribe_url"), unsubscribeUrl);
    context.set(QStringLiteral("postal_address"), campaign.postalAddress);
    context.set(QStringLiteral("campaign_name"), campaign.name);
    context.set(QStringLiteral("date"), QLocale().toString(date, QLocale::LongFormat));
    return context;
}

} // namespace herald
