#include "OfflineMode.h"

#include <QEvent>
#include <QWidget>

namespace herald {

namespace {
bool g_active = false;
QString g_server;

// Keeps a guarded widget disabled while offline, even when its page enables it again.
class OfflineGuard : public QObject
{
public:
    explicit OfflineGuard(QWidget* widget)
        : QObject(widget)
    {
        widget->installEventFilter(this);
        apply(widget);
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        const bool changed = event->type() == QEvent::EnabledChange || event->type() == QEvent::ToolTipChange;
        if (changed && !m_applying)
            apply(static_cast<QWidget*>(watched));
        return false;
    }

private:
    void apply(QWidget* widget)
    {
        if (!OfflineMode::isActive())
            return;
        m_applying = true;
        widget->setEnabled(false);
        widget->setToolTip(OfflineMode::reason());
        m_applying = false;
    }

    bool m_applying = false;
};
} // namespace

bool OfflineMode::isActive() { return g_active; }

void OfflineMode::setActive(bool active, const QString& server)
{
    g_active = active;
    g_server = server;
}

QString OfflineMode::reason()
{
    return tr("Needs the server, and Herald is offline (%1 cannot be reached). This comes back when the server does.")
        .arg(g_server.isEmpty() ? tr("the server") : g_server);
}

void OfflineMode::guard(QWidget* widget)
{
    if (widget && !widget->findChild<OfflineGuard*>(QString(), Qt::FindDirectChildrenOnly))
        new OfflineGuard(widget);
}

} // namespace herald
