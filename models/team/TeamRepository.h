#pragma once

#include "domain/Error.h"
#include "storage/Database.h"
#include "team/TeamMember.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace herald {

// The people of this database's team (PostgreSQL): who they are, their Herald role, when they were last seen; adding,
// changing and removing them through schema 25's functions, which only admins may run and which refuse anything that
// is not a plain team member. Herald never keeps a password: PostgreSQL hashes it, Herald shows a generated one once.
// On SQLite, one person on this computer with every right, every call says so.
class TeamRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::TeamRepository)
public:
    enum class Password {
        Generate, // a strong one, returned to be shown once
        Given,    // the one passed
        None,     // no password: certificate or peer authentication (pg_hba.conf)
    };

    explicit TeamRepository(Database& database);

    // viewer, editor, sender, admin, worker (the lowest right first).
    static QStringList roles();
    // The role's name as a person reads it ("Editor"), translated.
    static QString roleTitle(const QString& role);
    // What SQLite answers: the embedded database is one person.
    static QString onePersonSentence();
    bool isTeamServer() const { return m_database.backend() == Backend::Postgres; }

    Result<QList<TeamMember>> list();
    // Adds `login` in `role`; returns the password to show once (the generated one), empty otherwise.
    Result<QString> add(const QString& login, const QString& role, Password choice, const QString& password = {});
    Status setRole(const QString& login, const QString& role);
    Status remove(const QString& login);

    // 24 characters (about 140 bits) from the system's random source, in groups of six, none easily misread.
    static QString generatePassword();

private:
    Status callTeamFunction(const QString& sql, const QList<QVariant>& values, const QString& what);
    Status notOnSqlite() const;

    Database& m_database;
};

} // namespace herald
