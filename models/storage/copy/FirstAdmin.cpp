#include "FirstAdmin.h"

#include "storage/SqlErrors.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace herald {

QString FirstAdmin::login(const QSqlDatabase& target)
{
    QSqlQuery query(target);
    return query.exec(QStringLiteral("SELECT session_user")) && query.next() ? query.value(0).toString() : QString();
}

Status FirstAdmin::checkMayMove(const QSqlDatabase& target)
{
    QSqlQuery query(target);
    if (!query.exec(QStringLiteral("SELECT session_user, pg_get_userbyid(c.relowner), pg_has_role(c.relowner, 'USAGE')"
                                   " FROM pg_class c WHERE c.oid = to_regclass('schema_migrations')"))
        || !query.next())
        return SqlErrors::toError(query.lastError(), tr("Could not check who owns the server's database"));
    if (query.value(2).toBool())
        return {};
    const QString login = query.value(0).toString();
    const QString owner = query.value(1).toString();
    return Error::make(Error::Kind::Permission,
        tr("Only the owner of the server's tables (%1) or a superuser may move data into it, and %2 is "
           "neither. Ask %1 to make the move with Herald (logging in as %1), then to run "
           "GRANT herald_admin TO %2; so that you administer the team.")
            .arg(owner, login));
}

QString FirstAdmin::makeAdmin(const QSqlDatabase& target)
{
    QSqlQuery query(target);
    if (!query.exec(QStringLiteral("SELECT session_user, quote_ident(session_user), "
                                   "pg_has_role(session_user, 'herald_admin', 'MEMBER')"))
        || !query.next())
        return tr("Could not check whether you are an admin: %1")
            .arg(SqlErrors::toError(query.lastError(), {}).message);
    const QString login = query.value(0).toString();
    if (query.value(2).toBool())
        return tr("%1 already has the admin role (herald_admin).").arg(login);
    // The login comes quoted by the server; GRANT takes no bound parameters.
    const QString grant = QStringLiteral("GRANT herald_admin TO %1").arg(query.value(1).toString());
    QSqlQuery granting(target);
    if (!granting.exec(grant))
        return tr("%1 could not be made an admin (%2). Ask a superuser to run: %3;")
            .arg(login, granting.lastError().databaseText().trimmed(), grant);
    return tr("%1 is now the team's first admin (herald_admin).").arg(login);
}

} // namespace herald
