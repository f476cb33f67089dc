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

QList<HourlyEngagement> engagementBuckets(const QList<HourlyEngagement>& hourly, int hours)
{
    QList<HourlyEngagement> buckets;
    if (hours <= 0)
        return buckets;
    for (qsizetype first = 0; first < hourly.size(); first += hours) {
        HourlyEngagement bucket{hourly.at(first).hourStart};
        for (qsizetype hour = first; hour < first + hours && hour < hourly.size(); ++hour) {
            bucket.humanOpens += hourly.at(hour).humanOpens;
            bucket.humanClicks += hourly.at(hour).humanClicks;
            bucket.machineOpens += hourly.at(hour).machineOpens;
            bucket.machineClicks += hourly.at(hour).machineClicks;
        }
        buckets << bucket;
    }
    return buckets;
}

} // namespace herald
