#pragma once

#include "domain/Error.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace herald {

// The person who moves a desk's data to a server becomes that server's first admin. Moving sets sequences and grants
// herald_admin, which only the owner of the tables (or a superuser) may; anyone else is told what the owner must do.
class FirstAdmin
{
    Q_DECLARE_TR_FUNCTIONS(herald::FirstAdmin)
public:
    // Ok when the login may move data in; else a Permission error naming the owner and what to ask of them.
    static Status checkMayMove(const QSqlDatabase& target);
    // Grants herald_admin to the login unless it is already implied (a member, or a superuser); says what it did,
    // or what a superuser must run when the grant is refused.
    static QString makeAdmin(const QSqlDatabase& target);
    // The login connected (session_user).
    static QString login(const QSqlDatabase& target);
};

} // namespace herald
