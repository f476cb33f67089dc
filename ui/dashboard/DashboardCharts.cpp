#include "DashboardCharts.h"

#include "ChartPanel.h"
#include "ChartStyle.h"
#include "metrics/DashboardFigures.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

namespace herald {

using namespace chartstyle;

namespace {
const double Quantiles[] = {0.5, 0.95, 0.99};

QLineSeries* lineSeries(QChart* chart, const QString& name, const QColor& colour, Qt::PenStyle style = Qt::SolidLine)
{
    auto* series = new QLineSeries(chart);
    series->setName(name);
    QPen pen(colour);
    pen.setWidthF(2.0);
    pen.setStyle(style);
    series->setPen(pen);
    chart->addSeries(series);
    return series;
}

QString isoTime(qint64 epochSeconds) { return QDateTime::fromSecsSinceEpoch(epochSeconds, Qt::UTC).toString(Qt::ISODate); }
QString number(double value, int decimals) { return QString::number(value, 'f', decimals); }
qint64 msecs(qint64 epochSeconds) { return epochSeconds * 1000; }
} // namespace

DashboardCharts::DashboardCharts(QWidget* page)
    : QObject(page)
{
    buildQueueChart(page);
    buildThroughputChart(page);
    buildFailureRateChart(page);
    buildLatencyChart(page);
}

QDateTimeAxis* DashboardCharts::addTimeAxis(ChartPanel* panel)
{
    auto* axis = new QDateTimeAxis(panel->chart());
    axis->setTickCount(6);
    axis->setTitleText(tr("Local time"));
    panel->chart()->addAxis(axis, Qt::AlignBottom);
    m_timeAxes << axis;
    return axis;
}

ChartPanel* DashboardCharts::buildQueueChart(QWidget* page)
{
    auto* chart = new QChart;
    m_pendingSeries = lineSeries(chart, tr("Waiting"), Blue);
    m_retryingSeries = lineSeries(chart, tr("Retrying"), Orange);
    m_inFlightSeries = lineSeries(chart, tr("In flight"), Green);
    auto* panel = new ChartPanel(QStringLiteral("queue"), tr("Queue depth"), chart, page);
    QDateTimeAxis* time = addTimeAxis(panel);
    m_queueAxis = valueAxis(chart, tr("messages"), QStringLiteral("%.0f"));
    for (QLineSeries* series : {m_pendingSeries, m_retryingSeries, m_inFlightSeries}) {
        series->attachAxis(time);
        series->attachAxis(m_queueAxis);
    }
    m_panels << panel;
    return panel;
}

ChartPanel* DashboardCharts::buildThroughputChart(QWidget* page)
{
    auto* chart = new QChart;
    m_sentSeries = lineSeries(chart, tr("Sent/s"), Blue);
    m_failedSeries = lineSeries(chart, tr("Failed/s"), Red);
    auto* panel = new ChartPanel(QStringLiteral("throughput"), tr("Sends and failures per second"), chart, page);
    QDateTimeAxis* time = addTimeAxis(panel);
    m_rateAxis = valueAxis(chart, tr("messages/s"), QStringLiteral("%.1f"));
    for (QLineSeries* series : {m_sentSeries, m_failedSeries}) {
        series->attachAxis(time);
        series->attachAxis(m_rateAxis);
    }
    m_panels << panel;
    return panel;
}

ChartPanel* DashboardCharts::buildFailureRateChart(QWidget* page)
{
    auto* chart = new QChart;
    m_failureRateSeries = lineSeries(chart, tr("Failure rate"), Purple);
    m_thresholdSeries = lineSeries(chart, tr("Alert threshold"), Red, Qt::DashLine);
    auto* panel = new ChartPanel(QStringLiteral("failureRate"), tr("Failure rate (rolling window)"), chart, page);
    QDateTimeAxis* time = addTimeAxis(panel);
    m_failureAxis = valueAxis(chart, tr("% of finished"), QStringLiteral("%.1f %%"));
    for (QLineSeries* series : {m_failureRateSeries, m_thresholdSeries}) {
        series->attachAxis(time);
        series->attachAxis(m_failureAxis);
    }
    m_panels << panel;
    return panel;
}

ChartPanel* DashboardCharts::buildLatencyChart(QWidget* page)
{
    auto* chart = new QChart;
    m_latencySeries = new QBarSeries(chart);
    const QColor colours[] = {Green, Blue, Red};
    for (int i = 0; i < 3; ++i) {
        auto* set = new QBarSet(QStringLiteral("P%1").arg(int(Quantiles[i] * 100)), m_latencySeries);
        set->setColor(colours[i]);
        set->setBorderColor(colours[i]);
        m_latencySeries->append(set);
    }
    chart->addSeries(m_latencySeries);
    auto* panel = new ChartPanel(QStringLiteral("latency"), tr("Send latency (P50, P95, P99)"), chart, page);
    m_latencyCategories = new QBarCategoryAxis(chart);
    chart->addAxis(m_latencyCategories, Qt::AlignBottom);
    m_latencyAxis = valueAxis(chart, tr("ms"), QStringLiteral("%.0f"));
    m_latencySeries->attachAxis(m_latencyCategories);
    m_latencySeries->attachAxis(m_latencyAxis);
    m_panels << panel;
    return panel;
}

ChartPanel* DashboardCharts::panel(const QString& name) const
{
    for (ChartPanel* panel : m_panels) {
        if (panel->objectName() == name + QStringLiteral("Panel"))
            return panel;
    }
    return nullptr;
}

void DashboardCharts::setThresholds(const AlertThresholds& thresholds)
{
    m_thresholds = thresholds;
    m_thresholdSeries->setName(tr("Alert above %1 % (over %n min)", nullptr, thresholds.failureWindowMinutes)
                                   .arg(QLocale().toString(thresholds.failureRatePercent, 'g', 3)));
}

void DashboardCharts::showFigures(const DashboardFigures& figures, qint64 now)
{
    showTimeRange(figures);
    showQueue(figures);
    showThroughput(figures, now);
    showFailureRate(figures);
    showLatency(figures);
}

void DashboardCharts::showTimeRange(const DashboardFigures& figures)
{
    const QString format = figures.seconds() > 24 * 3600 ? QStringLiteral("ddd HH:mm") : QStringLiteral("HH:mm");
    for (QDateTimeAxis* axis : std::as_const(m_timeAxes)) {
        axis->setFormat(format);
        axis->setRange(QDateTime::fromSecsSinceEpoch(figures.from), QDateTime::fromSecsSinceEpoch(figures.to));
    }
}

void DashboardCharts::showQueue(const DashboardFigures& figures)
{
    QList<QPointF> pending;
    QList<QPointF> retrying;
    QList<QPointF> inFlight;
    QList<QStringList> rows;
    double peak = 0;
    for (qsizetype i = 0; i < figures.queueSeries.size(); ++i) {
        const DashboardFigures::Queue& sample = figures.queueSeries.at(i);
        if (!sample.known())
            continue;
        const qint64 at = figures.from + (i + 1) * figures.stepSeconds;
        pending << QPointF(msecs(at), sample.pending);
        retrying << QPointF(msecs(at), sample.retrying);
        inFlight << QPointF(msecs(at), sample.inFlight);
        peak = std::max({peak, double(sample.pending), double(sample.inFlight)});
        rows << QStringList{isoTime(at), QString::number(sample.pending), QString::number(sample.retrying), QString::number(sample.inFlight),
                            isoTime(sample.at)};
    }
    m_pendingSeries->replace(pending);
    m_retryingSeries->replace(retrying);
    m_inFlightSeries->replace(inFlight);
    fitAxis(m_queueAxis, peak, 4);
    panel(QStringLiteral("queue"))->setTable({QStringLiteral("time"), QStringLiteral("pending"), QStringLiteral("retrying"),
                                             QStringLiteral("in_flight"), QStringLiteral("sampled_at")}, rows);
}

void DashboardCharts::showThroughput(const DashboardFigures& figures, qint64 now)
{
    QList<QPointF> sent;
    QList<QPointF> failed;
    QList<QStringList> rows;
    double peak = 0;
    for (const DashboardFigures::Point& point : figures.series) {
        // The step being filled is divided by the time it has run so far, so the line does not dip at its end.
        const double seconds = std::clamp<double>(now - point.start, 1, figures.stepSeconds);
        if (point.start > now)
            break;
        const double sentRate = point.sent / seconds;
        const double failedRate = point.failed / seconds;
        sent << QPointF(msecs(point.start), sentRate);
        failed << QPointF(msecs(point.start), failedRate);
        peak = std::max({peak, sentRate, failedRate});
        rows << QStringList{isoTime(point.start), QString::number(point.sent), QString::number(point.failed), number(sentRate, 3),
                            number(failedRate, 3)};
    }
    m_sentSeries->replace(sent);
    m_failedSeries->replace(failed);
    fitAxis(m_rateAxis, peak, 1);
    panel(QStringLiteral("throughput"))->setTable({QStringLiteral("start"), QStringLiteral("sent"), QStringLiteral("failed"),
                                                  QStringLiteral("sent_per_second"), QStringLiteral("failed_per_second")}, rows);
}

void DashboardCharts::showFailureRate(const DashboardFigures& figures)
{
    QList<QPointF> rates;
    QList<QStringList> rows;
    double peak = m_thresholds.failureRatePercent;
    for (const DashboardFigures::Point& point : figures.series) {
        rates << QPointF(msecs(point.start), point.failureRate * 100);
        peak = std::max(peak, point.failureRate * 100);
        rows << QStringList{isoTime(point.start), number(point.failureRate * 100, 3), QString::number(figures.windowSeconds),
                            number(m_thresholds.failureRatePercent, 3)};
    }
    m_failureRateSeries->replace(rates);
    m_failureRateSeries->setName(tr("Failure rate over %n min", nullptr, figures.windowSeconds / 60));
    m_thresholdSeries->replace({QPointF(msecs(figures.from), m_thresholds.failureRatePercent),
                                QPointF(msecs(figures.to), m_thresholds.failureRatePercent)});
    fitAxis(m_failureAxis, peak, 5);
    panel(QStringLiteral("failureRate"))->setTable({QStringLiteral("start"), QStringLiteral("failure_rate_percent"),
                                                   QStringLiteral("window_seconds"), QStringLiteral("alert_threshold_percent")}, rows);
}

void DashboardCharts::showLatency(const DashboardFigures& figures)
{
    QList<std::pair<QString, const LatencyHistogram*>> groups{{tr("All providers"), &figures.totals.latency}};
    for (const DashboardFigures::Outcomes& outcomes : figures.providers) {
        if (!outcomes.provider.isEmpty() && outcomes.latency.count() > 0)
            groups << std::make_pair(outcomes.provider, &outcomes.latency);
    }
    QStringList categories;
    QList<QStringList> rows;
    QList<QList<qreal>> values(3);
    double peak = 0;
    for (const auto& [name, latency] : std::as_const(groups)) {
        categories << name;
        QStringList row{name, QString::number(latency->count())};
        for (int i = 0; i < 3; ++i) {
            const double ms = latency->percentileMs(Quantiles[i]);
            values[i] << ms;
            peak = std::max(peak, ms);
            row << number(ms, 1);
        }
        rows << row;
    }
    const QList<QBarSet*> sets = m_latencySeries->barSets();
    for (int i = 0; i < 3; ++i) {
        QBarSet* set = sets.at(i);
        if (set->count() > 0)
            set->remove(0, set->count());
        set->append(values[i]);
    }
    m_latencyCategories->setCategories(categories);
    fitAxis(m_latencyAxis, peak, 10);
    panel(QStringLiteral("latency"))->setTable({QStringLiteral("provider"), QStringLiteral("count"), QStringLiteral("p50_ms"),
                                               QStringLiteral("p95_ms"), QStringLiteral("p99_ms")}, rows);
}

} // namespace herald
