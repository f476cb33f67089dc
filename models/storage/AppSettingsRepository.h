#pragma once

#include "Database.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QByteArray>

namespace herald {

// Values that every Herald sharing this database must agree on (kept in app_settings), such as the
// secret that signs unsubscribe links: created once, on first use, by whichever instance comes first.
class AppSettingsRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::AppSettingsRepository)
public:
    explicit AppSettingsRepository(Database& database) : m_database(database) {}

    Result<QString> value(const QString& key);
    // The stored value, or `initial` stored now if there was none (atomic across instances).
    Result<QString> valueOrInsert(const QString& key, const QString& initial);
    Status setValue(const QString& key, const QString& value);

    // The installation's unsubscribe-link secret (32 random bytes).
    Result<QByteArray> unsubscribeSecret();

    // Where recipients reach `herald serve` (open pixel, click redirect, web view), e.g.
    // "https://mail.example.org/herald"; empty when not set (campaigns are then sent without tracking).
    Result<QString> publicBaseUrl();
    // Stores it after checking it is an absolute http(s) address without query or fragment; empty clears it.
    Status setPublicBaseUrl(const QString& url);

private:
    Database& m_database;
};

} // namespace herald
