#include "OfflineMode.h"

#include "common/DisabledReasons.h"

namespace herald {

namespace {
bool g_active = false;
QString g_server;
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
    DisabledReasons::add(widget, [] { return isActive() ? reason() : QString(); });
}

} // namespace herald
