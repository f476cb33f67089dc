#include "SendMetricsWriter.h"

#include "LatencyHistogram.h"
#include "storage/BoundQuery.h"
#include "storage/JsonRows.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace herald {

namespace {
constexpr int ReasonLength = 60;

struct Counts
{
    qint64 sent = 0;
    qint64 failed = 0;
    qint64 retried = 0;
    qint64 unknown = 0;
    LatencyHistogram latency;
};

struct ReasonCount
{
    qint64 failures = 0;
    QString example;
};

void count(Counts& counts, const SendResult& result)
{
    qint64* counters[] = {&counts.sent, &counts.failed, &counts.retried, &counts.unknown}; // in SendResult::Tally order
    ++*counters[int(result.tally())];
    if (!result.provider.isEmpty()) // only attempts that reached a provider took time worth measuring
        counts.latency.add(result.latencyMs);
}

QJsonArray outcomeRows(const QList<SendResult>& results)
{
    QHash<QString, Counts> byProvider;
    for (const SendResult& result : results)
        count(byProvider[result.provider], result);
    const QStringList& buckets = LatencyHistogram::columns();
    QJsonArray rows;
    for (auto it = byProvider.cbegin(); it != byProvider.cend(); ++it) {
        QJsonObject row{{QStringLiteral("provider"), it.key()},     {QStringLiteral("sent"), it->sent},
                        {QStringLiteral("failed"), it->failed},     {QStringLiteral("retried"), it->retried},
                        {QStringLiteral("unknown"), it->unknown},   {QStringLiteral("latency_sum_ms"), it->latency.sumMs()}};
        for (int i = 0; i < buckets.size(); ++i)
            row.insert(buckets.at(i), it->latency.countIn(i));
        rows << row;
    }
    return rows;
}

QJsonArray reasonRows(const QList<SendResult>& results)
{
    QHash<QString, ReasonCount> byReason;
    for (const SendResult& result : results) {
        if (result.tally() != SendResult::Tally::Failed)
            continue;
        ReasonCount& reason = byReason[SendMetricsWriter::reasonFor(result.outcome)];
        ++reason.failures;
        if (reason.example.isEmpty())
            reason.example = result.outcome.text;
    }
    QJsonArray rows;
    for (auto it = byReason.cbegin(); it != byReason.cend(); ++it)
        rows << QJsonObject{{QStringLiteral("reason"), it.key()}, {QStringLiteral("failures"), it->failures},
                            {QStringLiteral("example"), it->example}};
    return rows;
}
} // namespace

SendMetricsWriter::SendMetricsWriter(Database& database) : m_database(database), m_dialect(database.backend()) {}

QString SendMetricsWriter::reasonFor(const DeliveryOutcome& outcome)
{
    if (outcome.code > 0 && !outcome.enhanced.isEmpty())
        return QStringLiteral("%1 %2").arg(outcome.code).arg(outcome.enhanced);
    QString text = outcome.text.simplified();
    const QString code = outcome.code > 0 ? QString::number(outcome.code) : QString();
    if (!code.isEmpty() && !text.startsWith(code)) // an HTTP API's message leaves out the status
        text = (code + QLatin1Char(' ') + text).trimmed();
    return text.left(ReasonLength);
}

Status SendMetricsWriter::add(const QList<SendResult>& results, qint64 epochSeconds)
{
    if (results.isEmpty())
        return {};
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    Transaction transaction(db.value());
    if (auto begun = transaction.begin(); !begun)
        return begun;
    if (auto added = addIn(db.value(), results, epochSeconds); !added)
        return added;
    return transaction.commit();
}

Status SendMetricsWriter::addIn(const QSqlDatabase& db, const QList<SendResult>& results, qint64 epochSeconds)
{
    if (results.isEmpty())
        return {};
    const QJsonArray outcomes = outcomeRows(results);
    const QJsonArray reasons = reasonRows(results);
    const std::pair<QString, qint64> resolutions[] = {{QString(), BucketSeconds}, {QStringLiteral("_5min"), RollupSeconds}};
    for (const auto& [suffix, seconds] : resolutions) {
        const qint64 bucket = epochSeconds - epochSeconds % seconds;
        if (auto done = addOutcomes(db, QStringLiteral("send_metrics") + suffix, bucket, outcomes); !done)
            return done;
        if (reasons.isEmpty())
            continue;
        if (auto done = addReasons(db, QStringLiteral("failure_reasons") + suffix, bucket, reasons); !done)
            return done;
    }
    return {};
}

Status SendMetricsWriter::addOutcomes(const QSqlDatabase& db, const QString& table, qint64 bucket, const QJsonArray& rows)
{
    const QString source = JsonRows::source(m_dialect, {{"provider", "text"}, {"sent", "integer"}, {"failed", "integer"},
                                                        {"retried", "integer"}, {"unknown", "integer"}, {"latency_sum_ms", "bigint"},
                                                        {"le_10", "integer"}, {"le_25", "integer"}, {"le_50", "integer"},
                                                        {"le_100", "integer"}, {"le_250", "integer"}, {"le_500", "integer"},
                                                        {"le_1000", "integer"}, {"le_2500", "integer"}, {"le_5000", "integer"},
                                                        {"le_10000", "integer"}, {"le_inf", "integer"}});
    QStringList columns{QStringLiteral("sent"), QStringLiteral("failed"), QStringLiteral("retried"), QStringLiteral("unknown"),
                        QStringLiteral("latency_sum_ms")};
    columns += LatencyHistogram::columns();
    QStringList selected;
    QStringList added;
    for (const QString& column : std::as_const(columns)) {
        selected << QStringLiteral("r.") + column;
        added << QStringLiteral("%1 = %2.%1 + excluded.%1").arg(column, table);
    }
    // "WHERE true" lets SQLite tell the upsert's ON CONFLICT from a join condition.
    BoundQuery query(db, QStringLiteral("INSERT INTO %5 (bucket_start, provider, %1) "
                                        "SELECT CAST(:bucket AS bigint), r.provider, %2 FROM %3 WHERE true "
                                        "ON CONFLICT (bucket_start, provider) DO UPDATE SET %4")
                             .arg(columns.join(QStringLiteral(", ")), selected.join(QStringLiteral(", ")), source,
                                  added.join(QStringLiteral(", ")), table), BoundQuery::Lifetime::KeptPrepared);
    query.bind(QStringLiteral(":bucket"), bucket);
    query.bind(QStringLiteral(":rows"), JsonRows::text(rows));
    return query.exec(QCoreApplication::translate("SendMetricsWriter", "Could not add results to the send metrics"));
}

Status SendMetricsWriter::addReasons(const QSqlDatabase& db, const QString& table, qint64 bucket, const QJsonArray& rows)
{
    const QString source = JsonRows::source(m_dialect, {{"reason", "text"}, {"failures", "integer"}, {"example", "text"}});
    BoundQuery query(db, QStringLiteral("INSERT INTO %1 (bucket_start, reason, failures, example) "
                                        "SELECT CAST(:bucket AS bigint), r.reason, r.failures, r.example FROM %2 WHERE true "
                                        "ON CONFLICT (bucket_start, reason) DO UPDATE SET failures = %1.failures + excluded.failures")
                             .arg(table, source), BoundQuery::Lifetime::KeptPrepared);
    query.bind(QStringLiteral(":bucket"), bucket);
    query.bind(QStringLiteral(":rows"), JsonRows::text(rows));
    return query.exec(QCoreApplication::translate("SendMetricsWriter", "Could not add failure reasons to the send metrics"));
}

} // namespace herald
