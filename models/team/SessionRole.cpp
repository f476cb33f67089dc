#include "SessionRole.h"

#include "storage/BoundQuery.h"
#include "storage/Database.h"

#include <QStringList>

namespace herald {

namespace {

// The login, whether it is a superuser or may act as the owner of Herald's tables (the role migrations run as), and
// the Herald groups it belongs to directly or through other roles. Groups that do not exist are simply not listed.
const char* const kReadRole =
    "SELECT session_user, r.rolsuper,"
    "       COALESCE((SELECT pg_has_role(session_user, c.relowner, 'MEMBER') FROM pg_class c"
    "                 WHERE c.oid = to_regclass('schema_migrations')), false),"
    "       array_to_string(ARRAY(SELECT g.rolname FROM pg_roles g"
    "                             WHERE g.rolname IN ('herald_viewer', 'herald_editor', 'herald_sender',"
    "                                                 'herald_admin', 'herald_worker')"
    "                               AND pg_has_role(session_user, g.oid, 'MEMBER')), ',')"
    "  FROM pg_roles r WHERE r.rolname = session_user";

SessionRole::Role strongest(bool superuser, bool owner, const QStringList& groups)
{
    using Role = SessionRole::Role;
    if (superuser || owner)
        return Role::Owner;
    if (groups.contains(QLatin1String("herald_admin")))
        return Role::Admin;
    if (groups.contains(QLatin1String("herald_sender")))
        return Role::Sender;
    if (groups.contains(QLatin1String("herald_editor")))
        return Role::Editor;
    if (groups.contains(QLatin1String("herald_viewer")))
        return Role::Viewer;
    if (groups.contains(QLatin1String("herald_worker")))
        return Role::Worker;
    return Role::None;
}

} // namespace

SessionRole::SessionRole(Role role, QString login)
    : m_role(role), m_login(std::move(login)), m_rights(rightsOf(role)), m_local(false)
{
}

Result<SessionRole> SessionRole::read(Database& database)
{
    if (database.backend() == Backend::Sqlite)
        return SessionRole();
    auto db = database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QString::fromLatin1(kReadRole));
    if (auto found = query.execSingle(tr("Could not read what your login may do"), tr("The server does not know this login.")); !found)
        return found.error();
    const QStringList groups = query.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    return SessionRole(strongest(query.value(1).toBool(), query.value(2).toBool(), groups), query.value(0).toString());
}

SessionRole::Rights SessionRole::rightsOf(Role role)
{
    switch (role) {
    case Role::Owner:
    case Role::Admin:
        return Rights(Right::EditContent) | Right::Send | Right::Administer;
    case Role::Sender:
        return Rights(Right::EditContent) | Right::Send;
    case Role::Editor:
        return Right::EditContent;
    case Role::Viewer:
    case Role::Worker:
    case Role::None:
        break;
    }
    return {};
}

QString SessionRole::roleName(Role role)
{
    switch (role) {
    case Role::None:
        return tr("no Herald role");
    case Role::Worker:
        return tr("worker");
    case Role::Viewer:
        return tr("viewer");
    case Role::Editor:
        return tr("editor");
    case Role::Sender:
        return tr("sender");
    case Role::Admin:
        return tr("administrator");
    case Role::Owner:
        return tr("owner");
    }
    return {};
}

QString SessionRole::whoMay(Right right)
{
    switch (right) {
    case Right::EditContent:
        return tr("Editors, senders and administrators may add, change, import and delete nonprofits, segments, "
                  "templates and campaign drafts.");
    case Right::Send:
        return tr("Senders and administrators may send test messages and queue, schedule, pause, resume and cancel "
                  "campaigns.");
    case Right::Administer:
        return tr("Administrators may change providers, sender domains, DKIM keys and team settings, remove "
                  "suppressions and erase personal data.");
    }
    return {};
}

QString SessionRole::refusal(Right right) const
{
    return tr("%1 You are signed in as %2 (%3).").arg(whoMay(right), m_login, roleName());
}

QString SessionRole::signedInText() const
{
    if (m_local)
        return tr("This computer: every right");
    return tr("Signed in as %1 (%2)").arg(m_login, roleName());
}

} // namespace herald
