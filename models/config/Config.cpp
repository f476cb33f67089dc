#include "Config.h"

#include <QHash>

namespace herald {

namespace {
struct KeyInfo
{
    QString name;
    QVariant defaultValue;
};

const QHash<Config::Key, KeyInfo>& keyTable()
{
    static const QHash<Config::Key, KeyInfo> table = {
        {Config::ActiveProfile, {QStringLiteral("ActiveProfile"), QStringLiteral("local")}},
        {Config::Language, {QStringLiteral("GUI/Language"), QString()}},
        {Config::MainWindowGeometry, {QStringLiteral("GUI/MainWindowGeometry"), QByteArray()}},
        {Config::MainWindowState, {QStringLiteral("GUI/MainWindowState"), QByteArray()}},
        {Config::NonprofitsPageSize, {QStringLiteral("Nonprofits/PageSize"), 256}},
        {Config::ConnectionCheckSeconds, {QStringLiteral("Connection/CheckSeconds"), 5}},
        {Config::OfflineNonprofitLimit, {QStringLiteral("Offline/NonprofitLimit"), 2000}},
    };
    return table;
}
} // namespace

Config::Config() : m_settings(std::make_unique<QSettings>()) {}

Config& Config::instance()
{
    static Config config;
    return config;
}

QVariant Config::get(Key key) const
{
    const KeyInfo& info = keyTable().value(key);
    return m_settings->value(info.name, info.defaultValue);
}

void Config::set(Key key, const QVariant& value) { m_settings->setValue(keyTable().value(key).name, value); }

void Config::reset(Key key) { m_settings->remove(keyTable().value(key).name); }

void Config::useFile(const QString& path) { m_settings = std::make_unique<QSettings>(path, QSettings::IniFormat); }

} // namespace herald
