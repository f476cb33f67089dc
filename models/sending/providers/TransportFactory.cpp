#include "TransportFactory.h"

#include "SendGridTransport.h"
#include "SmtpTransport.h"

namespace herald {

std::unique_ptr<MailTransport> TransportFactory::create(const Provider& provider, const QString& secret)
{
    switch (provider.kind) {
    case Provider::Kind::Smtp:
        return std::make_unique<SmtpTransport>(SmtpSettings::fromProvider(provider, secret));
    case Provider::Kind::Http:
        return std::make_unique<SendGridTransport>(SendGridSettings::fromProvider(provider, secret));
    }
    return nullptr;
}

} // namespace herald
