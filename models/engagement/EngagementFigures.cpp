#include "EngagementFigures.h"

#include "domain/EnumText.h"

namespace herald {

QString toString(Verdict verdict)
{
    return verdict == Verdict::Machine ? QStringLiteral("machine") : QStringLiteral("human");
}

bool fromString(const QString& text, Verdict* verdict)
{
    return parseEnum(text, {Verdict::Human, Verdict::Machine}, verdict);
}

namespace {
std::optional<double> fraction(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return std::nullopt;
    return double(part) / double(whole);
}
} // namespace

void VerdictFigures::computeRates(qint64 delivered, bool uniquesKnown)
{
    const qint64 opened = uniquesKnown ? uniqueOpens : opens;
    const qint64 clicked = uniquesKnown ? uniqueClicks : clicks;
    openRate = fraction(opened, delivered);
    clickRate = fraction(clicked, delivered);
    clickToOpenRate = fraction(clicked, opened);
}

} // namespace herald
