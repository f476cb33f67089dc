#pragma once

#include "storage/ConnectionProfile.h"
#include "storage/Database.h"

#include <QString>

#include <map>
#include <memory>

namespace herald::test {

// One PostgreSQL login per Herald group role ("viewer", "editor", "sender", "admin", "worker"), created on the test
// cluster for one test database and dropped again. Login roles are cluster-wide, so names carry a per-run tag. Gives
// Herald's own connections as each login and psql runs that bypass Herald altogether (the way to prove that the
// server, not the client, refuses something).
class RoleLogins
{
public:
    struct PsqlRun
    {
        int exitCode = -1;
        QString output;
    };

    // `profile`: the test database's profile (TestDatabase::profile()). Creates nothing yet.
    explicit RoleLogins(const ConnectionProfile& profile);
    ~RoleLogins(); // closes the connections and drops the logins it created
    RoleLogins(const RoleLogins&) = delete;
    RoleLogins& operator=(const RoleLogins&) = delete;

    // Creates a login for each group role; an empty string when all went well, else psql's output.
    QString create();
    // A login of one's own in group `role` (e.g. a second sender); dropped with the others.
    QString createLogin(const QString& suffix, const QString& role);

    QString login(const QString& role) const { return m_logins.at(role); }
    const QString& password() const { return m_password; }
    // The profile that connects as `role`'s login.
    ConnectionProfile profile(const QString& role) const;
    // Herald connected as the role's login (opened once and kept).
    Database& as(const QString& role);

    // The statement run by psql as `user` (the superuser when empty), on the test database unless `database` is given.
    PsqlRun psql(const QString& user, const QString& sql, const QString& database = {}) const;
    // The psql user of a group role's login; "owner" is the superuser (empty).
    QString userOf(const QString& role) const { return role == QLatin1String("owner") ? QString() : login(role); }
    PsqlRun psqlAs(const QString& role, const QString& sql) const { return psql(userOf(role), sql); }
    // Empty when psql as `user` was refused `sql` for lack of a right (its output holding `reason`, or any refusal
    // isRefusal() knows when `reason` is empty); else what happened instead, for the test's failure message.
    QString whyNotRefused(const QString& user, const QString& sql, const QString& reason = {}) const;
    // Empty when psql as `user` ran `sql`; else its output.
    QString whyNotAllowed(const QString& user, const QString& sql) const;
    // One value the superuser reads.
    QString ownerValue(const QString& sql) const { return psql({}, sql).output.trimmed(); }
    // Whether psql's output says the server refused for lack of a right (not a typo in the test).
    static bool isRefusal(const QString& output);

private:
    ConnectionProfile m_profile;
    QString m_runTag;
    QString m_password;
    std::map<QString, QString> m_logins; // group role or suffix -> login name
    std::map<QString, std::unique_ptr<Database>> m_as;
};

} // namespace herald::test
