#include "RoleGate.h"

#include "DisabledReasons.h"

#include <QAction>
#include <QMenu>
#include <QWidget>

namespace herald {

RoleGate::RoleGate(SessionRole role, QObject* window)
    : QObject(window), m_role(std::move(role))
{
    setObjectName(QStringLiteral("roleGate"));
}

RoleGate* RoleGate::of(const QObject* object)
{
    for (const QObject* ancestor = object; ancestor; ancestor = ancestor->parent()) {
        if (auto* gate = ancestor->findChild<RoleGate*>(QString(), Qt::FindDirectChildrenOnly))
            return gate;
    }
    return nullptr;
}

void RoleGate::require(SessionRole::Right right, std::initializer_list<QObject*> widgetsOrActions)
{
    for (QObject* object : widgetsOrActions) {
        if (RoleGate* gate = object ? of(object) : nullptr)
            gate->guard(object, right);
    }
}

void RoleGate::guard(QObject* widgetOrAction, SessionRole::Right right)
{
    if (m_role.may(right))
        return;
    const QString reason = m_role.refusal(right);
    if (auto* widget = qobject_cast<QWidget*>(widgetOrAction))
        DisabledReasons::add(widget, [reason] { return reason; });
    else if (auto* action = qobject_cast<QAction*>(widgetOrAction))
        keepClosed(action, reason);
}

void RoleGate::keepClosed(QAction* action, const QString& reason)
{
    action->setEnabled(false);
    action->setToolTip(reason);
    // A page enabling it on a selection change, or retitling it, gets it back closed with the reason.
    QObject::connect(action, &QAction::changed, action, [action, reason] {
        if (action->isEnabled())
            action->setEnabled(false);
        if (action->toolTip() != reason)
            action->setToolTip(reason);
    });
    // In a menu the reason shows only when the menu shows tooltips.
    for (QObject* associated : action->associatedObjects()) {
        if (auto* menu = qobject_cast<QMenu*>(associated))
            menu->setToolTipsVisible(true);
    }
}

} // namespace herald
