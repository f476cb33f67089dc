#include "Alert.h"

#include <QCoreApplication>

namespace herald {

namespace {
const std::pair<Alert::Kind, const char*> KindNames[] = {
    {Alert::Kind::FailureRate, "failure_rate"}, {Alert::Kind::QueueStalled, "queue_stalled"}, {Alert::Kind::CircuitOpen, "circuit_open"}};
} // namespace

QString Alert::kindName(Kind kind)
{
    for (const auto& [candidate, name] : KindNames) {
        if (candidate == kind)
            return QLatin1String(name);
    }
    return {};
}

bool Alert::kindFromName(const QString& name, Kind* kind)
{
    for (const auto& [candidate, text] : KindNames) {
        if (name == QLatin1String(text)) {
            *kind = candidate;
            return true;
        }
    }
    return false;
}

QString Alert::title() const
{
    switch (kind) {
    case Kind::FailureRate:
        return QCoreApplication::translate("Alert", "High failure rate");
    case Kind::QueueStalled:
        return QCoreApplication::translate("Alert", "The queue is not draining");
    case Kind::CircuitOpen:
        return QCoreApplication::translate("Alert", "Provider %1 is failing (circuit open)").arg(subject);
    }
    return {};
}

} // namespace herald
