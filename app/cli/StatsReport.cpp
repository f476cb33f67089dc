#include "StatsReport.h"

#include "metrics/DashboardReader.h"
#include "metrics/QueueSampler.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

namespace herald::cli {

namespace {
const double Quantiles[] = {0.5, 0.95, 0.99};

QString isoTime(qint64 epochSeconds) { return QDateTime::fromSecsSinceEpoch(epochSeconds, Qt::UTC).toString(Qt::ISODate); }

QJsonObject latencyJson(const LatencyHistogram& latency)
{
    return {{QStringLiteral("count"), latency.count()},
            {QStringLiteral("mean"), latency.meanMs()},
            {QStringLiteral("p50"), latency.percentileMs(0.5)},
            {QStringLiteral("p95"), latency.percentileMs(0.95)},
            {QStringLiteral("p99"), latency.percentileMs(0.99)}};
}

QJsonObject outcomesJson(const DashboardFigures::Outcomes& outcomes, double seconds)
{
    return {{QStringLiteral("sent"), outcomes.sent},
            {QStringLiteral("failed"), outcomes.failed},
            {QStringLiteral("retried"), outcomes.retried},
            {QStringLiteral("unknown"), outcomes.unknown},
            {QStringLiteral("sent_per_second"), outcomes.sent / seconds},
            {QStringLiteral("failed_per_second"), outcomes.failed / seconds},
            {QStringLiteral("latency_ms"), latencyJson(outcomes.latency)}};
}

// A label value as the exposition format wants it: backslash, double quote and newline escaped.
QString labelValue(const QString& value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    escaped.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return escaped;
}

QString number(double value) { return QString::number(value, 'g', 12); }

class Exposition
{
public:
    void family(const char* name, const char* type, const char* help)
    {
        m_text += QStringLiteral("# HELP %1 %2\n# TYPE %1 %3\n").arg(QLatin1String(name), QLatin1String(help), QLatin1String(type));
    }
    void sample(const QString& name, const QList<std::pair<QString, QString>>& labels, double value)
    {
        QStringList parts;
        for (const auto& [label, text] : labels)
            parts << QStringLiteral("%1=\"%2\"").arg(label, labelValue(text));
        m_text += name + (parts.isEmpty() ? QString() : QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}'))
            + QLatin1Char(' ') + number(value) + QLatin1Char('\n');
    }
    const QString& text() const { return m_text; }

private:
    QString m_text;
};
} // namespace

QJsonObject StatsReport::json(const DashboardFigures& figures)
{
    const double seconds = std::max<double>(1, figures.seconds());
    QJsonArray series;
    for (const DashboardFigures::Point& point : figures.series) {
        series << QJsonObject{{QStringLiteral("start"), isoTime(point.start)},
                              {QStringLiteral("sent_per_second"), point.sentPerSecond},
                              {QStringLiteral("failed_per_second"), point.failedPerSecond},
                              {QStringLiteral("failure_rate"), point.failureRate}};
    }
    QJsonArray providers;
    for (const DashboardFigures::Outcomes& outcomes : figures.providers) {
        QJsonObject provider = outcomesJson(outcomes, seconds);
        provider.insert(QStringLiteral("name"), outcomes.provider);
        providers << provider;
    }
    QJsonArray reasons;
    for (const DashboardFigures::Reason& reason : figures.reasons) {
        reasons << QJsonObject{{QStringLiteral("reason"), reason.reason},
                               {QStringLiteral("count"), reason.count},
                               {QStringLiteral("example"), reason.example}};
    }
    QJsonArray health;
    for (const DashboardFigures::ProviderHealth& provider : figures.health) {
        health << QJsonObject{{QStringLiteral("name"), provider.provider},
                              {QStringLiteral("breaker"), provider.breaker},
                              {QStringLiteral("senders"), provider.senders},
                              {QStringLiteral("current_per_second"), provider.currentPerSecond},
                              {QStringLiteral("allowed_per_second"), provider.allowedPerSecond},
                              {QStringLiteral("limit_per_second"), provider.limitPerSecond},
                              {QStringLiteral("last_error"), provider.lastError},
                              {QStringLiteral("last_error_at"), provider.lastErrorAt ? QJsonValue(isoTime(provider.lastErrorAt)) : QJsonValue()}};
    }
    return {{QStringLiteral("range"), QJsonObject{{QStringLiteral("from"), isoTime(figures.from)},
                                                   {QStringLiteral("to"), isoTime(figures.to)},
                                                   {QStringLiteral("seconds"), figures.seconds()},
                                                   {QStringLiteral("step_seconds"), figures.stepSeconds}}},
            {QStringLiteral("totals"), outcomesJson(figures.totals, seconds)},
            {QStringLiteral("failure_rate"), QJsonObject{{QStringLiteral("range"), figures.failureRate},
                                                         {QStringLiteral("recent"), figures.recentFailureRate},
                                                         {QStringLiteral("window_seconds"), figures.windowSeconds}}},
            {QStringLiteral("providers"), providers},
            {QStringLiteral("top_failure_reasons"), reasons},
            {QStringLiteral("queue"), QJsonObject{{QStringLiteral("pending"), figures.queue.pending},
                                                  {QStringLiteral("retrying"), figures.queue.retrying},
                                                  {QStringLiteral("in_flight"), figures.queue.inFlight},
                                                  {QStringLiteral("sampled_at"), figures.queue.known() ? QJsonValue(isoTime(figures.queue.at))
                                                                                                       : QJsonValue()}}},
            {QStringLiteral("provider_health"), health},
            {QStringLiteral("series"), series}};
}

Result<DashboardFigures> StatsReport::readCurrent(Database& database, int rangeSeconds, qint64 nowSeconds)
{
    if (auto sampled = QueueSampler(database).sampleIfDue(nowSeconds); !sampled)
        return sampled.error();
    return DashboardReader(database).read(rangeSeconds, nowSeconds);
}

QString StatsReport::prometheus(const DashboardFigures& figures)
{
    const double seconds = std::max<double>(1, figures.seconds());
    Exposition out;
    out.family("herald_range_seconds", "gauge", "Length of the time range the other figures cover.");
    out.sample(QStringLiteral("herald_range_seconds"), {}, double(figures.seconds()));
    out.family("herald_sends", "gauge", "Send outcomes in the range, by provider and outcome.");
    for (const auto& outcomes : figures.providers) {
        const QList<std::pair<const char*, qint64>> counts{{"sent", outcomes.sent}, {"failed", outcomes.failed},
                                                            {"retried", outcomes.retried}, {"unknown", outcomes.unknown}};
        for (const auto& [outcome, n] : counts)
            out.sample(QStringLiteral("herald_sends"), {{QStringLiteral("provider"), outcomes.provider},
                                                       {QStringLiteral("outcome"), QLatin1String(outcome)}}, double(n));
    }
    out.family("herald_sends_per_second", "gauge", "Mean sends per second over the range, by provider and outcome.");
    for (const auto& outcomes : figures.providers) {
        out.sample(QStringLiteral("herald_sends_per_second"),
                   {{QStringLiteral("provider"), outcomes.provider}, {QStringLiteral("outcome"), QStringLiteral("sent")}}, outcomes.sent / seconds);
        out.sample(QStringLiteral("herald_sends_per_second"),
                   {{QStringLiteral("provider"), outcomes.provider}, {QStringLiteral("outcome"), QStringLiteral("failed")}},
                   outcomes.failed / seconds);
    }
    out.family("herald_failure_rate", "gauge", "Share of finished sends that failed, over the range.");
    out.sample(QStringLiteral("herald_failure_rate"), {}, figures.failureRate);
    out.family("herald_failure_rate_recent", "gauge", "Share of finished sends that failed, over the last rolling window.");
    out.sample(QStringLiteral("herald_failure_rate_recent"), {}, figures.recentFailureRate);
    out.family("herald_send_latency_milliseconds", "summary", "Time a provider took to accept a message, by provider.");
    for (const auto& outcomes : figures.providers) {
        for (const double q : Quantiles)
            out.sample(QStringLiteral("herald_send_latency_milliseconds"),
                       {{QStringLiteral("provider"), outcomes.provider}, {QStringLiteral("quantile"), number(q)}},
                       outcomes.latency.percentileMs(q));
        out.sample(QStringLiteral("herald_send_latency_milliseconds_sum"), {{QStringLiteral("provider"), outcomes.provider}},
                   double(outcomes.latency.sumMs()));
        out.sample(QStringLiteral("herald_send_latency_milliseconds_count"), {{QStringLiteral("provider"), outcomes.provider}},
                   double(outcomes.latency.count()));
    }
    out.family("herald_queue_messages", "gauge", "Messages in the queue now, by state.");
    out.sample(QStringLiteral("herald_queue_messages"), {{QStringLiteral("state"), QStringLiteral("pending")}}, double(figures.queue.pending));
    out.sample(QStringLiteral("herald_queue_messages"), {{QStringLiteral("state"), QStringLiteral("retrying")}}, double(figures.queue.retrying));
    out.sample(QStringLiteral("herald_queue_messages"), {{QStringLiteral("state"), QStringLiteral("in_flight")}}, double(figures.queue.inFlight));
    out.family("herald_provider_circuit", "gauge", "1 for the circuit state each provider is in now (idle: no process sends through it).");
    for (const auto& provider : figures.health) {
        for (const char* state : {"closed", "half-open", "open", "idle"})
            out.sample(QStringLiteral("herald_provider_circuit"), {{QStringLiteral("provider"), provider.provider}, {QStringLiteral("state"), QLatin1String(state)}},
                       provider.breaker == QLatin1String(state) ? 1.0 : 0.0);
    }
    out.family("herald_provider_rate_per_second", "gauge", "Each provider's attempts per second over the last minute, the rate kept to, and its limit.");
    for (const auto& provider : figures.health) {
        const QList<std::pair<const char*, double>> rates{{"current", provider.currentPerSecond}, {"allowed", provider.allowedPerSecond},
                                                          {"limit", provider.limitPerSecond}};
        for (const auto& [kind, value] : rates)
            out.sample(QStringLiteral("herald_provider_rate_per_second"),
                       {{QStringLiteral("provider"), provider.provider}, {QStringLiteral("kind"), QLatin1String(kind)}}, value);
    }
    return out.text();
}

QString StatsReport::text(const DashboardFigures& figures)
{
    const double seconds = std::max<double>(1, figures.seconds());
    const QLocale locale;
    const auto& totals = figures.totals;
    QStringList lines;
    lines << tr("From %1 to %2 (UTC)").arg(isoTime(figures.from), isoTime(figures.to));
    lines << tr("Sent %1, failed %2, retried %3, unknown %4")
                 .arg(locale.toString(totals.sent), locale.toString(totals.failed), locale.toString(totals.retried),
                      locale.toString(totals.unknown));
    lines << tr("Rate: %1 sent/s, %2 failed/s").arg(locale.toString(totals.sent / seconds, 'f', 2), locale.toString(totals.failed / seconds, 'f', 2));
    lines << tr("Failure rate: %1 % over the range, %2 % over the last %n minute(s)", nullptr, figures.windowSeconds / 60)
                 .arg(locale.toString(figures.failureRate * 100, 'f', 2), locale.toString(figures.recentFailureRate * 100, 'f', 2));
    lines << tr("Latency: P50 %1 ms, P95 %2 ms, P99 %3 ms")
                 .arg(locale.toString(totals.latency.percentileMs(0.5), 'f', 0), locale.toString(totals.latency.percentileMs(0.95), 'f', 0),
                      locale.toString(totals.latency.percentileMs(0.99), 'f', 0));
    lines << tr("Queue: %1 pending (%2 retrying), %3 in flight")
                 .arg(locale.toString(figures.queue.pending), locale.toString(figures.queue.retrying), locale.toString(figures.queue.inFlight));
    for (const auto& outcomes : figures.providers) {
        lines << tr("  Provider %1: sent %2, failed %3, P95 %4 ms")
                     .arg(outcomes.provider.isEmpty() ? tr("(none)") : outcomes.provider, locale.toString(outcomes.sent),
                          locale.toString(outcomes.failed), locale.toString(outcomes.latency.percentileMs(0.95), 'f', 0));
    }
    for (const auto& provider : figures.health) {
        lines << tr("  %1: circuit %2, %3/s now, kept to %4/s of %5/s%6")
                     .arg(provider.provider, provider.breaker, locale.toString(provider.currentPerSecond, 'f', 1),
                          locale.toString(provider.allowedPerSecond, 'f', 1), locale.toString(provider.limitPerSecond, 'f', 1),
                          provider.lastError.isEmpty() ? QString() : tr(", last error: %1").arg(provider.lastError));
    }
    if (!figures.reasons.isEmpty())
        lines << tr("Top failure reasons:");
    for (const auto& reason : figures.reasons)
        lines << QStringLiteral("  %1  %2").arg(locale.toString(reason.count), 8).arg(reason.reason);
    return lines.join(QLatin1Char('\n'));
}

} // namespace herald::cli
