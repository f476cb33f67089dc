#include "DatabaseOpener.h"

#include "PasswordDialog.h"
#include "common/FormFeedback.h"
#include "common/MessageBox.h"
#include "settings/ProfileDialog.h"
#include "storage/ProfileStore.h"
#include "storage/SecretStore.h"
#include "sync/LocalStore.h"

#include <QCoreApplication>

namespace herald {

DatabaseOpener::DatabaseOpener(ProfileStore& profiles, SecretStore& secrets)
    : m_profiles(profiles)
    , m_secrets(secrets)
{
}

bool DatabaseOpener::passwordFor(
    const ConnectionProfile& profile, const QString& refusal, QWidget* parent, QString* password)
{
    const QString key = SecretStore::profileKey(profile.id);
    QString reason = refusal;
    if (reason.isEmpty()) {
        auto saved = m_secrets.read(key);
        if (saved) {
            *password = saved.value();
            return true;
        }
        // libpq reads PGPASSWORD (and ~/.pgpass) by itself, as for the command line.
        if (!qEnvironmentVariableIsEmpty("PGPASSWORD"))
            return true;
        reason = saved.error().message; // nothing saved, or no keychain: the message says which
    }
    const PasswordDialog::Answer answer = PasswordDialog::ask(parent, profile, reason);
    if (!answer.accepted)
        return false;
    *password = answer.password;
    if (answer.saveInKeychain) {
        if (Status saved = m_secrets.write(key, answer.password); !saved)
            MessageBox::warning(parent, tr("Password Not Saved"), saved.error().message);
    } else {
        m_secrets.rememberForSession(key, answer.password); // asked once per session, not per retry
    }
    return true;
}

DatabaseOpener::Choice DatabaseOpener::askAfterFailure(
    const ConnectionProfile& profile, const Error& error, bool canWorkOffline, QWidget* parent)
{
    const bool isServer = profile.backend == Backend::Postgres;
    QString advice;
    switch (error.kind) {
    case Error::Kind::Connection:
        advice = tr("Check that the server is running and reachable from this computer, or work on this computer "
                    "for now.");
        break;
    case Error::Kind::Authentication:
        advice = tr("Retry to type the password again, or edit the profile if the user name is wrong.");
        break;
    case Error::Kind::Schema:
        advice = tr("This database was set up by a newer Herald. Update Herald, or use another database.");
        break;
    default:
        advice = isServer ? tr("Retry, edit the profile, or work on this computer for now.") : QString();
        break;
    }
    MessageBox::Buttons buttons = QMessageBox::Retry | QMessageBox::Close;
    if (isServer)
        buttons |= QMessageBox::Open | QMessageBox::Apply;
    if (canWorkOffline)
        buttons |= QMessageBox::Ignore;
    const QString message = FormFeedback::tidyServerText(error.message);
    const auto answer = MessageBox::critical(parent, tr("Cannot Open %1").arg(profile.name),
        advice.isEmpty() ? message : QStringLiteral("%1\n\n%2").arg(message, advice), buttons, QMessageBox::Retry,
        { { QMessageBox::Open, tr("Edit Profile…") }, { QMessageBox::Apply, tr("Use This Computer") },
            { QMessageBox::Close, tr("Quit") }, { QMessageBox::Ignore, tr("Work Offline") } });
    switch (answer) {
    case QMessageBox::Retry:
        return Choice::Retry;
    case QMessageBox::Open:
        return Choice::EditProfile;
    case QMessageBox::Apply:
        return Choice::UseThisComputer;
    case QMessageBox::Ignore:
        return Choice::WorkOffline;
    default:
        return Choice::Quit;
    }
}

std::unique_ptr<Database> DatabaseOpener::openActive(QWidget* parent, bool* offline)
{
    if (offline)
        *offline = false;
    QString refusal; // the server's words when it refused the last password
    for (;;) {
        const ConnectionProfile profile = m_profiles.active();
        QString password;
        Error failure;
        std::unique_ptr<Database> database;
        if (profile.backend == Backend::Postgres && !passwordFor(profile, refusal, parent, &password)) {
            failure = Error::make(Error::Kind::Authentication,
                tr("No password was given for %1 on %2.").arg(profile.user, profile.location()));
        } else {
            database = std::make_unique<Database>(profile, password);
            const Status opened = database->open();
            if (opened)
                return database;
            failure = opened.error();
        }
        const bool canWorkOffline = offline && database && profile.backend == Backend::Postgres
            && failure.kind == Error::Kind::Connection;
        if (canWorkOffline && LocalStore::existsFor(profile)) {
            *offline = true; // drafts from earlier syncs are here: no need to ask
            return database;
        }
        refusal.clear();
        switch (askAfterFailure(profile, failure, canWorkOffline, parent)) {
        case Choice::WorkOffline:
            *offline = true;
            return database;
        case Choice::Retry:
            if (failure.kind == Error::Kind::Authentication)
                refusal = failure.message;
            break;
        case Choice::EditProfile: {
            ProfileDialog dialog(m_profiles, profile, parent);
            dialog.exec();
            break;
        }
        case Choice::UseThisComputer:
            m_profiles.setActiveId(ProfileStore::embeddedProfile().id);
            break;
        case Choice::Quit:
            return nullptr;
        }
    }
}

} // namespace herald
