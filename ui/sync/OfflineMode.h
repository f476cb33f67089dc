#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace herald {

// Whether Herald works on the offline store because the server cannot be reached, and the sentence that says
// why a feature needing the server is off. Widgets of such features call guard() when they are built: while
// offline they stay disabled, whatever their page's own logic says, with the reason as their tooltip.
class OfflineMode
{
    Q_DECLARE_TR_FUNCTIONS(OfflineMode)

public:
    static bool isActive();
    // `server` names it ("db.example.org:5432/herald").
    static void setActive(bool active, const QString& server = {});
    static QString reason();

    static void guard(QWidget* widget);
};

} // namespace herald
