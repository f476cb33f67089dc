#include "StatsCommand.h"

#include "CommandArguments.h"
#include "Output.h"
#include "ProfileOpener.h"
#include "StatsReport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>

namespace herald::cli {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("herald::cli", text); }

const std::pair<const char*, qint64> Ranges[] = {{"15m", 15 * 60}, {"1h", 3600}, {"24h", 24 * 3600}, {"7d", 7 * 24 * 3600}};

// Kept in step with StatsReport::json (tests/app/TestStatsCommand checks every key).
QString jsonSchema()
{
    return tr("JSON output (--json), one object:\n"
              "  range: {from, to (ISO 8601 UTC), seconds, step_seconds}\n"
              "  totals: {sent, failed, retried, unknown, sent_per_second, failed_per_second,\n"
              "           latency_ms: {count, mean, p50, p95, p99}}\n"
              "  failure_rate: {range, recent, window_seconds}   (0..1: failed / (sent + failed))\n"
              "  providers: [{name, and the same keys as totals}]\n"
              "  top_failure_reasons: [{reason, count, example}]   (at most 5, most frequent first)\n"
              "  queue: {pending, retrying, in_flight, sampled_at}   (the latest sample, not over the range;\n"
              "         campaigns that are sending; sampled_at null when never sampled)\n"
              "  provider_health: [{name, breaker (closed|half-open|open|idle), senders, current_per_second,\n"
              "                     allowed_per_second, limit_per_second, last_error, last_error_at}]   (now)\n"
              "  series: [{start (ISO 8601 UTC), sent_per_second, failed_per_second, failure_rate}]\n"
              "          (one point per step_seconds; failure_rate over the rolling window)");
}
} // namespace

int StatsCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Prints sending figures for a time range: sends and failures per second, failure rate, "
                                        "latency percentiles, top failure reasons and queue depth.\n\n")
                                     + jsonSchema());
    const QCommandLineOption profile = CommandArguments::profileOption();
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON (schema above)."));
    const QCommandLineOption prometheus(QStringLiteral("prometheus"), tr("Print Prometheus text exposition format."));
    const QCommandLineOption range(QStringLiteral("range"), tr("The time range up to now: 15m, 1h, 24h or 7d (default 1h)."),
                                   tr("range"), QStringLiteral("1h"));
    parser.addOptions({profile, json, prometheus, range});
    if (const int done = CommandArguments::parse(parser, arguments); done != CommandArguments::Continue)
        return done;
    qint64 rangeSeconds = 0;
    for (const auto& [name, seconds] : Ranges) {
        if (parser.value(range) == QLatin1String(name))
            rangeSeconds = seconds;
    }
    if (rangeSeconds == 0 || (parser.isSet(json) && parser.isSet(prometheus))) {
        Output::error(tr("Usage: herald stats [--profile NAME] [--json | --prometheus] [--range 15m|1h|24h|7d]"));
        return 2;
    }
    auto database = ProfileOpener::open(parser.value(profile));
    if (!database) {
        Output::error(database.error().message);
        return 1;
    }
    auto figures = StatsReport::readCurrent(*database.value(), rangeSeconds, QDateTime::currentSecsSinceEpoch());
    if (!figures) {
        Output::error(figures.error().message);
        return 1;
    }
    if (parser.isSet(json))
        Output::out() << QJsonDocument(StatsReport::json(figures.value())).toJson(QJsonDocument::Indented);
    else if (parser.isSet(prometheus))
        Output::out() << StatsReport::prometheus(figures.value());
    else
        Output::line(StatsReport::text(figures.value()));
    Output::out().flush();
    return 0;
}

} // namespace herald::cli
