#include "Database.h"

#include "Migrator.h"
#include "SqlErrors.h"
#include "StatementCache.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

namespace herald {

namespace {
constexpr int IdleInTransactionSeconds = 30;
QString tr(const char* text) { return QCoreApplication::translate("herald", text); }

Error connectError(const ConnectionProfile& profile, const QSqlError& error)
{
    Error result = SqlErrors::toError(error, tr("Could not connect to %1").arg(profile.location()));
    if (result.kind != Error::Kind::Authentication)
        result.kind = Error::Kind::Connection;
    return result;
}
} // namespace

Database::Database(ConnectionProfile profile, QString password)
    : m_profile(std::move(profile))
    , m_password(std::move(password))
    , m_instanceKey(QUuid::createUuid().toString(QUuid::Id128).left(12))
{
}

Database::~Database()
{
    QMutexLocker lock(&m_namesMutex);
    const QString own = threadConnectionName();
    for (const QString& name : std::as_const(m_connectionNames)) {
        // Only this thread may look its own connection up; one left by a thread that ended without releasing it
        // (a libmicrohttpd request thread has no exit hook) is closed by removeDatabase dropping its driver.
        if (name == own) {
            StatementCache::forget(name);
            { QSqlDatabase::database(name, false).close(); }
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QString Database::threadConnectionName() const
{
    return QStringLiteral("herald-%1-%2")
        .arg(m_instanceKey)
        .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()), 0, 16);
}

Result<QSqlDatabase> Database::openNamed(const ConnectionProfile& profile, const QString& password,
                                          const QString& connectionName)
{
    QString problem;
    if (!profile.isValid(&problem))
        return Error::make(Error::Kind::Validation, problem);

    if (profile.backend == Backend::Sqlite) {
        QSqlDatabase db = QSqlDatabase::contains(connectionName)
            ? QSqlDatabase::database(connectionName, false)
            : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        const QFileInfo file(profile.sqlitePath);
        if (!QDir().mkpath(file.absolutePath()))
            return Error::make(Error::Kind::Io, tr("Could not create the folder %1.").arg(file.absolutePath()));
        db.setDatabaseName(profile.sqlitePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open())
            return connectError(profile, db.lastError());
        // WAL lets readers go on while one writer commits; foreign keys are off by default in SQLite. A 64 MiB
        // page cache (the default is 2 MiB) keeps the indexes of a large nonprofits table in memory while importing.
        for (const char* pragma : {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL",
                                   "PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -65536"}) {
            QSqlQuery query(db);
            if (!query.exec(QString::fromLatin1(pragma)))
                return Error::make(Error::Kind::Database, tr("%1 is not a usable Herald database: %2")
                                                              .arg(profile.sqlitePath, query.lastError().text()));
        }
        StatementCache::markOpened(db);
        return db;
    }

    QSqlDatabase db = QSqlDatabase::contains(connectionName)
        ? QSqlDatabase::database(connectionName, false)
        : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(profile.host);
    db.setPort(profile.port);
    db.setDatabaseName(profile.database);
    db.setUserName(profile.user);
    db.setPassword(password);
    // A Herald stopped in the middle of a transaction (SIGSTOP, a laptop put to sleep) would keep its locks, on
    // the dashboards' counters of the current second among them, and stop every other sender until it woke: the
    // server ends such a session after IdleInTransactionSeconds (Herald itself is never idle in one for more
    // than moments; it reconnects when it wakes).
    db.setConnectOptions(QStringLiteral("sslmode=%1;connect_timeout=%2;application_name=Herald;"
                                        "options='-c idle_in_transaction_session_timeout=%3s'")
                             .arg(profile.effectiveSslMode())
                             .arg(profile.connectTimeoutSeconds)
                             .arg(IdleInTransactionSeconds));
    if (!db.open())
        return connectError(profile, db.lastError());
    StatementCache::markOpened(db);
    return db;
}

Status Database::open()
{
    auto db = checkedConnection();
    if (!db)
        return db.error();
    auto version = Migrator::migrate(db.value(), m_profile.backend);
    if (!version)
        return version.error();
    m_schemaVersion = version.value();
    if (m_profile.backend == Backend::Postgres) {
        // Settings → Team's "last seen" (schema 25): one upsert of this login's line. A database older than 25 (not
        // ours to migrate) has no such function; seeing nobody is no reason not to open.
        QSqlQuery seen(db.value());
        (void)seen.exec(QStringLiteral("SELECT herald_team_seen()"));
    }
    return {};
}

Result<QString> Database::probe(const ConnectionProfile& profile, const QString& password)
{
    const QString name = QStringLiteral("herald-probe-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    Result<QString> result = Error{};
    {
        auto db = openNamed(profile, password, name);
        if (!db) {
            result = db.error();
        } else {
            QSqlQuery query(db.value());
            const bool isPostgres = profile.backend == Backend::Postgres;
            if (query.exec(isPostgres ? QStringLiteral("SELECT version()") : QStringLiteral("SELECT 'SQLite ' || sqlite_version()"))
                && query.next())
                result = query.value(0).toString();
            else
                result = SqlErrors::toError(query.lastError(), tr("Connected to %1 but could not query it").arg(profile.location()));
            db.value().close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

QSqlDatabase Database::connection()
{
    auto db = checkedConnection();
    return db ? db.value() : QSqlDatabase();
}

Result<QSqlDatabase> Database::checkedConnection()
{
    const QString name = threadConnectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
        // The server went away (or the connection was closed): the statements prepared in that session are gone
        // with it. Drop them before the connection opens again; dropped later, each would DEALLOCATE on the new
        // session, and inside its first transaction that failure aborted the transaction (25P02).
        StatementCache::forget(name);
    }
    {
        QMutexLocker lock(&m_namesMutex);
        m_connectionNames.insert(name);
    }
    return openNamed(m_profile, m_password, name);
}

void Database::releaseThreadConnection()
{
    const QString name = threadConnectionName();
    {
        QMutexLocker lock(&m_namesMutex);
        if (!m_connectionNames.remove(name))
            return;
    }
    StatementCache::forget(name);
    { QSqlDatabase::database(name, false).close(); }
    QSqlDatabase::removeDatabase(name);
}

Status Database::ping()
{
    auto db = checkedConnection();
    if (!db)
        return db.error();
    QSqlQuery query(db.value());
    if (query.exec(QStringLiteral("SELECT 1")))
        return {};
    // The server went away and came back (or not): reopen once before reporting.
    const QSqlError lost = query.lastError();
    db.value().close();
    auto reopened = checkedConnection();
    if (!reopened)
        return reopened.error();
    QSqlQuery retry(reopened.value());
    if (retry.exec(QStringLiteral("SELECT 1")))
        return {};
    return connectError(m_profile, retry.lastError().isValid() ? retry.lastError() : lost);
}

} // namespace herald
