#pragma once

#include "team/SessionRole.h"

#include <QObject>

#include <initializer_list>

class QAction;
class QWidget;

namespace herald {

// Keeps what the window's login may not do disabled, with a tooltip naming the role that may (SessionRole). One per
// window, a child of it; pages and dialogs find it up their parents, so a page built without a window (a test, or
// SQLite) restricts nothing. Only a mirror of the server's grants: the database refuses whatever slips past.
class RoleGate : public QObject
{
    Q_OBJECT
public:
    RoleGate(SessionRole role, QObject* window);

    const SessionRole& role() const { return m_role; }
    // The gate of the window `object` (a widget or an action) lives in; nullptr when none.
    static RoleGate* of(const QObject* object);
    // Each widget or action stays disabled with the refusal as its tooltip while the role lacks `right`, whatever the
    // page later enables (selection changes); nothing happens when the role has it.
    static void require(SessionRole::Right right, std::initializer_list<QObject*> widgetsOrActions);

private:
    void guard(QObject* widgetOrAction, SessionRole::Right right);
    static void keepClosed(QAction* action, const QString& reason);

    SessionRole m_role;
};

} // namespace herald
