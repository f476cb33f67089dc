#pragma once

#include <QString>

namespace herald {

// A way out for mail: an SMTP server or an HTTP mail API, with its limits.
struct Provider
{
    enum class Kind { Smtp, Http };
    enum class Tls { Implicit, StartTlsRequired, StartTlsOptional, None };

    qint64 id = 0;
    QString name;
    Kind kind = Kind::Smtp;
    QString host;
    int port = 587;
    Tls tls = Tls::StartTlsRequired;
    QString username;
    QString secretRef; // the keychain entry holding the password or API key; never the secret itself
    double ratePerSecond = 10.0;
    int burst = 20;
    int connections = 4;
    int priority = 100; // lower is tried first
    bool enabled = true;
    bool verifyCertificate = true; // off only for a private relay with a self-made certificate
    bool dkimSign = true;          // Herald signs what goes through it; off for a provider that signs itself

    static QString kindName(Kind kind);
    static bool kindFromName(const QString& text, Kind* kind);
    static QString tlsName(Tls tls);
    static bool tlsFromName(const QString& text, Tls* tls);
};

QString toString(Provider::Tls tls);

} // namespace herald
