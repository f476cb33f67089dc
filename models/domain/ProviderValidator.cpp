#include "ProviderValidator.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace herald {

Status ProviderValidator::validate(const Provider& provider)
{
    if (provider.name.trimmed().isEmpty())
        return Error::validation(QStringLiteral("name"), tr("Name is required."));
    if (provider.name.size() > MaxNameLength)
        return Error::validation(QStringLiteral("name"), tr("Name is longer than %1 characters.").arg(MaxNameLength));
    if (provider.kind == Provider::Kind::Smtp && provider.host.trimmed().isEmpty())
        return Error::validation(QStringLiteral("host"),
                                 tr("Provider '%1' needs the SMTP server's host name (like smtp.example.org).")
                                     .arg(provider.name));
    static const QRegularExpression whitespace(QStringLiteral("\\s"));
    if (provider.host.contains(whitespace))
        return Error::validation(QStringLiteral("host"),
                                 tr("Host '%1' of provider '%2' has spaces in it.").arg(provider.host, provider.name));
    if (provider.port < 1 || provider.port > 65535)
        return Error::validation(QStringLiteral("port"),
                                 tr("Port %1 of provider '%2' is not between 1 and 65535 (SMTP uses 587, 465 or 25).")
                                     .arg(QString::number(provider.port), provider.name));
    if (!std::isfinite(provider.ratePerSecond) || provider.ratePerSecond <= 0)
        return Error::validation(QStringLiteral("rate_per_s"),
                                 tr("The rate of provider '%1' must be more than 0 messages per second.")
                                     .arg(provider.name));
    if (provider.burst < 1)
        return Error::validation(QStringLiteral("burst"),
                                 tr("The burst of provider '%1' must be at least 1 message.").arg(provider.name));
    if (provider.connections < 1)
        return Error::validation(QStringLiteral("connections"),
                                 tr("Provider '%1' needs at least 1 connection.").arg(provider.name));
    return {};
}

} // namespace herald
