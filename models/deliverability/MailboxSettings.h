#pragma once

#include "domain/Error.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QString>

namespace herald {

// Where bounces, complaints and mailto: unsubscribes arrive, and when a campaign pauses itself. Kept in the
// database (app_settings), so `herald intake` and `herald worker` on another machine read what Settings saved;
// the password lives in the OS keychain (SecretStore, key "intake/mailbox") or, on a server without one, in
// the environment variable HERALD_INTAKE_PASSWORD.
struct MailboxSettings
{
    Q_DECLARE_TR_FUNCTIONS(herald::MailboxSettings)
public:
    enum class Tls { Implicit, StartTls, None }; // None only for a server on this machine

    QString host;
    int port = 993;
    Tls tls = Tls::Implicit;
    QString username;
    QString password; // not stored by save(): see storePassword()
    QString folder = QStringLiteral("INBOX");
    bool verifyCertificate = true;
    // A campaign pauses once its complaint rate passes this (Gmail's and Yahoo's limit is 0.3 %) …
    double complaintRateThreshold = 0.003;
    // … but only after this many of its messages were sent: below that, one complaint moves the rate by
    // more than 0.1 point and would pause a small campaign on noise.
    int complaintMinimumSent = 1000;

    bool isConfigured() const { return !host.isEmpty() && !username.isEmpty(); }
    // A mistake that makes the settings unusable, naming the field: a port out of range, a threshold outside
    // (0, 1), no encryption to a server that is not on this machine.
    Status validate() const;
    // "imaps://host:993/INBOX" (folder percent-encoded) for libcurl.
    QByteArray folderUrl() const;

    static QString tlsName(Tls tls);
    static const QString& passwordKey();
    static const QString& passwordVariable();

    // What is stored (defaults for keys never saved), with the password from the environment or the keychain.
    static Result<MailboxSettings> load(Database& database);
    // Only the complaint rate that pauses a campaign (the default when never saved): no keychain read, for
    // the dashboard, which asks a few times a second.
    static Result<double> loadComplaintRateThreshold(Database& database);
    // Stores everything but the password.
    Status save(Database& database) const;
    // Saves the password in the keychain (kept for this session when there is none; the error says why).
    static Status storePassword(const QString& password);
};

} // namespace herald
