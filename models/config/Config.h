#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

#include <memory>

namespace herald {

// Herald's settings: one typed table of keys with their names and defaults, so no string key is
// scattered through the code. Stored with QSettings (an INI file under the user's config folder).
class Config
{
public:
    enum Key {
        ActiveProfile,       // id of the connection profile opened at start
        Language,            // "" follows the system locale
        MainWindowGeometry,
        MainWindowState,
        NonprofitsPageSize,  // rows fetched per keyset page
        ConnectionCheckSeconds,
        OfflineNonprofitLimit, // nonprofits kept in a PostgreSQL profile's offline store for previews
    };

    static Config& instance();

    QVariant get(Key key) const;
    void set(Key key, const QVariant& value);
    void reset(Key key);
    // The underlying store, for structured data with its own class (ProfileStore).
    QSettings& settings() { return *m_settings; }
    // Points the settings at another file (tests).
    void useFile(const QString& path);

private:
    Config();
    std::unique_ptr<QSettings> m_settings;
};

} // namespace herald
