#include "Branding.h"

#include "emailhtml/MessageUrls.h"

#include <QRegularExpression>

namespace herald {

namespace {
bool isColour(const QString& text)
{
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return hex.match(text).hasMatch();
}

} // namespace

Result<Branding> Branding::checked(const Branding& given)
{
    Branding branding;
    branding.colour = given.colour.trimmed().toLower();
    branding.logoSrc = given.logoSrc.trimmed();
    branding.organisationName = given.organisationName.simplified();
    if (!isColour(branding.colour))
        return Error::validation(QStringLiteral("colour"),
                                 tr("The organisation colour '%1' is not a colour: give it as # and six hexadecimal "
                                    "digits, such as %2.")
                                     .arg(given.colour.trimmed(), DefaultColour));
    if (!branding.logoSrc.isEmpty() && !MessageUrls::isAllowed(branding.logoSrc, MessageUrls::Use::Logo))
        return Error::validation(QStringLiteral("logo"),
                                 tr("The logo '%1' is not an image a message can show: give media:NAME for an image "
                                    "of the media library, an address starting with https://, or nothing.")
                                     .arg(branding.logoSrc));
    if (branding.organisationName.contains(QLatin1String("{{")) || branding.organisationName.contains(QLatin1String("}}")))
        return Error::validation(QStringLiteral("organisation"),
                                 tr("The organisation name '%1' contains {{ or }}, which messages would read as a "
                                    "placeholder.")
                                     .arg(branding.organisationName));
    return branding;
}

QString Branding::organisationOrSender() const
{
    return organisationName.isEmpty() ? QStringLiteral("{{from_name}}") : organisationName;
}

} // namespace herald
