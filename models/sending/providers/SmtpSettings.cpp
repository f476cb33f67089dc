#include "SmtpSettings.h"

namespace herald {

SmtpSettings SmtpSettings::fromProvider(const Provider& provider, const QString& password)
{
    SmtpSettings settings;
    settings.host = provider.host;
    settings.port = provider.port;
    settings.tls = provider.tls;
    settings.username = provider.username;
    settings.password = password;
    settings.verifyCertificate = provider.verifyCertificate;
    settings.dkimSign = provider.dkimSign;
    return settings;
}

QString SmtpSettings::url() const
{
    const QString scheme = tls == Provider::Tls::Implicit ? QStringLiteral("smtps") : QStringLiteral("smtp");
    const QString hostPart = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return QStringLiteral("%1://%2:%3").arg(scheme, hostPart).arg(port);
}

} // namespace herald
