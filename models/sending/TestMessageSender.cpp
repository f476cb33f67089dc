#include "TestMessageSender.h"

#include "MessageResources.h"
#include "compose/CampaignMessageComposer.h"
#include "compose/DkimSigner.h"
#include "deliverability/DkimKeyring.h"
#include "compose/MessageBuilder.h"
#include "compose/MimeEncoding.h"
#include "domain/EmailAddress.h"
#include "providers/TransportFactory.h"
#include "storage/AppSettingsRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/ProviderRepository.h"
#include "storage/SecretStore.h"
#include "storage/StoredRow.h"

#include <QCoreApplication>

namespace herald {

Result<DeliveryOutcome> TestMessageSender::send(const Campaign& campaign, qint64 nonprofitId, const QString& address,
                                                qint64 providerId, const QString& secret)
{
    const QString to = address.trimmed();
    if (const QString problem = EmailAddress::problem(to); !problem.isEmpty())
        return Error::validation(QStringLiteral("address"), tr("Test address '%1' %2.").arg(to, problem));
    auto recipient = NonprofitRepository(m_database).find(nonprofitId);
    if (!recipient)
        return recipient.error();
    auto provider = ProviderRepository(m_database).find(providerId);
    if (!provider)
        return provider.error();
    auto signingSecret = AppSettingsRepository(m_database).unsubscribeSecret();
    if (!signingSecret)
        return signingSecret.error();

    // Rendered for the nonprofit (its name, city, unsubscribe link), delivered to the test address.
    CampaignMessageComposer composer(campaign, signingSecret.value(), CampaignMessageComposer::Links::AsTrackedTest);
    // With the files and images its messages will carry.
    if (Status resources = MessageResources::loadInto(m_database, composer); !resources)
        return resources.error();
    auto composed = composer.compose(0, recipient.value());
    if (!composed)
        return composed.error();
    MessageSpec spec = composed->parts;
    spec.toEmail = to;
    spec.subject = tr("[Test] %1").arg(spec.subject);
    // Its own Message-ID each time: mailboxes drop a second message with an id they have seen.
    spec.messageId = QStringLiteral("test-%1.c%2@%3")
                         .arg(StoredRow::newUuid(), QString::number(campaign.id),
                              campaign.fromEmail.mid(campaign.fromEmail.lastIndexOf(QLatin1Char('@')) + 1));
    auto data = MessageBuilder::build(spec);
    if (!data)
        return data.error();
    OutgoingMessage message = std::move(composed).value();
    message.recipient = MimeEncoding::asciiAddress(to);
    message.data = std::move(data).value();
    message.messageId = spec.messageId;
    message.parts = spec;
    if (provider->dkimSign) { // signed like the campaign's own messages, so the test shows what receivers will see
        auto keys = DkimKeyring(m_database).signingKeys(DkimSigner::domainOf(campaign.fromEmail));
        if (!keys)
            return keys.error();
        if (Status signedMessage = DkimSigner(keys.value()).signInto(message); !signedMessage)
            return signedMessage.error();
    }

    QString key = secret;
    if (key.isEmpty() && !provider->username.isEmpty()) {
        if (auto stored = SecretStore::instance().read(SecretStore::providerKey(provider->name)))
            key = stored.value();
    }
    const std::unique_ptr<MailTransport> transport = TransportFactory::create(provider.value(), key);
    if (!transport)
        return Error::make(Error::Kind::Validation, tr("Provider '%1' has a kind Herald cannot send with.")
                                                        .arg(provider->name));
    return transport->send(message);
}

} // namespace herald
