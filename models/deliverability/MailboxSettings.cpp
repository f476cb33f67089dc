#include "MailboxSettings.h"

#include "storage/AppSettingsRepository.h"
#include "storage/SecretStore.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QUrl>

namespace herald {

namespace {
// One typed table of the stored keys.
const QString HostKey = QStringLiteral("intake.host");
const QString PortKey = QStringLiteral("intake.port");
const QString TlsKey = QStringLiteral("intake.tls");
const QString UserKey = QStringLiteral("intake.username");
const QString FolderKey = QStringLiteral("intake.folder");
const QString VerifyKey = QStringLiteral("intake.verify_certificate");
const QString ThresholdKey = QStringLiteral("intake.complaint_rate_threshold");
const QString MinimumKey = QStringLiteral("intake.complaint_minimum_sent");

Result<QString> storedOr(AppSettingsRepository& settings, const QString& key, const QString& fallback)
{
    auto value = settings.value(key);
    if (!value && value.error().kind == Error::Kind::NotFound)
        return fallback;
    return value;
}
} // namespace

QString MailboxSettings::tlsName(Tls tls)
{
    switch (tls) {
    case Tls::StartTls:
        return QStringLiteral("starttls");
    case Tls::None:
        return QStringLiteral("none");
    case Tls::Implicit:
        break;
    }
    return QStringLiteral("implicit");
}

const QString& MailboxSettings::passwordKey()
{
    static const QString key = QStringLiteral("intake/mailbox");
    return key;
}

const QString& MailboxSettings::passwordVariable()
{
    static const QString name = QStringLiteral("HERALD_INTAKE_PASSWORD");
    return name;
}

QByteArray MailboxSettings::folderUrl() const
{
    const QByteArray scheme = tls == Tls::Implicit ? "imaps" : "imap";
    return scheme + "://" + QUrl::toAce(host) + ':' + QByteArray::number(port) + '/'
        + QUrl::toPercentEncoding(folder.isEmpty() ? QStringLiteral("INBOX") : folder);
}

Result<MailboxSettings> MailboxSettings::load(Database& database)
{
    AppSettingsRepository stored(database);
    MailboxSettings settings;
    const MailboxSettings defaults;
    struct Text
    {
        const QString& key;
        QString fallback;
        QString* target;
    };
    QString port, tls, verify, threshold, minimum;
    const Text texts[] = {
        {HostKey, {}, &settings.host},
        {PortKey, QString::number(defaults.port), &port},
        {TlsKey, tlsName(defaults.tls), &tls},
        {UserKey, {}, &settings.username},
        {FolderKey, defaults.folder, &settings.folder},
        {VerifyKey, QStringLiteral("1"), &verify},
        {ThresholdKey, QString::number(defaults.complaintRateThreshold), &threshold},
        {MinimumKey, QString::number(defaults.complaintMinimumSent), &minimum},
    };
    for (const Text& text : texts) {
        auto value = storedOr(stored, text.key, text.fallback);
        if (!value)
            return value.error();
        *text.target = value.value();
    }
    settings.port = port.toInt();
    settings.tls = tls == tlsName(Tls::StartTls) ? Tls::StartTls : tls == tlsName(Tls::None) ? Tls::None : Tls::Implicit;
    settings.verifyCertificate = verify != QLatin1String("0");
    settings.complaintRateThreshold = threshold.toDouble();
    settings.complaintMinimumSent = minimum.toInt();
    if (qEnvironmentVariableIsSet(qPrintable(passwordVariable())))
        settings.password = qEnvironmentVariable(qPrintable(passwordVariable()));
    else if (auto secret = SecretStore::instance().read(passwordKey()))
        settings.password = secret.value();
    return settings;
}

Result<double> MailboxSettings::loadComplaintRateThreshold(Database& database)
{
    AppSettingsRepository stored(database);
    auto value = storedOr(stored, ThresholdKey, QString::number(MailboxSettings().complaintRateThreshold));
    if (!value)
        return value.error();
    return value.value().toDouble();
}

Status MailboxSettings::validate() const
{
    if (port < 1 || port > 65535)
        return Error::validation(QStringLiteral("port"), tr("The mailbox port must be between 1 and 65535."));
    if (complaintRateThreshold <= 0 || complaintRateThreshold >= 1)
        return Error::validation(QStringLiteral("complaint_rate_threshold"),
                                 tr("The complaint rate that pauses a campaign must be above 0 % and below 100 %."));
    const QHostAddress address(host);
    const bool local = host == QLatin1String("localhost") || (!address.isNull() && address.isLoopback());
    if (tls == Tls::None && !local)
        return Error::validation(QStringLiteral("tls"), tr("The mailbox password would cross the network in clear: choose "
                                                           "TLS or STARTTLS for '%1'.").arg(host));
    return {};
}

Status MailboxSettings::save(Database& database) const
{
    if (auto valid = validate(); !valid)
        return valid;
    AppSettingsRepository stored(database);
    const QList<QPair<QString, QString>> values = {
        {HostKey, host.trimmed()},
        {PortKey, QString::number(port)},
        {TlsKey, tlsName(tls)},
        {UserKey, username.trimmed()},
        {FolderKey, folder.trimmed().isEmpty() ? QStringLiteral("INBOX") : folder.trimmed()},
        {VerifyKey, verifyCertificate ? QStringLiteral("1") : QStringLiteral("0")},
        {ThresholdKey, QString::number(complaintRateThreshold)},
        {MinimumKey, QString::number(std::max(0, complaintMinimumSent))},
    };
    for (const auto& [key, value] : values) {
        if (auto done = stored.setValue(key, value); !done)
            return done;
    }
    return {};
}

Status MailboxSettings::storePassword(const QString& password)
{
    return SecretStore::instance().write(passwordKey(), password);
}

} // namespace herald
