#include "Branding.h"

#include <QRegularExpression>
#include <QUrl>

namespace herald {

namespace {
bool isColour(const QString& text)
{
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return hex.match(text).hasMatch();
}

// An image a message can carry: a media library reference or an absolute http(s) address.
bool isLogoSource(const QString& src)
{
    if (src.startsWith(QLatin1String("media:")))
        return src.size() > 6 && !src.contains(QLatin1Char(' ')) && !src.contains(QLatin1Char('"'));
    const QUrl url(src, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))
        && !url.host().isEmpty();
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
    if (!branding.logoSrc.isEmpty() && !isLogoSource(branding.logoSrc))
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
