#include "Suppression.h"

#include "EnumText.h"

#include <QCoreApplication>

namespace herald {

QString toString(SuppressionReason reason)
{
    switch (reason) {
    case SuppressionReason::Unsubscribed:
        return QStringLiteral("unsubscribed");
    case SuppressionReason::HardBounce:
        return QStringLiteral("hard_bounce");
    case SuppressionReason::Complaint:
        return QStringLiteral("complaint");
    case SuppressionReason::Manual:
        return QStringLiteral("manual");
    }
    return {};
}

QList<SuppressionReason> allSuppressionReasons()
{
    return { SuppressionReason::Unsubscribed, SuppressionReason::HardBounce, SuppressionReason::Complaint,
        SuppressionReason::Manual };
}

bool fromString(const QString& text, SuppressionReason* reason)
{
    return parseEnum(text, {SuppressionReason::Unsubscribed, SuppressionReason::HardBounce,
                           SuppressionReason::Complaint, SuppressionReason::Manual}, reason);
}

QString label(SuppressionReason reason)
{
    switch (reason) {
    case SuppressionReason::Unsubscribed:
        return QCoreApplication::translate("SuppressionReason", "Unsubscribed");
    case SuppressionReason::HardBounce:
        return QCoreApplication::translate("SuppressionReason", "Hard bounce");
    case SuppressionReason::Complaint:
        return QCoreApplication::translate("SuppressionReason", "Complaint");
    case SuppressionReason::Manual:
        return QCoreApplication::translate("SuppressionReason", "Manual");
    }
    return {};
}

} // namespace herald
