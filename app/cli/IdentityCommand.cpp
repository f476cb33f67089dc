#include "IdentityCommand.h"

#include "CommandArguments.h"
#include "Output.h"
#include "ProfileOpener.h"
#include "ListOutput.h"
#include "storage/SenderIdentityRepository.h"

namespace herald::cli {

namespace {
int list(Database& database, bool json)
{
    return printList(
        SenderIdentityRepository(database).list(), json, IdentityCommand::tr("No sender identities yet."),
        TextTable({IdentityCommand::tr("ID"), IdentityCommand::tr("Name"), IdentityCommand::tr("From"),
                   IdentityCommand::tr("Reply-to"), IdentityCommand::tr("Unsubscribe link")},
                  {true, false, false, false, false}),
        [](const SenderIdentity& row) {
            return QJsonObject{{QStringLiteral("id"), row.id},
                               {QStringLiteral("name"), row.name},
                               {QStringLiteral("from_name"), row.fromName},
                               {QStringLiteral("from_email"), row.fromEmail},
                               {QStringLiteral("reply_to"), row.replyTo},
                               {QStringLiteral("postal_address"), row.postalAddress},
                               {QStringLiteral("unsubscribe_url"), row.unsubscribeBaseUrl}};
        },
        [](const SenderIdentity& row) {
            const QString from = row.fromName.isEmpty() ? row.fromEmail
                                                        : QStringLiteral("%1 <%2>").arg(row.fromName, row.fromEmail);
            return QStringList{QString::number(row.id), row.name, from, row.replyTo, row.unsubscribeBaseUrl};
        });
}
} // namespace

int IdentityCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Sender identities: who a campaign is from.\n\n"
        "  list [--json]\n"
        "  add --name NAME --from EMAIL --postal-address TEXT [--from-name TEXT] [--reply-to EMAIL]\n"
        "      [--unsubscribe-url URL]     prints the new identity's id\n\n"
        "Addresses and the unsubscribe link are checked as the sender identity dialog checks them. A campaign\n"
        "can only be queued from an identity with a postal address and an unsubscribe link.\n\n"
        "Exit status: 0 done, 1 failed (the reason on standard error), 2 usage error."));
    parser.addPositionalArgument(QStringLiteral("action"), tr("list or add."));
    const QCommandLineOption profile = CommandArguments::profileOption();
    const QCommandLineOption json = CommandArguments::listJsonOption();
    const QCommandLineOption name(QStringLiteral("name"), tr("add: what the identity is chosen by "
                                                             "(\"Development office\")."),
                                  tr("name"));
    const QCommandLineOption from(QStringLiteral("from"), tr("add: the From address."), tr("email"));
    const QCommandLineOption fromName(QStringLiteral("from-name"), tr("add: the name shown with the From address."),
                                      tr("text"));
    const QCommandLineOption replyTo(QStringLiteral("reply-to"), tr("add: where replies go (optional)."), tr("email"));
    const QCommandLineOption postalAddress(QStringLiteral("postal-address"),
                                           tr("add: the sender's postal address, which bulk mail must show."),
                                           tr("text"));
    const QCommandLineOption unsubscribeUrl(QStringLiteral("unsubscribe-url"),
                                            tr("add: the address of the unsubscribe link (https://…)."), tr("url"));
    parser.addOptions({profile, json, name, from, fromName, replyTo, postalAddress, unsubscribeUrl});
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const bool listing = action == QLatin1String("list") && positional.size() == 1;
    const bool adding = action == QLatin1String("add") && positional.size() == 1 && parser.isSet(name)
                        && parser.isSet(from) && parser.isSet(postalAddress);
    if (!listing && !adding) {
        return Output::usageError(tr("Usage: herald identity list [--json] | herald identity add --name NAME --from EMAIL "
                         "--postal-address TEXT [--from-name TEXT] [--reply-to EMAIL] [--unsubscribe-url URL]  "
                         "(each with [--profile NAME])"));
    }
    const auto database = ProfileOpener::openOrSay(parser.value(profile));
    if (!database)
        return 1;
    if (listing)
        return list(*database, parser.isSet(json));

    SenderIdentity identity;
    identity.name = parser.value(name);
    identity.fromEmail = parser.value(from);
    identity.fromName = parser.value(fromName);
    identity.replyTo = parser.value(replyTo);
    identity.postalAddress = parser.value(postalAddress);
    identity.unsubscribeBaseUrl = parser.value(unsubscribeUrl);
    if (const Status added = SenderIdentityRepository(*database).insert(identity); !added)
        return Output::failed(added.error().message);
    Output::line(QString::number(identity.id));
    return 0;
}

} // namespace herald::cli
