#include "SendGridSettings.h"

namespace herald {

SendGridSettings SendGridSettings::fromProvider(const Provider& provider, const QString& apiKey)
{
    SendGridSettings settings;
    settings.apiKey = apiKey;
    settings.verifyCertificate = provider.verifyCertificate;
    const QString host = provider.host.trimmed();
    if (host.contains(QLatin1String("://"))) {
        settings.baseUrl = host;
    } else if (!host.isEmpty()) {
        const bool plain = provider.tls == Provider::Tls::None;
        const int defaultPort = plain ? 80 : 443;
        const QString hostPart = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
        settings.baseUrl = (plain ? QStringLiteral("http://") : QStringLiteral("https://")) + hostPart;
        if (provider.port != defaultPort)
            settings.baseUrl += QLatin1Char(':') + QString::number(provider.port);
    }
    while (settings.baseUrl.endsWith(QLatin1Char('/')))
        settings.baseUrl.chop(1);
    return settings;
}

} // namespace herald
