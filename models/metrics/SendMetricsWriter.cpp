#include "SendMetricsWriter.h"

#include "LatencyHistogram.h"
#include "storage/BoundQuery.h"
#include "storage/JsonRows.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace herald {

namespace {
struct Counts
{
    qint64 sent = 0;
    qint64 failed = 0;
    qint64 retried = 0;
    qint64 unknown = 0;
    LatencyHistogram latency;
};

void count(Counts& counts, const SendResult& result)
{
    qint64* counters[] = {&counts.sent, &counts.failed, &counts.retried, &counts.unknown}; // in SendResult::Tally order
    ++*counters[int(result.tally())];
    if (!result.provider.isEmpty()) // only attempts that reached a provider took time worth measuring
        counts.latency.add(result.latencyMs);
}
} // namespace

SendMetricsWriter::SendMetricsWriter(Database& database) : m_database(database), m_dialect(database.backend()) {}

Status SendMetricsWriter::add(const QList<SendResult>& results, qint64 epochSeconds)
{
    if (results.isEmpty())
        return {};
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
    const QString source = JsonRows::source(m_dialect, {{"provider", "text"}, {"sent", "integer"}, {"failed", "integer"},
                                                        {"retried", "integer"}, {"unknown", "integer"}, {"latency_sum_ms", "bigint"},
                                                        {"le_10", "integer"}, {"le_25", "integer"}, {"le_50", "integer"},
                                                        {"le_100", "integer"}, {"le_250", "integer"}, {"le_500", "integer"},
                                                        {"le_1000", "integer"}, {"le_2500", "integer"}, {"le_5000", "integer"},
                                                        {"le_10000", "integer"}, {"le_inf", "integer"}});
    QStringList columns{QStringLiteral("sent"), QStringLiteral("failed"), QStringLiteral("retried"), QStringLiteral("unknown"),
                        QStringLiteral("latency_sum_ms")};
    columns += buckets;
    QStringList selected;
    QStringList added;
    for (const QString& column : std::as_const(columns)) {
        selected << QStringLiteral("r.") + column;
        added << QStringLiteral("%1 = send_metrics.%1 + excluded.%1").arg(column);
    }
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // "WHERE true" lets SQLite tell the upsert's ON CONFLICT from a join condition.
    BoundQuery query(db.value(), QStringLiteral("INSERT INTO send_metrics (bucket_start, provider, %1) "
                                                "SELECT CAST(:bucket AS bigint), r.provider, %2 FROM %3 WHERE true "
                                                "ON CONFLICT (bucket_start, provider) DO UPDATE SET %4")
                                     .arg(columns.join(QStringLiteral(", ")), selected.join(QStringLiteral(", ")), source,
                                          added.join(QStringLiteral(", "))));
    query.bind(QStringLiteral(":bucket"), epochSeconds - epochSeconds % BucketSeconds);
    query.bind(QStringLiteral(":rows"), JsonRows::text(rows));
    return query.exec(QCoreApplication::translate("SendMetricsWriter", "Could not add %n result(s) to the send metrics", nullptr,
                                                  int(results.size())));
}

} // namespace herald
