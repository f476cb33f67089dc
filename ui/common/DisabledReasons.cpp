#include "DisabledReasons.h"

#include <QEvent>
#include <QWidget>

namespace herald {

DisabledReasons::DisabledReasons(QWidget* widget)
    : QObject(widget)
{
    setObjectName(QStringLiteral("disabledReasons"));
    widget->installEventFilter(this);
}

void DisabledReasons::add(QWidget* widget, Reason reason)
{
    if (!widget)
        return;
    auto* reasons = widget->findChild<DisabledReasons*>(QStringLiteral("disabledReasons"), Qt::FindDirectChildrenOnly);
    if (!reasons)
        reasons = new DisabledReasons(widget);
    reasons->m_reasons.push_back(std::move(reason));
    reasons->apply(widget);
}

void DisabledReasons::reapply(QWidget* widget)
{
    if (auto* reasons = widget ? widget->findChild<DisabledReasons*>(QStringLiteral("disabledReasons"),
                                                                       Qt::FindDirectChildrenOnly)
                               : nullptr)
        reasons->apply(widget);
}

bool DisabledReasons::eventFilter(QObject* watched, QEvent* event)
{
    const bool changed = event->type() == QEvent::EnabledChange || event->type() == QEvent::ToolTipChange;
    if (changed && !m_applying)
        apply(static_cast<QWidget*>(watched));
    return false;
}

void DisabledReasons::apply(QWidget* widget)
{
    for (const Reason& reason : m_reasons) {
        const QString text = reason();
        if (text.isEmpty())
            continue;
        m_applying = true;
        widget->setEnabled(false);
        widget->setToolTip(text);
        m_applying = false;
        return;
    }
}

} // namespace herald
