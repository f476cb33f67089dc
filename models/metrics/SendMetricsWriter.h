#pragma once

#include "domain/Error.h"
#include "sending/ClaimedSend.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QList>

class QJsonArray;

namespace herald {

// Adds a flush's results to the dashboard tables, adding to what other engines wrote: counts per bucket and
// provider (sent, failed, retried, unknown) with the latency histogram in send_metrics, and final failures
// per reason in failure_reasons; both also in 5-minute roll-ups (the *_5min tables) for the long ranges.
class SendMetricsWriter
{
public:
    static constexpr int BucketSeconds = 10;
    static constexpr int RollupSeconds = 300;

    explicit SendMetricsWriter(Database& database);

    // Counts `results` into the buckets holding `epochSeconds` (UTC), in one transaction.
    Status add(const QList<SendResult>& results, qint64 epochSeconds);
    // The same inside the caller's transaction on `db`: the send engine writes results and their counts together,
    // so that the dashboards' figures match the sends table whatever fails in between.
    Status addIn(const QSqlDatabase& db, const QList<SendResult>& results, qint64 epochSeconds);
    // How the dashboards group a failure: the reply code and enhanced code ("550 5.1.1"), else the start of
    // the error text (which may name the address or a host, so it is cut short).
    static QString reasonFor(const DeliveryOutcome& outcome);

private:
    Status addOutcomes(const QSqlDatabase& db, const QString& table, qint64 bucket, const QJsonArray& rows);
    Status addReasons(const QSqlDatabase& db, const QString& table, qint64 bucket, const QJsonArray& rows);

    Database& m_database;
    SqlDialect m_dialect;
};

} // namespace herald
