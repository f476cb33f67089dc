#include "Suppression.h"

#include "EnumText.h"

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

bool fromString(const QString& text, SuppressionReason* reason)
{
    return parseEnum(text, {SuppressionReason::Unsubscribed, SuppressionReason::HardBounce,
                           SuppressionReason::Complaint, SuppressionReason::Manual}, reason);
}

} // namespace herald
