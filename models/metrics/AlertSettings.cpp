#include "AlertSettings.h"

#include "storage/AppSettingsRepository.h"
#include "storage/Transaction.h"

namespace herald {

namespace {
// One row per threshold: its key in app_settings and where it lives in AlertThresholds (defaults come from there).
struct Key
{
    const char* name;
    double (*get)(const AlertThresholds&);
    void (*set)(AlertThresholds&, double);
};
const Key Keys[] = {
    {"alert_failure_rate_percent", [](const AlertThresholds& t) { return t.failureRatePercent; },
     [](AlertThresholds& t, double v) { t.failureRatePercent = v; }},
    {"alert_failure_window_minutes", [](const AlertThresholds& t) { return double(t.failureWindowMinutes); },
     [](AlertThresholds& t, double v) { t.failureWindowMinutes = int(v); }},
    {"alert_minimum_finished", [](const AlertThresholds& t) { return double(t.minimumFinished); },
     [](AlertThresholds& t, double v) { t.minimumFinished = int(v); }},
    {"alert_queue_stall_minutes", [](const AlertThresholds& t) { return double(t.queueStallMinutes); },
     [](AlertThresholds& t, double v) { t.queueStallMinutes = int(v); }},
    {"alert_circuit_open", [](const AlertThresholds& t) { return t.circuitOpen ? 1.0 : 0.0; },
     [](AlertThresholds& t, double v) { t.circuitOpen = v != 0; }},
};
} // namespace

Result<AlertThresholds> AlertSettings::load()
{
    AppSettingsRepository settings(m_database);
    AlertThresholds thresholds;
    for (const Key& key : Keys) {
        auto stored = settings.value(QLatin1String(key.name));
        if (!stored) {
            if (stored.error().kind == Error::Kind::NotFound)
                continue;
            return stored.error();
        }
        bool ok = false;
        const double value = stored->toDouble(&ok);
        if (ok)
            key.set(thresholds, value);
    }
    return thresholds;
}

QString AlertSettings::problem(const AlertThresholds& thresholds)
{
    if (thresholds.failureRatePercent <= 0 || thresholds.failureRatePercent >= 100)
        return tr("The failure rate must be between 0 and 100 %.");
    if (thresholds.failureWindowMinutes < 1 || thresholds.failureWindowMinutes > 360)
        return tr("The failure rate window must be 1 to 360 minutes.");
    if (thresholds.queueStallMinutes < 0 || thresholds.queueStallMinutes > 360)
        return tr("The queue alert time must be 0 (off) to 360 minutes.");
    if (thresholds.minimumFinished < 0)
        return tr("The number of messages needed must not be negative.");
    return {};
}

Status AlertSettings::save(const AlertThresholds& thresholds)
{
    if (const QString why = problem(thresholds); !why.isEmpty())
        return Error::make(Error::Kind::Validation, why);
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun;
    AppSettingsRepository settings(m_database);
    for (const Key& key : Keys) {
        if (auto done = settings.setValue(QLatin1String(key.name), QString::number(key.get(thresholds), 'g', 10)); !done)
            return done;
    }
    return transaction.commit();
}

} // namespace herald
