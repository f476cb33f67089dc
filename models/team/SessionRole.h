#pragma once

#include "domain/Error.h"

#include <QCoreApplication>
#include <QFlags>
#include <QString>

namespace herald {

class Database;

// What the connected login may do, as the server's grants say (migration 23's group roles): read once when a window
// opens so that the window can disable what the server would refuse and say who may. It mirrors the grants; it
// protects nothing (the database refuses whatever this says), so a stale answer only costs a refused action's
// sentence. SQLite is one person on this computer with every right.
class SessionRole
{
    Q_DECLARE_TR_FUNCTIONS(herald::SessionRole)
public:
    // The strongest Herald group the login belongs to; Owner is the schema's owner or a superuser (counts as admin).
    enum class Role { None, Worker, Viewer, Editor, Sender, Admin, Owner };
    enum class Right {
        EditContent = 0x1, // nonprofits, tags, segments, templates, identities, campaign drafts, adding suppressions
        Send = 0x2,        // test sends, queueing, scheduling, pausing, resuming and cancelling campaigns
        Administer = 0x4,  // providers, sender domains and DKIM keys, removing suppressions, GDPR erase, settings
    };
    Q_DECLARE_FLAGS(Rights, Right)

    SessionRole() = default; // every right: SQLite, or a window nobody restricted
    SessionRole(Role role, QString login);

    // One round trip on this thread's connection: pg_has_role for each group, the owner, the superuser.
    static Result<SessionRole> read(Database& database);

    Role role() const { return m_role; }
    const QString& login() const { return m_login; }
    Rights rights() const { return m_rights; }
    bool may(Right right) const { return m_rights.testFlag(right); }

    static Rights rightsOf(Role role);
    // "viewer", "administrator", translated.
    static QString roleName(Role role);
    QString roleName() const { return roleName(m_role); }
    // Who may: "Senders and administrators may send, test, schedule, pause, resume and cancel campaigns."
    static QString whoMay(Right right);
    // whoMay() and what this login is, for a disabled action's tooltip.
    QString refusal(Right right) const;
    // "Signed in as alice (editor)"; "This computer: every right" on SQLite.
    QString signedInText() const;

private:
    Role m_role = Role::Owner;
    QString m_login;
    Rights m_rights = rightsOf(Role::Owner);
    bool m_local = true;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(SessionRole::Rights)

} // namespace herald
