#include "AppSettingsRepository.h"

#include "BoundQuery.h"
#include "compose/UnsubscribeToken.h"

#include <QCoreApplication>
#include <QUrl>

namespace herald {

namespace {
const QString UnsubscribeSecretKey = QStringLiteral("unsubscribe_secret");
const QString PublicBaseUrlKey = QStringLiteral("public_base_url");
} // namespace

Result<QString> AppSettingsRepository::value(const QString& key)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT value FROM app_settings WHERE key = :key"));
    query.bind(QStringLiteral(":key"), key);
    if (auto found = query.execSingle(tr("Could not read setting '%1'").arg(key), tr("Setting '%1' is not set.").arg(key)); !found)
        return found.error();
    return query.value(0).toString();
}

Result<QString> AppSettingsRepository::valueOrInsert(const QString& key, const QString& initial)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery insert(db.value(), QStringLiteral("INSERT INTO app_settings (key, value) VALUES (:key, :value) "
                                                 "ON CONFLICT (key) DO NOTHING"));
    insert.bind(QStringLiteral(":key"), key).bind(QStringLiteral(":value"), initial);
    if (auto done = insert.exec(tr("Could not store setting '%1'").arg(key)); !done)
        return done.error();
    return value(key);
}

Status AppSettingsRepository::setValue(const QString& key, const QString& value)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery upsert(db.value(), QStringLiteral("INSERT INTO app_settings (key, value) VALUES (:key, :value) "
                                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    upsert.bind(QStringLiteral(":key"), key).bind(QStringLiteral(":value"), value);
    return upsert.exec(tr("Could not store setting '%1'").arg(key));
}

Result<QByteArray> AppSettingsRepository::unsubscribeSecret()
{
    auto stored = valueOrInsert(UnsubscribeSecretKey, QString::fromLatin1(UnsubscribeToken::generateSecret().toBase64()));
    if (!stored)
        return stored.error();
    return QByteArray::fromBase64(stored.value().toLatin1());
}

Result<QString> AppSettingsRepository::publicBaseUrl()
{
    auto stored = value(PublicBaseUrlKey);
    if (!stored && stored.error().kind == Error::Kind::NotFound)
        return QString();
    return stored;
}

Status AppSettingsRepository::setPublicBaseUrl(const QString& text)
{
    QString url = text.trimmed();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    if (!url.isEmpty()) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || (parsed.scheme() != QLatin1String("https") && parsed.scheme() != QLatin1String("http"))
            || parsed.host().isEmpty() || parsed.hasQuery() || parsed.hasFragment())
            return Error::validation(PublicBaseUrlKey,
                                     tr("'%1' is not a public address for herald serve: give an http or https address "
                                        "without ? or #, such as https://mail.example.org/herald.")
                                         .arg(text));
    }
    return setValue(PublicBaseUrlKey, url);
}

} // namespace herald
