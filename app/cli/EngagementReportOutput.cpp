#include "EngagementReportOutput.h"

#include "Output.h"
#include "TextTable.h"

#include <QJsonArray>

namespace herald::cli {

namespace {
QJsonValue jsonRate(const std::optional<double>& rate)
{
    return rate ? QJsonValue(*rate) : QJsonValue();
}

QJsonValue jsonTime(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject jsonFigures(const VerdictFigures& figures, bool uniquesKnown)
{
    const auto unique = [uniquesKnown](qint64 count) { return uniquesKnown ? QJsonValue(count) : QJsonValue(); };
    return {{QStringLiteral("opens"), figures.opens},
            {QStringLiteral("unique_opens"), unique(figures.uniqueOpens)},
            {QStringLiteral("implied_opens"), unique(figures.impliedOpens)},
            {QStringLiteral("open_rate"), jsonRate(figures.openRate)},
            {QStringLiteral("clicks"), figures.clicks},
            {QStringLiteral("unique_clicks"), unique(figures.uniqueClicks)},
            {QStringLiteral("click_rate"), jsonRate(figures.clickRate)},
            {QStringLiteral("click_to_open_rate"), jsonRate(figures.clickToOpenRate)}};
}

QString trackingText(Tracking tracking)
{
    switch (tracking) {
    case Tracking::Off:
        return EngagementReportOutput::tr("off (no opens or clicks are recorded)");
    case Tracking::Anonymous:
        return EngagementReportOutput::tr("anonymous (unique opens and clicks are not known; rates are "
                                          "approximate, from the totals)");
    case Tracking::PerRecipient:
        return EngagementReportOutput::tr("per recipient");
    }
    return {};
}
} // namespace

QJsonObject EngagementReportOutput::json(const CampaignEngagement& report)
{
    QJsonArray hourly;
    for (const HourlyEngagement& hour : report.hourly)
        hourly.append(QJsonObject{{QStringLiteral("hour_start"), jsonTime(hour.hourStart)},
                                  {QStringLiteral("human_opens"), hour.humanOpens},
                                  {QStringLiteral("human_clicks"), hour.humanClicks},
                                  {QStringLiteral("machine_opens"), hour.machineOpens},
                                  {QStringLiteral("machine_clicks"), hour.machineClicks}});
    QJsonArray links;
    for (const LinkEngagement& link : report.links)
        links.append(QJsonObject{{QStringLiteral("link_no"), link.linkNo},
                                 {QStringLiteral("url"), link.url},
                                 {QStringLiteral("human_clicks"), link.humanClicks},
                                 {QStringLiteral("unique_human_clickers"),
                                  report.uniquesKnown ? QJsonValue(link.uniqueHumanClickers) : QJsonValue()},
                                 {QStringLiteral("machine_clicks"), link.machineClicks}});
    return {{QStringLiteral("campaign_id"), report.campaignId},
            {QStringLiteral("name"), report.name},
            {QStringLiteral("status"), toString(report.status)},
            {QStringLiteral("tracking"), toString(report.tracking)},
            {QStringLiteral("delivered"), report.delivered},
            {QStringLiteral("first_sent_at"), jsonTime(report.firstSentAt)},
            {QStringLiteral("uniques_known"), report.uniquesKnown},
            {QStringLiteral("approximate"), report.approximate()},
            {QStringLiteral("human"), jsonFigures(report.human, report.uniquesKnown)},
            {QStringLiteral("machine"), jsonFigures(report.machine, report.uniquesKnown)},
            {QStringLiteral("hourly"), hourly},
            {QStringLiteral("links"), links}};
}

void EngagementReportOutput::print(const CampaignEngagement& report)
{
    const bool known = report.uniquesKnown;
    const QString none = QStringLiteral("-");
    const auto rate = [&](const std::optional<double>& value) {
        if (!value)
            return none;
        const QString percent = tr("%1%").arg(*value * 100, 0, 'f', 1);
        return report.approximate() ? tr("~%1").arg(percent) : percent;
    };
    const auto unique = [&](qint64 count) { return known ? QString::number(count) : none; };

    Output::line(tr("Campaign %1: %2").arg(report.campaignId).arg(report.name));
    Output::line(tr("Tracking: %1").arg(trackingText(report.tracking)));
    Output::line(tr("Delivered: %1").arg(report.delivered));
    Output::line(tr("First delivered: %1")
                     .arg(report.firstSentAt.isValid() ? report.firstSentAt.toString(Qt::ISODate) : none));
    if (report.tracking == Tracking::Off)
        return;

    Output::line(QString());
    TextTable figures({QString(), tr("Human"), tr("Machine")}, {false, true, true});
    const VerdictFigures& h = report.human;
    const VerdictFigures& m = report.machine;
    figures.add({tr("Opens"), QString::number(h.opens), QString::number(m.opens)});
    figures.add({tr("Unique opens"), unique(h.uniqueOpens), unique(m.uniqueOpens)});
    figures.add({tr("Open rate"), rate(h.openRate), rate(m.openRate)});
    figures.add({tr("Clicks"), QString::number(h.clicks), QString::number(m.clicks)});
    figures.add({tr("Unique clicks"), unique(h.uniqueClicks), unique(m.uniqueClicks)});
    figures.add({tr("Click rate"), rate(h.clickRate), rate(m.clickRate)});
    figures.add({tr("Click-to-open rate"), rate(h.clickToOpenRate), rate(m.clickToOpenRate)});
    figures.print();

    if (!report.hourly.isEmpty()) {
        Output::line(QString());
        Output::line(tr("The first 7 days, a line per 24 hours from the first delivery (--json has every hour):"));
        TextTable days({tr("From (UTC)"), tr("Human opens"), tr("Human clicks"), tr("Machine opens"),
                        tr("Machine clicks")},
                       {false, true, true, true, true});
        for (const HourlyEngagement& day : engagementBuckets(report.hourly, 24))
            days.add({day.hourStart.toString(QStringLiteral("yyyy-MM-dd HH:mm")), QString::number(day.humanOpens),
                      QString::number(day.humanClicks), QString::number(day.machineOpens),
                      QString::number(day.machineClicks)});
        days.print();
    }

    Output::line(QString());
    if (report.links.isEmpty()) {
        Output::line(tr("No tracked links."));
        return;
    }
    TextTable links({tr("Link"), tr("URL"), tr("Human clicks"), tr("Unique clickers"), tr("Machine clicks")},
                    {true, false, true, true, true});
    for (const LinkEngagement& link : report.links)
        links.add({QString::number(link.linkNo), link.url, QString::number(link.humanClicks),
                   unique(link.uniqueHumanClickers), QString::number(link.machineClicks)});
    links.print();
}

} // namespace herald::cli
