#pragma once

#include "MailTransport.h"
#include "domain/Provider.h"

#include <QString>

#include <memory>

namespace herald {

// Turns a provider and its secret (the SMTP password or the API key, read from the keychain) into the
// transport that speaks its protocol: SMTP, or the HTTP mail API (SendGrid's v3 API).
class TransportFactory
{
public:
    static std::unique_ptr<MailTransport> create(const Provider& provider, const QString& secret);
};

} // namespace herald
