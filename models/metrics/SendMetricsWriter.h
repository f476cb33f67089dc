#pragma once

#include "domain/Error.h"
#include "sending/ClaimedSend.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QList>

namespace herald {

// Adds a flush's results to send_metrics: counts per 10-second bucket and provider (sent, failed,
// retried, unknown) and the latency histogram, in one upsert that adds to what other engines wrote.
class SendMetricsWriter
{
public:
    static constexpr int BucketSeconds = 10;

    explicit SendMetricsWriter(Database& database);

    // Counts `results` into the bucket holding `epochSeconds` (UTC).
    Status add(const QList<SendResult>& results, qint64 epochSeconds);

private:
    Database& m_database;
    SqlDialect m_dialect;
};

} // namespace herald
