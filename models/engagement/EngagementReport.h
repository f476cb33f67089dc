#pragma once

#include "engagement/EngagementFigures.h"
#include "storage/Database.h"
#include "storage/KeysetPage.h"
#include "storage/SqlDialect.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QList>

namespace herald {

// One recipient who opened or clicked (per-recipient tracking): what the "who opened, who clicked" list shows.
struct EngagementRecipient
{
    qint64 sendId = 0;
    qint64 nonprofitId = 0; // 0 when the nonprofit was deleted since
    QString name;           // the nonprofit's name, empty when it was deleted
    QString email;          // the address the message went to
    QDateTime firstHumanOpen; // invalid: never (a click without an open counts from the click on)
    QDateTime firstHumanClick;
    qint64 humanOpens = 0;
    qint64 humanClicks = 0;
    QList<int> linksClicked; // the link numbers a person clicked, ascending
    bool machineOnly = false; // only machines opened or clicked: no person is known to have seen it
};

// Where the next page of recipients starts: after this send.
struct EngagementRecipientCursor
{
    qint64 sendId = 0;
    bool isStart() const { return sendId == 0; }
};

using EngagementRecipientPage = KeysetPage<EngagementRecipient, EngagementRecipientCursor>;

// Which recipients the list shows.
struct EngagementRecipientFilter
{
    QString searchText;       // in the nonprofit's name, email or city (as the Nonprofits page searches)
    bool humansOnly = false;  // leave out the recipients only machines opened or clicked
};

// Reads a campaign's engagement for the Campaigns, Sending and Dashboard pages and `herald report`: from the
// roll-ups that `herald serve` keeps as events arrive (never from the raw events), plus the campaign's delivered
// count as the queue counts it (SendRepository). Quick with a million recipients; see bench/EngagementBench.
class EngagementReport
{
    Q_DECLARE_TR_FUNCTIONS(herald::EngagementReport)
public:
    explicit EngagementReport(Database& database);

    // Reads the campaign's delivered count from the counts kept beside the queue (CampaignSendCounts; a million
    // sends: 0.4 ms, where counting the rows took 60 to 170 ms), then the roll-ups.
    Result<CampaignEngagement> campaign(qint64 campaignId);
    // The same with the delivered count a page already holds (the Sending page's CampaignProgress::sent, the
    // Campaigns page's SendRepository::countsByCampaign), so that the sends are not counted twice.
    Result<CampaignEngagement> campaign(qint64 campaignId, qint64 delivered);
    // The `count` campaigns whose sending began last (newest first) that track opens and clicks.
    Result<QList<RecentCampaignEngagement>> recentCampaigns(int count);

    // Per-recipient tracking: the recipients who opened or clicked, in send order, a page at a time.
    Result<EngagementRecipientPage> recipients(qint64 campaignId, const EngagementRecipientFilter& filter,
                                               const EngagementRecipientCursor& after, int limit);
    Result<qint64> recipientCount(qint64 campaignId, const EngagementRecipientFilter& filter);

private:
    Status readTotals(const QSqlDatabase& db, CampaignEngagement& report);
    Status readHourly(const QSqlDatabase& db, CampaignEngagement& report);
    Status readLinks(const QSqlDatabase& db, CampaignEngagement& report);

    Database& m_database;
    SqlDialect m_dialect;
};

} // namespace herald
