#pragma once

#include "domain/Provider.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace herald {

class ConnectionTestRow;
class Database;

// Adds or edits a mail provider (an SMTP server or SendGrid) with its limits, and keeps its password or
// API key in the keychain (or in memory for this session when there is none). "Test connection" runs the
// transport's own probe on a worker thread and shows the server's banner or why it failed.
class ProviderDialog : public QDialog
{
    Q_OBJECT
public:
    // A new provider.
    explicit ProviderDialog(Database& database, QWidget* parent = nullptr);
    // An existing one.
    ProviderDialog(Database& database, const Provider& provider, QWidget* parent = nullptr);

    // The provider as typed (stored by accept()).
    Provider provider() const;
    QString secret() const;
    bool isTesting() const;

public slots:
    void accept() override;
    void testConnection();

signals:
    void testFinished(bool ok);

private:
    void buildForm();
    void load(const Provider& provider);
    void updateForKind();
    void showError(const QString& message, QWidget* field);
    QWidget* fieldFor(const QString& name) const;

    Database& m_database;
    Provider m_original;
    QLineEdit* m_nameEdit = nullptr;
    QComboBox* m_kindCombo = nullptr;
    QLineEdit* m_hostEdit = nullptr;
    QSpinBox* m_portSpin = nullptr;
    QComboBox* m_tlsCombo = nullptr;
    QCheckBox* m_verifyCheck = nullptr;
    QLineEdit* m_usernameEdit = nullptr;
    QLabel* m_secretLabel = nullptr;
    QLineEdit* m_secretEdit = nullptr;
    QLabel* m_keychainLabel = nullptr;
    QDoubleSpinBox* m_rateSpin = nullptr;
    QSpinBox* m_burstSpin = nullptr;
    QSpinBox* m_prioritySpin = nullptr;
    QSpinBox* m_connectionsSpin = nullptr;
    QCheckBox* m_enabledCheck = nullptr;
    QCheckBox* m_dkimCheck = nullptr;
    ConnectionTestRow* m_testRow = nullptr;
    QLabel* m_errorLabel = nullptr;
};

} // namespace herald
