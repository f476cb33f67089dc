#pragma once

#include "HeraldProcess.h"
#include "TestDatabase.h"

#include <QRegularExpression>
#include <QStringList>

#include <memory>

namespace herald::test {

// The database a herald process under test works on, on the backend under test (HERALD_TEST_BACKEND): a scratch
// database on the cluster reached through a profile "Office" (postgres), or the process's own embedded database,
// created and migrated by `db status` (sqlite). The test opens the same database to set up rows and check results.
class HeraldBackend
{
public:
    // Empty when the process and this side both reach the database; otherwise what went wrong.
    QString setUp(const HeraldProcess& herald)
    {
        m_profileArguments.clear();
        if (TestDatabase::backendUnderTest() == Backend::Postgres) {
            m_scratch = std::make_unique<TestDatabase>();
            if (!m_scratch->isReady())
                return m_scratch->setupError();
            const ConnectionProfile server = m_scratch->profile();
            const auto added = herald.run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Office"),
                                           QStringLiteral("--host"), server.host, QStringLiteral("--port"),
                                           QString::number(server.port), QStringLiteral("--database"), server.database,
                                           QStringLiteral("--user"), server.user, QStringLiteral("--sslmode"),
                                           QStringLiteral("disable")});
            if (added.exitCode != 0)
                return added.err;
            m_profileArguments = {QStringLiteral("--profile"), QStringLiteral("Office")};
            m_database = m_scratch->open();
            return m_database ? QString() : QStringLiteral("cannot open the scratch database");
        }
        const auto status = herald.run({QStringLiteral("db"), QStringLiteral("status")});
        if (status.exitCode != 0)
            return status.err;
        const auto location = QRegularExpression(QStringLiteral("Location: (.+)\\n")).match(status.out);
        if (!location.hasMatch())
            return status.out;
        m_database = std::make_unique<Database>(ConnectionProfile::embedded(location.captured(1).trimmed()));
        const Status opened = m_database->open();
        return opened ? QString() : opened.error().message;
    }

    // "--profile Office" on PostgreSQL, nothing on SQLite (the active profile is the embedded one).
    const QStringList& profileArguments() const { return m_profileArguments; }
    Database& database() { return *m_database; }

private:
    std::unique_ptr<TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    QStringList m_profileArguments;
};

} // namespace herald::test
