#include "EngagementText.h"

#include <QLocale>

namespace herald {

namespace {
// What is not known, in every language.
const QString Unknown = QStringLiteral("—");
} // namespace

QString EngagementText::count(qint64 value)
{
    return QLocale().toString(value);
}

QString EngagementText::unique(qint64 value, bool known)
{
    return known ? count(value) : Unknown;
}

QString EngagementText::rate(const std::optional<double>& value, bool approximate)
{
    if (!value)
        return Unknown;
    const QString percent = tr("%1 %").arg(QLocale().toString(*value * 100, 'f', 1));
    return approximate ? tr("≈ %1").arg(percent) : percent;
}

QString EngagementText::tracking(Tracking tracking)
{
    switch (tracking) {
    case Tracking::Off:
        return tr("off");
    case Tracking::Anonymous:
        return tr("anonymous");
    case Tracking::PerRecipient:
        return tr("per recipient");
    }
    return {};
}

QString EngagementText::approximateExplanation()
{
    return tr("This campaign was tracked anonymously: Herald counts open and click events, not people. Someone who "
              "opens the message twice counts twice, so the rates come from the event totals and can pass 100 %.");
}

QString EngagementText::unknownUniqueExplanation()
{
    return tr("Unknown with anonymous tracking: nobody's opens and clicks can be told apart.");
}

} // namespace herald
