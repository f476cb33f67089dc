#pragma once

#include "domain/Provider.h"

#include <QString>

namespace herald {

// How to reach one SMTP server.
struct SmtpSettings
{
    QString host;
    int port = 587;
    Provider::Tls tls = Provider::Tls::StartTlsRequired;
    QString username;
    QString password;
    bool verifyCertificate = true; // off only by an explicit choice in the provider's settings
    QString caFile;                // extra CA bundle (a private relay's own CA)
    bool dkimSign = true;          // put the message's DKIM signature in front (Provider::dkimSign)
    int connectTimeoutMs = 10000;
    int timeoutMs = 60000;

    static SmtpSettings fromProvider(const Provider& provider, const QString& password);
    QString url() const; // smtp://host:port or smtps://host:port
};

} // namespace herald
