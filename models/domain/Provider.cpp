#include "Provider.h"

#include "EnumText.h"

namespace herald {

QString toString(Provider::Tls tls) { return Provider::tlsName(tls); }

QString Provider::kindName(Kind kind) { return kind == Kind::Smtp ? QStringLiteral("smtp") : QStringLiteral("http"); }

bool Provider::kindFromName(const QString& text, Kind* kind)
{
    if (text == QLatin1String("smtp"))
        *kind = Kind::Smtp;
    else if (text == QLatin1String("http"))
        *kind = Kind::Http;
    else
        return false;
    return true;
}

QString Provider::tlsName(Tls tls)
{
    switch (tls) {
    case Tls::Implicit:
        return QStringLiteral("implicit");
    case Tls::StartTlsRequired:
        return QStringLiteral("starttls");
    case Tls::StartTlsOptional:
        return QStringLiteral("starttls_optional");
    case Tls::None:
        return QStringLiteral("none");
    }
    return {};
}

bool Provider::tlsFromName(const QString& text, Tls* tls)
{
    return parseEnum(text, {Tls::Implicit, Tls::StartTlsRequired, Tls::StartTlsOptional, Tls::None}, tls);
}

} // namespace herald
