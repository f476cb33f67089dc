#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace herald {

enum class SuppressionReason { Unsubscribed, HardBounce, Complaint, Manual };

QString toString(SuppressionReason reason);
bool fromString(const QString& text, SuppressionReason* reason);
// The reason's name for people ("Hard bounce").
QString label(SuppressionReason reason);
// Every reason, in the order lists offer them.
QList<SuppressionReason> allSuppressionReasons();

// An address that must never be mailed again, and why.
struct Suppression
{
    QString email; // normalized (lower case)
    SuppressionReason reason = SuppressionReason::Manual;
    QString source; // where it came from: "unsubscribe link", "smtp 550 5.1.1", a user name
    QDateTime createdAt;
};

} // namespace herald
