#include "ProfileStore.h"

#include "config/Config.h"

#include <QDir>
#include <QStandardPaths>

namespace herald {

namespace {
const QString Group = QStringLiteral("Profiles");
const QString LocalId = QStringLiteral("local"); // ConnectionProfile::embedded() uses it
} // namespace

ProfileStore::ProfileStore(Config& config) : m_config(config) {}

QString ProfileStore::defaultSqlitePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("herald.sqlite"));
}

ConnectionProfile ProfileStore::embeddedProfile() { return ConnectionProfile::embedded(defaultSqlitePath()); }

QList<ConnectionProfile> ProfileStore::all() const
{
    QList<ConnectionProfile> profiles{embeddedProfile()};
    m_config.settings().beginGroup(Group);
    const QStringList ids = m_config.settings().childGroups();
    m_config.settings().endGroup();
    for (const QString& id : ids) {
        if (id != LocalId)
            profiles << find(id);
    }
    return profiles;
}

ConnectionProfile ProfileStore::find(const QString& id) const
{
    m_config.settings().beginGroup(Group);
    const bool known = m_config.settings().childGroups().contains(id);
    m_config.settings().endGroup();
    if (id == LocalId || !known)
        return embeddedProfile();

    m_config.settings().beginGroup(Group + QLatin1Char('/') + id);
    ConnectionProfile profile;
    profile.id = id;
    profile.name = m_config.settings().value(QStringLiteral("Name")).toString();
    profile.backend = m_config.settings().value(QStringLiteral("Backend")).toString() == QLatin1String("postgres") ? Backend::Postgres
                                                                                                      : Backend::Sqlite;
    profile.sqlitePath = m_config.settings().value(QStringLiteral("SqlitePath")).toString();
    profile.host = m_config.settings().value(QStringLiteral("Host")).toString();
    profile.port = m_config.settings().value(QStringLiteral("Port"), 5432).toInt();
    profile.database = m_config.settings().value(QStringLiteral("Database"), QStringLiteral("herald")).toString();
    profile.user = m_config.settings().value(QStringLiteral("User")).toString();
    profile.sslMode = m_config.settings().value(QStringLiteral("SslMode")).toString();
    profile.connectTimeoutSeconds = m_config.settings().value(QStringLiteral("ConnectTimeout"), 5).toInt();
    m_config.settings().endGroup();
    return profile;
}

ConnectionProfile ProfileStore::findByName(const QString& name, bool* found) const
{
    for (const ConnectionProfile& profile : all()) {
        if (profile.name.compare(name, Qt::CaseInsensitive) == 0 || profile.id == name) {
            *found = true;
            return profile;
        }
    }
    *found = false;
    return embeddedProfile();
}

void ProfileStore::save(const ConnectionProfile& profile)
{
    if (profile.id == LocalId)
        return; // the embedded profile is fixed
    m_config.settings().beginGroup(Group + QLatin1Char('/') + profile.id);
    m_config.settings().setValue(QStringLiteral("Name"), profile.name);
    m_config.settings().setValue(QStringLiteral("Backend"),
                        profile.backend == Backend::Postgres ? QStringLiteral("postgres") : QStringLiteral("sqlite"));
    m_config.settings().setValue(QStringLiteral("SqlitePath"), profile.sqlitePath);
    m_config.settings().setValue(QStringLiteral("Host"), profile.host);
    m_config.settings().setValue(QStringLiteral("Port"), profile.port);
    m_config.settings().setValue(QStringLiteral("Database"), profile.database);
    m_config.settings().setValue(QStringLiteral("User"), profile.user);
    m_config.settings().setValue(QStringLiteral("SslMode"), profile.sslMode);
    m_config.settings().setValue(QStringLiteral("ConnectTimeout"), profile.connectTimeoutSeconds);
    m_config.settings().endGroup();
    m_config.settings().sync();
}

void ProfileStore::remove(const QString& id)
{
    if (id == LocalId)
        return;
    m_config.settings().remove(Group + QLatin1Char('/') + id);
    if (activeId() == id)
        setActiveId(LocalId);
    m_config.settings().sync();
}

QString ProfileStore::activeId() const
{
    return m_config.get(Config::ActiveProfile).toString();
}

void ProfileStore::setActiveId(const QString& id)
{
    m_config.set(Config::ActiveProfile, id);
    m_config.settings().sync();
}

} // namespace herald
