#pragma once

#include "domain/Error.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QString>

namespace herald {

// Passwords and API keys: kept in the OS keychain (QtKeychain: Secret Service, KWallet, macOS
// Keychain, Windows Credential Store), never in the settings file or a log. When no keychain is
// available a secret lives only in memory for this session, and availability() says why.
class SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(herald::SecretStore)
public:
    static SecretStore& instance();

    // Probes the keychain once; false with the reason when none can be used.
    bool isKeychainAvailable(QString* why = nullptr);

    // The secret for key: from this session's memory, else from the keychain. NotFound when neither has it.
    Result<QString> read(const QString& key);
    // Saves in the keychain; when that fails the secret is kept for this session and the error says why.
    Status write(const QString& key, const QString& secret);
    Status remove(const QString& key);

    void rememberForSession(const QString& key, const QString& secret);
    void forgetSession();

    static QString profileKey(const QString& profileId) { return QStringLiteral("profile/") + profileId; }
    static QString providerKey(const QString& providerName) { return QStringLiteral("provider/") + providerName; }

    // Tests run without a keychain on purpose; this lets them say so instead of probing D-Bus.
    void setKeychainDisabled(bool disabled) { m_disabled = disabled; }

private:
    SecretStore() = default;

    QMutex m_mutex;
    QHash<QString, QString> m_session;
    bool m_disabled = false;
    int m_probed = -1; // -1 unknown, 0 no, 1 yes
    QString m_unavailableReason;
};

} // namespace herald
