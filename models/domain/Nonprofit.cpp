#include "Nonprofit.h"

#include "EnumText.h"

namespace herald {

QString toString(NonprofitStatus status)
{
    switch (status) {
    case NonprofitStatus::Active:
        return QStringLiteral("active");
    case NonprofitStatus::Unsubscribed:
        return QStringLiteral("unsubscribed");
    case NonprofitStatus::Bounced:
        return QStringLiteral("bounced");
    case NonprofitStatus::Complained:
        return QStringLiteral("complained");
    }
    return {};
}

bool fromString(const QString& text, NonprofitStatus* status)
{
    return parseEnum(text, {NonprofitStatus::Active, NonprofitStatus::Unsubscribed, NonprofitStatus::Bounced,
                           NonprofitStatus::Complained}, status);
}

} // namespace herald
