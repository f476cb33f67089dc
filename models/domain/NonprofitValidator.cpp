#include "NonprofitValidator.h"

#include "EmailAddress.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace herald {

Status NonprofitValidator::validate(const Nonprofit& nonprofit)
{
    if (nonprofit.name.trimmed().isEmpty())
        return Error::validation(QStringLiteral("name"), tr("Name is required."));
    if (nonprofit.name.size() > MaxNameLength)
        return Error::validation(QStringLiteral("name"),
                                 tr("Name is longer than %1 characters.").arg(MaxNameLength));
    const QString emailProblem = EmailAddress::problem(nonprofit.email);
    if (!emailProblem.isEmpty())
        return Error::validation(QStringLiteral("email"),
                                 tr("Email '%1' %2.").arg(nonprofit.email, emailProblem));
    static const QRegularExpression einPattern(QStringLiteral("^\\d{2}-?\\d{7}$"));
    if (!nonprofit.ein.isEmpty() && !einPattern.match(nonprofit.ein).hasMatch())
        return Error::validation(QStringLiteral("ein"),
                                 tr("EIN '%1' is not nine digits (like 12-3456789).").arg(nonprofit.ein));
    const std::pair<const char*, const QString*> lengthChecked[] = {
        {"street", &nonprofit.street}, {"city", &nonprofit.city},       {"region", &nonprofit.region},
        {"postal_code", &nonprofit.postalCode}, {"country", &nonprofit.country},
    };
    for (const auto& [field, value] : lengthChecked) {
        if (value->size() > MaxFieldLength)
            return Error::validation(QString::fromLatin1(field), tr("%1 is longer than %2 characters.")
                                                                     .arg(QString::fromLatin1(field))
                                                                     .arg(MaxFieldLength));
    }
    return validateTags(nonprofit.tags);
}

Status NonprofitValidator::validateTags(const QStringList& tags)
{
    for (const QString& tag : tags) {
        if (tag.trimmed().isEmpty() || tag.contains(QLatin1Char(',')) || tag.size() > 64)
            return Error::validation(QStringLiteral("tags"),
                                     tr("Tag '%1' must be 1 to 64 characters without commas.").arg(tag));
    }
    return {};
}

} // namespace herald
