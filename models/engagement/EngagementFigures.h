#pragma once

#include "domain/Campaign.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace herald {

// Who an open or a click is ascribed to (engagement_events.verdict): a person, or a machine (a mail server's
// link scanner, a proxy that fetches every image).
enum class Verdict { Human, Machine };

QString toString(Verdict verdict);
bool fromString(const QString& text, Verdict* verdict);

// One verdict's opens and clicks in a campaign (campaign_engagement) and the rates they give.
struct VerdictFigures
{
    qint64 opens = 0;        // open events
    qint64 clicks = 0;       // click events
    qint64 uniqueOpens = 0;  // recipients who opened, a click without an earlier open counting as one (0: unknown)
    qint64 impliedOpens = 0; // of uniqueOpens, those known from a click only
    qint64 uniqueClicks = 0; // recipients who clicked (0: unknown)
    // Fractions (0.25 is 25 %), none while their denominator is 0. With per-recipient tracking: unique opens and
    // unique clicks of delivered, unique clicks of unique opens; otherwise the same from the event totals, which
    // count a recipient who opens twice twice (approximate, and may pass 100 %).
    std::optional<double> openRate;
    std::optional<double> clickRate;
    std::optional<double> clickToOpenRate;

    // Fills the rates from the counts.
    void computeRates(qint64 delivered, bool uniquesKnown);
};

// Opens and clicks in one hour of a campaign's first days (engagement_hourly).
struct HourlyEngagement
{
    QDateTime hourStart; // UTC
    qint64 humanOpens = 0;
    qint64 humanClicks = 0;
    qint64 machineOpens = 0;
    qint64 machineClicks = 0;
};

// The hourly series summed into buckets of `hours` hours, each starting at its first hour (the last may hold fewer
// hours): the command line prints the first week by day, the window draws it every 6 hours.
QList<HourlyEngagement> engagementBuckets(const QList<HourlyEngagement>& hourly, int hours);

// One tracked link of a campaign (campaign_links and link_engagement).
struct LinkEngagement
{
    int linkNo = 0;
    QString url; // as written in the template, placeholders and all
    qint64 humanClicks = 0;
    qint64 machineClicks = 0;
    qint64 uniqueHumanClickers = 0; // per-recipient tracking only (0: unknown)
};

// A campaign's engagement report: what the Campaigns and Sending pages and `herald report campaign` show.
struct CampaignEngagement
{
    static constexpr int SeriesHours = 7 * 24;

    qint64 campaignId = 0;
    QString name;
    CampaignStatus status = CampaignStatus::Draft;
    Tracking tracking = Tracking::Anonymous;
    qint64 delivered = 0;  // messages sent (status sent)
    QDateTime firstSentAt; // the first message delivered; invalid before that
    // Per-recipient tracking counts unique opens and clicks per recipient; anonymous tracking cannot, and its rates
    // come from event totals (approximate). Nothing is tracked when tracking is off.
    bool uniquesKnown = false;
    bool approximate() const { return !uniquesKnown; }
    VerdictFigures human;
    VerdictFigures machine;
    // SeriesHours hours from the hour of firstSentAt, every hour present (zero when nothing happened); empty before
    // the first delivery.
    QList<HourlyEngagement> hourly;
    QList<LinkEngagement> links; // by link number; the hidden trap link is not among them

    const VerdictFigures& figures(Verdict verdict) const { return verdict == Verdict::Human ? human : machine; }
};

// One campaign on the Dashboard's engagement chart: people's opens and clicks only.
struct RecentCampaignEngagement
{
    qint64 campaignId = 0;
    QString name;
    Tracking tracking = Tracking::Anonymous;
    QDateTime firstSentAt;
    qint64 delivered = 0;
    bool uniquesKnown = false;
    VerdictFigures human;
};

} // namespace herald
