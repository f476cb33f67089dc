#pragma once

#include "ConnectionProfile.h"

#include <QList>

namespace herald {

class Config;

// The connection profiles the user has set up, kept in the settings file (never their passwords).
// "This computer" (the embedded SQLite database) always exists and is the default.
class ProfileStore
{
public:
    explicit ProfileStore(Config& config);

    QList<ConnectionProfile> all() const;
    ConnectionProfile find(const QString& id) const; // the embedded profile when id is unknown
    ConnectionProfile findByName(const QString& name, bool* found) const;
    void save(const ConnectionProfile& profile);
    void remove(const QString& id);

    QString activeId() const;
    void setActiveId(const QString& id);
    ConnectionProfile active() const { return find(activeId()); }

    // The embedded database file: <AppDataLocation>/herald.sqlite.
    static QString defaultSqlitePath();
    static ConnectionProfile embeddedProfile();

private:
    Config& m_config;
};

} // namespace herald
