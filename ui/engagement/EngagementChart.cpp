#include "EngagementChart.h"

#include "dashboard/ChartPanel.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace herald {

namespace {
QLineSeries* lineSeries(QChart* chart, const QString& name, const QColor& colour, Qt::PenStyle style, qreal width)
{
    auto* series = new QLineSeries(chart);
    series->setName(name);
    QPen pen(colour);
    pen.setWidthF(width);
    pen.setStyle(style);
    series->setPen(pen);
    chart->addSeries(series);
    return series;
}
} // namespace

EngagementChart::EngagementChart(QWidget* parent)
    : QWidget(parent)
    , m_showMachines(new QCheckBox(tr("Show &machines"), this))
{
    auto* chart = new QChart;
    m_humanOpens = lineSeries(chart, tr("People's opens"), QColor(0x1f, 0x5f, 0xa8), Qt::SolidLine, 2.5);
    m_humanClicks = lineSeries(chart, tr("People's clicks"), QColor(0xc0, 0x5a, 0x00), Qt::SolidLine, 2.5);
    m_machineOpens = lineSeries(chart, tr("Machines' opens"), QColor(0x9d, 0xb9, 0xda), Qt::DashLine, 1.5);
    m_machineClicks = lineSeries(chart, tr("Machines' clicks"), QColor(0xe6, 0xb8, 0x8a), Qt::DashLine, 1.5);
    auto* dayAxis = new QValueAxis(chart);
    dayAxis->setRange(0, 7);
    dayAxis->setTickCount(8);
    dayAxis->setMinorTickCount(3); // a minor tick every 6 hours, one per point
    dayAxis->setLabelFormat(QStringLiteral("%d"));
    dayAxis->setTitleText(tr("Days since the first delivery"));
    m_countAxis = new QValueAxis(chart);
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_countAxis->setTitleText(tr("Per %1 hours").arg(BucketHours));
    chart->addAxis(dayAxis, Qt::AlignBottom);
    chart->addAxis(m_countAxis, Qt::AlignLeft);
    for (QLineSeries* series : this->series()) {
        series->attachAxis(dayAxis);
        series->attachAxis(m_countAxis);
    }

    m_panel = new ChartPanel(QStringLiteral("engagement"), tr("Opens and clicks in the first 7 days"), chart, this);
    m_panel->view()->setMinimumHeight(240);
    m_showMachines->setObjectName(QStringLiteral("showMachinesCheck"));
    m_showMachines->setToolTip(tr("Add the opens and clicks of link scanners and image proxies, as light dashed lines."));
    connect(m_showMachines, &QCheckBox::toggled, this, &EngagementChart::showMachines);
    showMachines(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_panel, 1);
    layout->addWidget(m_showMachines);
}

void EngagementChart::showReport(const CampaignEngagement& report)
{
    const QList<HourlyEngagement> buckets = engagementBuckets(report.hourly, BucketHours);
    QList<QPointF> humanOpens, humanClicks, machineOpens, machineClicks;
    QList<QStringList> rows;
    for (qsizetype i = 0; i < buckets.size(); ++i) {
        const HourlyEngagement& bucket = buckets.at(i);
        const qreal day = qreal(i * BucketHours) / 24;
        humanOpens << QPointF(day, qreal(bucket.humanOpens));
        humanClicks << QPointF(day, qreal(bucket.humanClicks));
        machineOpens << QPointF(day, qreal(bucket.machineOpens));
        machineClicks << QPointF(day, qreal(bucket.machineClicks));
        rows << QStringList{bucket.hourStart.toUTC().toString(Qt::ISODate), QString::number(bucket.humanOpens),
                            QString::number(bucket.humanClicks), QString::number(bucket.machineOpens),
                            QString::number(bucket.machineClicks)};
    }
    m_humanOpens->replace(humanOpens);
    m_humanClicks->replace(humanClicks);
    m_machineOpens->replace(machineOpens);
    m_machineClicks->replace(machineClicks);
    m_panel->setTable({QStringLiteral("from_utc"), QStringLiteral("human_opens"), QStringLiteral("human_clicks"),
                       QStringLiteral("machine_opens"), QStringLiteral("machine_clicks")},
                      rows);
    fitValueAxis();
}

void EngagementChart::showMachines(bool shown)
{
    m_machineOpens->setVisible(shown);
    m_machineClicks->setVisible(shown);
    fitValueAxis();
}

void EngagementChart::fitValueAxis()
{
    qreal peak = 4; // a quiet campaign still gets a few ticks rather than 0 to 1
    for (const QLineSeries* series : series()) {
        if (!series->isVisible())
            continue;
        for (const QPointF& point : series->points())
            peak = std::max(peak, point.y());
    }
    m_countAxis->setRange(0, peak * 1.1);
    m_countAxis->applyNiceNumbers();
}

} // namespace herald
