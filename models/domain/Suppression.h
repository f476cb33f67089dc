#pragma once

#include <QDateTime>
#include <QString>

namespace herald {

enum class SuppressionReason { Unsubscribed, HardBounce, Complaint, Manual };

QString toString(SuppressionReason reason);
bool fromString(const QString& text, SuppressionReason* reason);

// An address that must never be mailed again, and why.
struct Suppression
{
    QString email; // normalized (lower case)
    SuppressionReason reason = SuppressionReason::Manual;
    QString source; // where it came from: "unsubscribe link", "smtp 550 5.1.1", a user name
    QDateTime createdAt;
};

} // namespace herald
