#include "ProviderCommand.h"

#include "CommandArguments.h"
#include "Output.h"
#include "ProfileOpener.h"
#include "ListOutput.h"
#include "sending/ProviderSecrets.h"
#include "storage/ProviderRepository.h"
#include "storage/SecretStore.h"

#include <optional>

namespace herald::cli {

namespace {
int list(Database& database, bool json)
{
    return printList(
        ProviderRepository(database).list(), json, ProviderCommand::tr("No mail providers yet."),
        TextTable({ProviderCommand::tr("ID"), ProviderCommand::tr("Name"), ProviderCommand::tr("Server"),
                   ProviderCommand::tr("TLS"), ProviderCommand::tr("User"), ProviderCommand::tr("Rate"),
                   ProviderCommand::tr("Burst"), ProviderCommand::tr("Connections"), ProviderCommand::tr("Priority"),
                   ProviderCommand::tr("Enabled"), ProviderCommand::tr("Secret")},
                  {true, false, false, false, false, true, true, true, true, false, false}),
        [](const Provider& row) {
            return QJsonObject{{QStringLiteral("id"), row.id},
                               {QStringLiteral("name"), row.name},
                               {QStringLiteral("kind"), Provider::kindName(row.kind)},
                               {QStringLiteral("host"), row.host},
                               {QStringLiteral("port"), row.port},
                               {QStringLiteral("tls"), Provider::tlsName(row.tls)},
                               {QStringLiteral("user"), row.username},
                               {QStringLiteral("rate_per_s"), row.ratePerSecond},
                               {QStringLiteral("burst"), row.burst},
                               {QStringLiteral("connections"), row.connections},
                               {QStringLiteral("priority"), row.priority},
                               {QStringLiteral("enabled"), row.enabled},
                               {QStringLiteral("secret"), ProviderSecrets::sourceName(ProviderSecrets::sourceOf(row))}};
        },
        [](const Provider& row) {
            const QString server = row.kind == Provider::Kind::Smtp
                                       ? QStringLiteral("%1:%2").arg(row.host).arg(row.port)
                                       : QStringLiteral("sendgrid %1").arg(row.host);
            return QStringList{QString::number(row.id), row.name, server, Provider::tlsName(row.tls), row.username,
                               QString::number(row.ratePerSecond), QString::number(row.burst),
                               QString::number(row.connections), QString::number(row.priority),
                               row.enabled ? ProviderCommand::tr("yes") : ProviderCommand::tr("no"),
                               ProviderSecrets::sourceName(ProviderSecrets::sourceOf(row))};
        });
}

// --tls as the command line spells it; --smtp's port defaults to what that TLS mode usually uses.
std::optional<Provider::Tls> tlsFromOption(const QString& text)
{
    if (text == QLatin1String("implicit"))
        return Provider::Tls::Implicit;
    if (text == QLatin1String("starttls"))
        return Provider::Tls::StartTlsRequired;
    if (text == QLatin1String("optional"))
        return Provider::Tls::StartTlsOptional;
    if (text == QLatin1String("none"))
        return Provider::Tls::None;
    return std::nullopt;
}

// Says where the provider's secret comes from, and keeps one given in the environment in the keychain.
void keepSecret(const Provider& provider)
{
    const QString variable = ProviderSecrets::environmentVariable(provider.name);
    if (!qEnvironmentVariableIsSet(qPrintable(variable))) {
        if (!provider.username.isEmpty())
            Output::error(ProviderCommand::tr("No password given: set %1 wherever Herald sends (or type it in "
                                              "Settings → Mail providers).")
                              .arg(variable));
        return;
    }
    if (!SecretStore::instance().isKeychainAvailable()) {
        Output::error(ProviderCommand::tr("No keychain here: Herald reads the password from %1 whenever it sends, "
                                          "so keep it set for 'herald worker'.")
                          .arg(variable));
        return;
    }
    if (const Status kept = ProviderSecrets::keep(Provider(), provider, qEnvironmentVariable(qPrintable(variable)));
        !kept)
        Output::error(kept.error().message);
    else
        Output::error(ProviderCommand::tr("The password from %1 is kept in the keychain.").arg(variable));
}
} // namespace

int ProviderCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Mail providers (SMTP servers).\n\n"
        "  list [--json]      every provider, with where its secret comes from (environment, keychain or none)\n"
        "  add --name NAME --smtp HOST[:PORT] [--tls implicit|starttls|optional|none] [--user USER]\n"
        "      [--rate R] [--burst B] [--connections C] [--priority P]      prints the new provider's id\n\n"
        "The password is never an argument. HERALD_PROVIDER_SECRET_<NAME> (the provider's name in capitals,\n"
        "any character other than A-Z, 0-9 and _ as _, e.g. HERALD_PROVIDER_SECRET_OFFICE_RELAY) gives it:\n"
        "'provider add' keeps it in the system keychain when there is one, and every Herald process that sends\n"
        "reads the variable before the keychain, so a headless 'herald worker' can be given it that way.\n\n"
        "Exit status: 0 done, 1 failed (the reason on standard error), 2 usage error."));
    parser.addPositionalArgument(QStringLiteral("action"), tr("list or add."));
    const QCommandLineOption profile = CommandArguments::profileOption();
    const QCommandLineOption json = CommandArguments::listJsonOption();
    const QCommandLineOption name(QStringLiteral("name"), tr("add: the provider's name."), tr("name"));
    const QCommandLineOption smtp(QStringLiteral("smtp"),
                                  tr("add: the SMTP server, and its port (default 587, or 465 with --tls implicit)."),
                                  tr("host:port"));
    const QCommandLineOption tls(QStringLiteral("tls"),
                                 tr("add: implicit (SMTPS), starttls (required, the default), optional (STARTTLS "
                                    "when offered) or none (test servers on this computer only)."),
                                 tr("mode"), QStringLiteral("starttls"));
    const QCommandLineOption user(QStringLiteral("user"), tr("add: the SMTP user name."), tr("user"));
    const Provider defaults;
    const QCommandLineOption rate(QStringLiteral("rate"), tr("add: messages per second (default %1).")
                                                              .arg(defaults.ratePerSecond),
                                  tr("rate"), QString::number(defaults.ratePerSecond));
    const QCommandLineOption burst(QStringLiteral("burst"),
                                   tr("add: messages at once after a quiet spell (default %1).").arg(defaults.burst),
                                   tr("count"), QString::number(defaults.burst));
    const QCommandLineOption connections(QStringLiteral("connections"),
                                         tr("add: connections each sending process keeps open (default %1).")
                                             .arg(defaults.connections),
                                         tr("count"), QString::number(defaults.connections));
    const QCommandLineOption priority(QStringLiteral("priority"),
                                      tr("add: lower is tried first (default %1).").arg(defaults.priority),
                                      tr("number"), QString::number(defaults.priority));
    parser.addOptions({profile, json, name, smtp, tls, user, rate, burst, connections, priority});
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const bool listing = action == QLatin1String("list") && positional.size() == 1;

    Provider provider;
    bool numbersOk = true;
    const auto number = [&parser, &numbersOk](const QCommandLineOption& option) {
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        numbersOk = numbersOk && ok;
        return value;
    };
    const std::optional<Provider::Tls> tlsMode = tlsFromOption(parser.value(tls));
    const QString server = parser.value(smtp).trimmed();
    const qsizetype colon = server.lastIndexOf(QLatin1Char(':'));
    provider.name = parser.value(name).trimmed();
    provider.host = colon < 0 ? server : server.left(colon);
    provider.tls = tlsMode.value_or(Provider::Tls::StartTlsRequired);
    provider.port = provider.tls == Provider::Tls::Implicit ? 465 : 587;
    if (colon >= 0) {
        bool ok = false;
        provider.port = server.mid(colon + 1).toInt(&ok);
        numbersOk = numbersOk && ok;
    }
    provider.username = parser.value(user).trimmed();
    bool rateOk = false;
    provider.ratePerSecond = parser.value(rate).toDouble(&rateOk);
    provider.burst = number(burst);
    provider.connections = number(connections);
    provider.priority = number(priority);
    const bool adding = action == QLatin1String("add") && positional.size() == 1 && parser.isSet(name)
                        && parser.isSet(smtp) && tlsMode && numbersOk && rateOk;
    if (!listing && !adding) {
        return Output::usageError(tr("Usage: herald provider list [--json] | herald provider add --name NAME --smtp HOST[:PORT] "
                         "[--tls implicit|starttls|optional|none] [--user USER] [--rate R] [--burst B] "
                         "[--connections C] [--priority P]  (each with [--profile NAME])"));
    }
    const auto database = ProfileOpener::openOrSay(parser.value(profile));
    if (!database)
        return 1;
    if (listing)
        return list(*database, parser.isSet(json));

    provider.secretRef = SecretStore::providerKey(provider.name);
    if (const Status added = ProviderRepository(*database).insert(provider); !added)
        return Output::failed(added.error().message);
    keepSecret(provider);
    Output::line(QString::number(provider.id));
    return 0;
}

} // namespace herald::cli
