#include "TestDatabase.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace herald::test {

namespace {

// Runs one administrative statement on the cluster's "postgres" database. Database names are
// identifiers (they cannot be bound); ours are generated from [a-z0-9_] only.
bool adminExec(const QString& sql, QString* error)
{
    const QString name = QStringLiteral("herald-test-admin");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                       : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        const ConnectionProfile server = TestDatabase::serverProfile(QStringLiteral("postgres"));
        db.setHostName(server.host);
        db.setPort(server.port);
        db.setDatabaseName(server.database);
        db.setUserName(server.user);
        if (!db.isOpen() && !db.open()) {
            *error = db.lastError().text();
            return false;
        }
        QSqlQuery query(db);
        ok = query.exec(sql);
        if (!ok)
            *error = query.lastError().text();
    }
    return ok;
}

} // namespace

Backend TestDatabase::backendUnderTest()
{
    return qEnvironmentVariable("HERALD_TEST_BACKEND") == QLatin1String("postgres") ? Backend::Postgres : Backend::Sqlite;
}

QString TestDatabase::backendName()
{
    return backendUnderTest() == Backend::Postgres ? QStringLiteral("postgres") : QStringLiteral("sqlite");
}

ConnectionProfile TestDatabase::serverProfile(const QString& name)
{
    const QString host = qEnvironmentVariable("HERALD_TEST_PG_HOST", QStringLiteral("127.0.0.1"));
    const int port = qEnvironmentVariableIntValue("HERALD_TEST_PG_PORT") ? qEnvironmentVariableIntValue("HERALD_TEST_PG_PORT") : 55432;
    ConnectionProfile profile = ConnectionProfile::postgres(QStringLiteral("test"), host, port, name, QStringLiteral("postgres"));
    profile.sslMode = QStringLiteral("disable");
    return profile;
}

QString TestDatabase::auditActor(const QString& claimed)
{
    return backendUnderTest() == Backend::Postgres ? serverProfile(QStringLiteral("postgres")).user : claimed;
}

TestDatabase::TestDatabase()
{
    if (backendUnderTest() == Backend::Sqlite) {
        m_profile = ConnectionProfile::embedded(m_dir.filePath(QStringLiteral("herald-test.sqlite")));
        m_ready = m_dir.isValid();
        if (!m_ready)
            m_setupError = QStringLiteral("could not create a temporary folder");
        return;
    }
    m_pgDatabase = QStringLiteral("herald_test_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(16));
    m_ready = adminExec(QStringLiteral("CREATE DATABASE %1").arg(m_pgDatabase), &m_setupError);
    m_profile = serverProfile(m_pgDatabase);
}

TestDatabase::~TestDatabase()
{
    if (!m_pgDatabase.isEmpty()) {
        QString ignored;
        adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgDatabase), &ignored);
    }
}

std::unique_ptr<Database> TestDatabase::open()
{
    auto database = std::make_unique<Database>(m_profile);
    if (auto opened = database->open(); !opened)
        qWarning("TestDatabase: %s", qPrintable(opened.error().message));
    return database;
}

} // namespace herald::test
