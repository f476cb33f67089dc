#pragma once

#include "BenchOutput.h"
#include "storage/Database.h"

#include <QRegularExpression>

#include <memory>

namespace herald::bench {

// The database named by --pg HOST:PORT/NAME (user postgres, no TLS, as the bench scripts' throwaway cluster),
// opened and migrated; null after printing why not.
inline std::unique_ptr<Database> openPostgres(const QString& address)
{
    static const QRegularExpression pattern(QStringLiteral("^([^:]+):(\\d+)/(\\w+)$"));
    const auto match = pattern.match(address);
    if (!match.hasMatch()) {
        print(QStringLiteral("give --pg HOST:PORT/NAME"));
        return nullptr;
    }
    ConnectionProfile profile = ConnectionProfile::postgres(QStringLiteral("bench"), match.captured(1),
        match.captured(2).toInt(), match.captured(3), QStringLiteral("postgres"));
    profile.sslMode = QStringLiteral("disable");
    auto database = std::make_unique<Database>(profile);
    if (auto opened = database->open(); !opened) {
        print(opened.error().message);
        return nullptr;
    }
    return database;
}

} // namespace herald::bench
