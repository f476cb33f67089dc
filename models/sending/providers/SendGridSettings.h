#pragma once

#include "domain/Provider.h"

#include <QString>

namespace herald {

// How to reach SendGrid's v3 API: the base URL (the service, or a test server on loopback), the API key
// and the connection's limits.
struct SendGridSettings
{
    static constexpr const char* DefaultBaseUrl = "https://api.sendgrid.com";

    QString baseUrl = QString::fromLatin1(DefaultBaseUrl); // no trailing slash; paths start with /v3/
    QString apiKey;                // sent as a Bearer token; never logged or shown
    bool verifyCertificate = true; // off only by an explicit choice in the provider's settings
    QString caFile;                // extra CA bundle (a proxy's own CA)
    int connectTimeoutMs = 10000;
    int timeoutMs = 30000;

    // An HTTP provider's host is empty for the service itself, a host name (https on the provider's port,
    // or http when its TLS is None), or a whole base URL ("http://127.0.0.1:8025").
    static SendGridSettings fromProvider(const Provider& provider, const QString& apiKey);
};

} // namespace herald
