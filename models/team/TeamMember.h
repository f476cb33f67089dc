#pragma once

#include <QDateTime>
#include <QString>

namespace herald {

// One person of the team on a PostgreSQL server: a login role in one of Herald's group roles.
struct TeamMember
{
    QString login;
    QString role;      // "viewer", "editor", "sender", "admin" or "worker": the highest group they are in
    bool canLogin = true;
    QDateTime lastSeen; // invalid when Herald never saw them open this database
};

} // namespace herald
