#include "Nonprofit.h"

#include "EnumText.h"

namespace herald {

QString toString(NonprofitStatus status)
{
    switch (status) {
    case NonprofitStatus::Active:
        return QStringLiteral("active");
    case NonprofitStatus::Unsubscribed:
        return QStringLiteral("unsubscribed");
    case NonprofitStatus::Bounced:
        return QStringLiteral("bounced");
    case NonprofitStatus::Complained:
        return QStringLiteral("complained");
    }
    return {};
}

bool fromString(const QString& text, NonprofitStatus* status)
{
    return parseEnum(text, {NonprofitStatus::Active, NonprofitStatus::Unsubscribed, NonprofitStatus::Bounced,
                           NonprofitStatus::Complained}, status);
}

void Nonprofit::normalize()
{
    name = name.trimmed();
    email = email.trimmed();
    ein = normalizedEin(ein);
    for (QString* text : {&street, &city, &region, &postalCode, &country})
        *text = text->trimmed();
    tags = cleanTags(tags);
}

QString Nonprofit::normalizedEin(const QString& ein)
{
    QString digits = ein.trimmed();
    digits.remove(QLatin1Char('-'));
    return digits;
}

QStringList Nonprofit::cleanTags(const QStringList& tags)
{
    QStringList cleaned;
    for (const QString& tag : tags) {
        const QString trimmed = tag.trimmed();
        if (!trimmed.isEmpty() && !cleaned.contains(trimmed))
            cleaned << trimmed;
    }
    cleaned.sort();
    return cleaned;
}

} // namespace herald
