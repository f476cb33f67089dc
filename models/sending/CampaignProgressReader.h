#pragma once

#include "domain/Campaign.h"
#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace herald {

// Where one campaign's queue stands, counted in the database (so rows sent by other processes count too).
struct CampaignProgress
{
    qint64 campaignId = 0;
    QString name;
    CampaignStatus status = CampaignStatus::Draft;
    qint64 sent = 0;
    qint64 failed = 0;
    qint64 retrying = 0;  // pending again after a temporary failure (the row keeps its error)
    qint64 pending = 0;   // not tried yet, or in a sender's hands now
    qint64 unknown = 0;
    qint64 suppressed = 0;

    qint64 total() const { return sent + failed + retrying + pending + unknown + suppressed; }
    qint64 done() const { return sent + failed + suppressed; }
    qint64 left() const { return retrying + pending; }
};

// Why failed messages failed, one line per reply code, for a finished campaign's delivery chart.
struct FailureReason
{
    int smtpCode = 0;   // 0 when no server reply was recorded
    QString example;    // one of the error texts with that code
    qint64 count = 0;
};

// Reads the figures the Sending page shows, a few times a second, on a worker thread: counts by status
// of the campaigns being sent or paused and of the few most recently finished, from the counts kept beside
// the queue (CampaignSendCounts), so a campaign of a million messages costs a handful of rows a read.
class CampaignProgressReader
{
    Q_DECLARE_TR_FUNCTIONS(herald::CampaignProgressReader)
public:
    static constexpr int RecentlyFinished = 3;

    explicit CampaignProgressReader(Database& database);

    // Sending and paused campaigns, then the most recently completed or cancelled ones.
    Result<QList<CampaignProgress>> read();
    Result<QList<FailureReason>> failureReasons(qint64 campaignId);

private:
    Database& m_database;
    SqlDialect m_dialect;
};

} // namespace herald
