#pragma once

#include "storage/ConnectionProfile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace herald {

class ConnectionTestRow;
class ProfileStore;

// Adds or edits a PostgreSQL connection profile and keeps its password where the user chose (the
// system keychain, or memory for this session). "Test connection" tries the typed settings on a
// worker thread, so a server that does not answer never freezes the window.
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    // A new PostgreSQL profile.
    explicit ProfileDialog(ProfileStore& profiles, QWidget* parent = nullptr);
    // An existing one.
    ProfileDialog(ProfileStore& profiles, const ConnectionProfile& profile, QWidget* parent = nullptr);

    // The profile as typed (saved into the store by accept()).
    ConnectionProfile profile() const;
    QString password() const;
    bool isTesting() const;

public slots:
    void accept() override;
    void testConnection();

signals:
    void testFinished(bool ok);

private:
    void buildForm();
    void load(const ConnectionProfile& profile);
    void updateDefaultSslEntry();
    void showError(const QString& message, QWidget* field);

    ProfileStore& m_profiles;
    ConnectionProfile m_original;
    QLineEdit* m_nameEdit = nullptr;
    QLineEdit* m_hostEdit = nullptr;
    QSpinBox* m_portSpin = nullptr;
    QLineEdit* m_databaseEdit = nullptr;
    QLineEdit* m_userEdit = nullptr;
    QLineEdit* m_passwordEdit = nullptr;
    QCheckBox* m_savePasswordCheck = nullptr;
    QLabel* m_keychainLabel = nullptr;
    QComboBox* m_sslModeCombo = nullptr;
    ConnectionTestRow* m_testRow = nullptr;
    QLabel* m_errorLabel = nullptr;
};

} // namespace herald
