#include "PreviewSender.h"

#include "BoundQuery.h"

#include <QCoreApplication>

namespace herald {

namespace {
const QString SampleUnsubscribeBase = QStringLiteral("https://unsubscribe.example.org/sample");
} // namespace

PreviewSender PreviewSender::sample()
{
    PreviewSender sender;
    sender.fromName = tr("Sample Sender (no sender identity yet)");
    sender.fromEmail = QStringLiteral("sample.sender@example.org");
    sender.replyTo = QStringLiteral("sample.reply@example.org");
    sender.postalAddress = tr("[Sample postal address] 1 Example Street, Exampletown");
    sender.unsubscribeBaseUrl = SampleUnsubscribeBase;
    return sender;
}

Result<PreviewSender> PreviewSender::load(Database& database)
{
    auto db = database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT name, from_name, from_email, reply_to, postal_address, "
                                                "unsubscribe_base_url FROM sender_identities "
                                                "ORDER BY lower(name), id LIMIT :limit"));
    query.bind(QStringLiteral(":limit"), 1);
    if (auto done = query.exec(tr("Could not read the sender identities")); !done)
        return done.error();
    if (!query.next())
        return sample();
    PreviewSender sender;
    sender.identityName = query.value(0).toString();
    sender.fromName = query.value(1).toString();
    sender.fromEmail = query.value(2).toString();
    sender.replyTo = query.value(3).toString();
    sender.postalAddress = query.value(4).toString();
    sender.unsubscribeBaseUrl = query.value(5).toString();
    if (sender.unsubscribeBaseUrl.isEmpty())
        sender.unsubscribeBaseUrl = SampleUnsubscribeBase;
    return sender;
}

Campaign PreviewSender::campaign() const
{
    Campaign campaign;
    campaign.name = tr("Preview");
    campaign.fromName = fromName;
    campaign.fromEmail = fromEmail;
    campaign.replyTo = replyTo;
    campaign.postalAddress = postalAddress;
    campaign.unsubscribeBaseUrl = unsubscribeBaseUrl;
    return campaign;
}

} // namespace herald
