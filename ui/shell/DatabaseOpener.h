#pragma once

#include "storage/Database.h"

#include <QCoreApplication>

#include <memory>

class QWidget;

namespace herald {

class ProfileStore;
class SecretStore;

// Opens the active connection profile for the desktop app, asking the user for whatever is missing:
// the password (saying why it asks), and when the database cannot be opened, whether to retry, edit
// the profile, or fall back to "This computer". Every question goes through MessageBox and
// PasswordDialog, so tests can answer them.
class DatabaseOpener
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseOpener)

public:
    DatabaseOpener(ProfileStore& profiles, SecretStore& secrets);

    // The opened (and migrated) database, or null when the user chose to quit. With `offline` given, a PostgreSQL
    // server that cannot be reached is not an end: when this computer has the profile's offline store (or the user
    // chooses "Work Offline") the database comes back unopened with *offline set, for the window to work on the
    // offline store (sync/LocalStore) until the server is back.
    std::unique_ptr<Database> openActive(QWidget* parent = nullptr, bool* offline = nullptr);

private:
    enum class Choice { Retry, EditProfile, UseThisComputer, WorkOffline, Quit };

    // The password to connect with; false when the user cancelled the question.
    bool passwordFor(const ConnectionProfile& profile, const QString& refusal, QWidget* parent, QString* password);
    Choice askAfterFailure(const ConnectionProfile& profile, const Error& error, bool canWorkOffline, QWidget* parent);

    ProfileStore& m_profiles;
    SecretStore& m_secrets;
};

} // namespace herald
