#pragma once

#include "engagement/EngagementFigures.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace herald {

// How the engagement view writes its figures: counts and rates in the user's locale, "—" for what is not known,
// and "≈" before a rate that comes from event totals (anonymous tracking).
class EngagementText
{
    Q_DECLARE_TR_FUNCTIONS(herald::EngagementText)
public:
    static QString count(qint64 value);
    // A unique count, "—" when tracking cannot tell recipients apart.
    static QString unique(qint64 value, bool known);
    // "41.5 %" ("≈ 41.5 %" when approximate); "—" without a denominator.
    static QString rate(const std::optional<double>& value, bool approximate);
    static QString tracking(Tracking tracking);
    // Why anonymous figures are approximate, for tooltips.
    static QString approximateExplanation();
    static QString unknownUniqueExplanation();
};

} // namespace herald
