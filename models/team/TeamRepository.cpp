#include "TeamRepository.h"

#include "storage/BoundQuery.h"
#include "storage/SqlDialect.h"

#include <QRandomGenerator>

namespace herald {

TeamRepository::TeamRepository(Database& database) : m_database(database) {}

QStringList TeamRepository::roles()
{
    return {QStringLiteral("viewer"), QStringLiteral("editor"), QStringLiteral("sender"), QStringLiteral("admin"),
            QStringLiteral("worker"), QStringLiteral("serve")};
}

QString TeamRepository::roleTitle(const QString& role)
{
    if (role == QLatin1String("viewer"))
        return tr("Viewer");
    if (role == QLatin1String("editor"))
        return tr("Editor");
    if (role == QLatin1String("sender"))
        return tr("Sender");
    if (role == QLatin1String("admin"))
        return tr("Admin");
    if (role == QLatin1String("worker"))
        return tr("Worker");
    if (role == QLatin1String("serve"))
        return tr("Public endpoint (serve)");
    return role;
}

QString TeamRepository::onePersonSentence()
{
    return tr("This database is embedded on this computer: it is one person, with every right. A team shares a "
              "PostgreSQL server, where each person has a login and a role.");
}

Status TeamRepository::notOnSqlite() const
{
    if (isTeamServer())
        return {};
    return Error::make(Error::Kind::Validation, onePersonSentence());
}

Result<QList<TeamMember>> TeamRepository::list()
{
    if (auto server = notOnSqlite(); !server)
        return server.error();
    // pg_roles is readable by anyone; team_last_seen by admins only (schema 25), so others are told they may not.
    return BoundQuery::selectAll(
        m_database,
        QStringLiteral("SELECT r.rolname, herald_team_role_of(r.rolname), r.rolcanlogin, s.seen_at "
                       "FROM pg_roles r LEFT JOIN team_last_seen s ON s.login = r.rolname "
                       "WHERE herald_team_role_of(r.rolname) IS NOT NULL AND r.rolname NOT IN ('herald_viewer', "
                       "'herald_editor', 'herald_sender', 'herald_admin', 'herald_worker', 'herald_serve') "
                       "ORDER BY lower(r.rolname)"),
        tr("Could not read the team"), [](const QSqlQuery& query) {
            TeamMember member;
            member.login = query.value(0).toString();
            member.role = query.value(1).toString();
            member.canLogin = query.value(2).toBool();
            if (!query.value(3).isNull())
                member.lastSeen = SqlDialect::readTimestamp(query.value(3));
            return member;
        });
}

Status TeamRepository::callTeamFunction(const QString& sql, const QList<QVariant>& values, const QString& what)
{
    if (auto server = notOnSqlite(); !server)
        return server;
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), sql);
    for (int i = 0; i < values.size(); ++i)
        query.bind(QStringLiteral(":v%1").arg(i), values.at(i));
    return query.exec(what);
}

Result<QString> TeamRepository::add(const QString& login, const QString& role, Password choice, const QString& password)
{
    const QString chosen = choice == Password::Generate ? generatePassword() : password;
    const QVariant passwordValue = choice == Password::None ? BoundQuery::nullText() : QVariant(chosen);
    if (auto added = callTeamFunction(QStringLiteral("SELECT herald_team_add(:v0, :v1, :v2)"),
                                      {login.trimmed(), role, passwordValue}, tr("Could not add %1").arg(login));
        !added)
        return added.error();
    return choice == Password::Generate ? chosen : QString();
}

Status TeamRepository::setRole(const QString& login, const QString& role)
{
    return callTeamFunction(QStringLiteral("SELECT herald_team_set_role(:v0, :v1)"), {login, role},
                            tr("Could not change the role of %1").arg(login));
}

Status TeamRepository::remove(const QString& login)
{
    return callTeamFunction(QStringLiteral("SELECT herald_team_remove(:v0)"), {login},
                            tr("Could not remove %1").arg(login));
}

QString TeamRepository::generatePassword()
{
    // No 0/O, 1/l/I: read aloud or copied by hand, it still works. 24 of 57 characters: about 140 bits.
    static const QString alphabet = QStringLiteral("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
    QString password;
    for (int i = 0; i < 24; ++i) {
        if (i > 0 && i % 6 == 0)
            password += QLatin1Char('-');
        password += alphabet.at(int(QRandomGenerator::system()->bounded(quint32(alphabet.size()))));
    }
    return password;
}

} // namespace herald
