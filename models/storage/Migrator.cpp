#include "Migrator.h"

#include "SqlErrors.h"
#include "SqlScript.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSqlQuery>

#include <algorithm>

namespace herald {

namespace {
// Serialises migrations among Herald instances starting at once against one server.
constexpr qint64 MigrationLockKey = 0x4865726c64;

QString folderFor(Backend backend)
{
    return backend == Backend::Postgres ? QStringLiteral(":/migrations/postgres") : QStringLiteral(":/migrations/sqlite");
}

Status execute(QSqlDatabase& db, const QString& sql, const QString& what)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return SqlErrors::toError(query.lastError(), what);
    return {};
}

bool hasMigrationsTable(QSqlDatabase& db)
{
    // Looked up, not created: a role that may not create tables can still read the version.
    QSqlQuery query(db);
    const bool postgres = db.driverName() == QLatin1String("QPSQL");
    return query.exec(postgres ? QStringLiteral("SELECT to_regclass('schema_migrations') IS NOT NULL")
                               : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                                "AND name = 'schema_migrations'"))
        && query.next() && query.value(0).toBool();
}

Status ensureMigrationsTable(QSqlDatabase& db)
{
    if (hasMigrationsTable(db))
        return {};
    return execute(db,
                   QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                  " version integer PRIMARY KEY,"
                                  " name text NOT NULL,"
                                  " applied_at text NOT NULL)"),
                   QCoreApplication::translate("Migrator", "Could not create the schema_migrations table"));
}
} // namespace

Status Migrator::checkMayMigrate(QSqlDatabase& db, int latest)
{
    // Migrations are DDL: only the owner of the schema's tables (or a member of that role, or a superuser) may run
    // them. Before any table exists, whoever may create in the schema may; the database's owner is named.
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral(
            "SELECT CASE WHEN c.oid IS NULL THEN has_schema_privilege(current_schema(), 'CREATE')"
            "            ELSE pg_has_role(c.relowner, 'USAGE') END,"
            "       pg_get_userbyid(COALESCE(c.relowner, d.datdba))"
            " FROM pg_database d LEFT JOIN pg_class c ON c.oid = to_regclass('schema_migrations')"
            " WHERE d.datname = current_database()"))
        || !query.next())
        return SqlErrors::toError(query.lastError(), tr("Could not check who may update this database"));
    if (query.value(0).toBool())
        return {};
    return Error::make(Error::Kind::Permission,
                       tr("This database needs updating to schema %1; ask an administrator (the owner, %2) to open it "
                          "with Herald once.")
                           .arg(latest)
                           .arg(query.value(1).toString()));
}

QList<Migrator::Migration> Migrator::available(Backend backend)
{
    QList<Migration> migrations;
    const QDir folder(folderFor(backend));
    const QStringList files = folder.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const int underscore = int(file.indexOf(QLatin1Char('_')));
        bool numbered = false;
        const int version = file.left(underscore).toInt(&numbered);
        if (!numbered)
            continue;
        migrations.append({version, file.mid(underscore + 1).chopped(4), folder.filePath(file)});
    }
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    return migrations;
}

int Migrator::latestVersion(Backend backend)
{
    const auto migrations = available(backend);
    return migrations.isEmpty() ? 0 : migrations.last().version;
}

Result<int> Migrator::currentVersion(QSqlDatabase& db)
{
    if (!hasMigrationsTable(db))
        return 0;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) || !query.next())
        return SqlErrors::toError(query.lastError(), tr("Could not read the schema version"));
    return query.value(0).toInt();
}

Result<int> Migrator::migrate(QSqlDatabase& db, Backend backend)
{
    auto current = currentVersion(db);
    if (!current)
        return current.error();
    const int latest = latestVersion(backend);
    if (current.value() > latest) {
        return Error::make(Error::Kind::Schema,
                           tr("This database has schema version %1, made by a newer Herald; this Herald knows "
                              "versions up to %2. Update Herald to open it. The database was not changed.")
                               .arg(current.value())
                               .arg(latest));
    }

    int version = current.value();
    if (version == latest)
        return version;
    if (backend == Backend::Postgres) {
        if (auto allowed = checkMayMigrate(db, latest); !allowed)
            return allowed.error();
    }
    if (auto created = ensureMigrationsTable(db); !created)
        return created.error();
    for (const Migration& migration : available(backend)) {
        if (migration.version <= version)
            continue;
        QFile file(migration.path);
        if (!file.open(QIODevice::ReadOnly))
            return Error::make(Error::Kind::Schema, tr("Migration %1 is missing from this build.").arg(migration.path));
        const QStringList statements = SqlScript::split(QString::fromUtf8(file.readAll()));

        if (!db.transaction())
            return SqlErrors::toError(db.lastError(), tr("Could not start migration %1").arg(migration.version));
        auto fail = [&](const Error& error) -> Result<int> {
            db.rollback();
            return error;
        };
        if (backend == Backend::Postgres) {
            QSqlQuery lock(db);
            lock.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(:key)"));
            lock.bindValue(QStringLiteral(":key"), MigrationLockKey);
            if (!lock.exec())
                return fail(SqlErrors::toError(lock.lastError(), tr("Could not lock the schema for migration")));
            // Another instance may have applied it while we waited for the lock.
            QSqlQuery check(db);
            check.prepare(QStringLiteral("SELECT 1 FROM schema_migrations WHERE version = :version"));
            check.bindValue(QStringLiteral(":version"), migration.version);
            if (check.exec() && check.next()) {
                db.commit();
                version = migration.version;
                continue;
            }
        }
        for (int i = 0; i < statements.size(); ++i) {
            QSqlQuery query(db);
            if (!query.exec(statements.at(i)))
                return fail(SqlErrors::toError(query.lastError(), tr("Migration %1 (%2), statement %3 failed")
                                                                      .arg(migration.version)
                                                                      .arg(migration.name)
                                                                      .arg(i + 1)));
        }
        QSqlQuery record(db);
        record.prepare(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:version, :name, :at)"));
        record.bindValue(QStringLiteral(":version"), migration.version);
        record.bindValue(QStringLiteral(":name"), migration.name);
        record.bindValue(QStringLiteral(":at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        if (!record.exec())
            return fail(SqlErrors::toError(record.lastError(), tr("Could not record migration %1").arg(migration.version)));
        if (!db.commit())
            return fail(SqlErrors::toError(db.lastError(), tr("Could not commit migration %1").arg(migration.version)));
        version = migration.version;
    }
    return version;
}

} // namespace herald
