#pragma once

#include <QList>
#include <QString>

namespace herald {

// Something about sending that needs a person: raised from the dashboard figures by AlertEvaluator,
// recorded in the alerts table, shown as a banner and a desktop notification.
struct Alert
{
    enum class Kind { FailureRate, QueueStalled, CircuitOpen };

    Kind kind = Kind::FailureRate;
    QString subject; // the provider of a circuit alert; empty otherwise
    QString detail;  // the figures behind it, for people ("4.2 % of 380 messages over 5 minutes")
    qint64 since = 0; // epoch seconds: when it was raised (or when the queue stopped draining)

    // The stored name of a kind ("failure_rate", "queue_stalled", "circuit_open").
    static QString kindName(Kind kind);
    static bool kindFromName(const QString& name, Kind* kind);
    // What it is, in a sentence for the banner ("Failure rate above 3 %").
    QString title() const;
    bool sameAs(const Alert& other) const { return kind == other.kind && subject == other.subject; }
};

// What raises an alert; stored in the database settings so every instance agrees (AlertSettings).
struct AlertThresholds
{
    double failureRatePercent = 3.0; // raised when the failure rate is above this
    int failureWindowMinutes = 5;    // over this rolling window
    int minimumFinished = 20;        // fewer finished messages than this in the window say too little
    int queueStallMinutes = 10;      // raised when the queue has not gone down for this long
    bool circuitOpen = true;         // raised while a provider's circuit is open

    bool operator==(const AlertThresholds& other) const
    {
        return failureRatePercent == other.failureRatePercent && failureWindowMinutes == other.failureWindowMinutes
            && minimumFinished == other.minimumFinished && queueStallMinutes == other.queueStallMinutes
            && circuitOpen == other.circuitOpen;
    }
};

} // namespace herald
