#include "RecentEngagementChart.h"

#include "ChartPanel.h"
#include "ChartStyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QLocale>
#include <QSet>
#include <QToolTip>
#include <QValueAxis>

namespace herald {

using namespace chartstyle;

namespace {
QBarSet* barSet(const QString& name, const QColor& colour, QHorizontalBarSeries* series)
{
    auto* set = new QBarSet(name, series);
    set->setColor(colour);
    set->setBorderColor(colour);
    // A bar's "selected" colour is the only colour QtCharts lets one bar of a set have: approximate rates get it,
    // the set's colour half way to white.
    set->setSelectedColor(QColor((colour.red() + 255) / 2, (colour.green() + 255) / 2, (colour.blue() + 255) / 2));
    series->append(set);
    return set;
}

double percent(const std::optional<double>& rate) { return rate ? *rate * 100 : 0; }
QString csvPercent(const std::optional<double>& rate) { return rate ? QString::number(*rate * 100, 'f', 2) : QString(); }
} // namespace

RecentEngagementChart::RecentEngagementChart(QWidget* page)
    : QObject(page)
{
    auto* chart = new QChart;
    chart->setLocalizeNumbers(true);
    m_series = new QHorizontalBarSeries(chart);
    m_openRates = barSet(tr("Open rate"), Blue, m_series);
    m_clickRates = barSet(tr("Click rate"), Orange, m_series);
    chart->addSeries(m_series);
    m_panel = new ChartPanel(QStringLiteral("engagement"), tr("Opens and clicks by people, recent campaigns"), chart, page);
    m_panel->view()->setMinimumHeight(260); // two bars for each of eight campaigns
    m_campaignAxis = new QBarCategoryAxis(chart);
    chart->addAxis(m_campaignAxis, Qt::AlignLeft);
    m_rateAxis = valueAxis(chart, tr("% of messages delivered"), QStringLiteral("%.0f %"), Qt::AlignBottom); // localised: no printf escapes
    m_series->attachAxis(m_campaignAxis);
    m_series->attachAxis(m_rateAxis);
    m_panel->setNote(tr("People only: opens and clicks by machines (link scanners, privacy proxies) are left out, as "
                        "are campaigns without tracking. ~ Approximate (lighter bars): anonymous tracking counts "
                        "every open and click, so a person who opens twice counts twice."));
    connect(m_series, &QHorizontalBarSeries::hovered, this, &RecentEngagementChart::showBarTip);
}

void RecentEngagementChart::showBarTip(bool entered, int index, QBarSet* set)
{
    if (!entered || index < 0 || index >= m_shown.size()) {
        QToolTip::hideText();
        return;
    }
    const RecentCampaignEngagement& campaign = m_shown.at(index);
    const std::optional<double>& rate = set == m_openRates ? campaign.human.openRate : campaign.human.clickRate;
    QToolTip::showText(QCursor::pos(), tr("%1, %2: %3 % of %L4 messages delivered")
                                           .arg(campaign.name, set->label(), QLocale().toString(percent(rate), 'f', 1))
                                           .arg(campaign.delivered));
}

void RecentEngagementChart::showCampaigns(const QList<RecentCampaignEngagement>& campaigns)
{
    QStringList names;
    QList<qreal> opens;
    QList<qreal> clicks;
    QList<int> approximate;
    QList<QStringList> rows;
    QSet<QString> used;
    m_shown.clear();
    double peak = 0;
    // The axis draws its first category at the bottom: the oldest goes first, so the newest is on top.
    for (auto campaign = campaigns.crbegin(); campaign != campaigns.crend(); ++campaign) {
        QString name = campaign->uniquesKnown ? campaign->name : tr("~ %1").arg(campaign->name);
        if (used.contains(name)) // the axis keeps one category per name
            name = tr("%1 (#%2)").arg(name).arg(campaign->campaignId);
        used.insert(name);
        if (!campaign->uniquesKnown)
            approximate << int(names.size());
        names << name;
        m_shown << *campaign;
        opens << percent(campaign->human.openRate);
        clicks << percent(campaign->human.clickRate);
        peak = std::max({peak, opens.last(), clicks.last()});
        rows.prepend({campaign->name, toString(campaign->tracking), QString::number(campaign->delivered),
                      csvPercent(campaign->human.openRate), csvPercent(campaign->human.clickRate),
                      campaign->uniquesKnown ? QStringLiteral("no") : QStringLiteral("yes")});
    }
    for (QBarSet* set : {m_openRates, m_clickRates}) {
        set->deselectAllBars();
        if (set->count() > 0)
            set->remove(0, set->count());
    }
    m_campaignAxis->clear();
    m_campaignAxis->append(names);
    m_openRates->append(opens);
    m_clickRates->append(clicks);
    for (QBarSet* set : {m_openRates, m_clickRates})
        set->selectBars(approximate);
    fitAxis(m_rateAxis, peak, 10);
    m_panel->setPlaceholder(campaigns.isEmpty() ? tr("No tracked campaigns yet") : QString());
    m_panel->setTable({QStringLiteral("campaign"), QStringLiteral("tracking"), QStringLiteral("delivered"),
                       QStringLiteral("human_open_rate_percent"), QStringLiteral("human_click_rate_percent"),
                       QStringLiteral("approximate")},
                      rows);
}

} // namespace herald
