#include "DashboardPage.h"

#include "ChartPanel.h"
#include "common/ColumnWidths.h"
#include "common/PageTitle.h"
#include "common/PluralCount.h"
#include "deliverability/MailboxSettings.h"
#include "metrics/DashboardReader.h"
#include "storage/Database.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScrollArea>
#include <QTimer>
#include <QTreeWidget>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <cmath>

namespace herald {

namespace {
const std::pair<const char*, qint64> Ranges[] = {
    {QT_TRANSLATE_NOOP("herald::DashboardPage", "Last 15 minutes"), 15 * 60},
    {QT_TRANSLATE_NOOP("herald::DashboardPage", "Last hour"), 3600},
    {QT_TRANSLATE_NOOP("herald::DashboardPage", "Last 24 hours"), 24 * 3600},
    {QT_TRANSLATE_NOOP("herald::DashboardPage", "Last 7 days"), 7 * 24 * 3600}};
const std::pair<const char*, int> Windows[] = {
    {QT_TRANSLATE_NOOP("herald::DashboardPage", "1 minute"), 60},
    {QT_TRANSLATE_NOOP("herald::DashboardPage", "15 minutes"), 15 * 60},
    {QT_TRANSLATE_NOOP("herald::DashboardPage", "1 hour"), 3600}};
const double Quantiles[] = {0.5, 0.95, 0.99};

// Colours that read on white and for most colour-blind eyes (Okabe–Ito).
const QColor Blue(0, 114, 178);
const QColor Orange(230, 159, 0);
const QColor Green(0, 158, 115);
const QColor Red(213, 94, 0);
const QColor Purple(204, 121, 167);

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

QValueAxis* valueAxis(QChart* chart, const QString& title, const QString& format)
{
    auto* axis = new QValueAxis(chart);
    axis->setTitleText(title);
    axis->setLabelFormat(format);
    axis->setRange(0, 1);
    axis->setTickCount(5);
    chart->addAxis(axis, Qt::AlignLeft);
    return axis;
}

// 0 to a round number above `peak` with four intervals, so the labels read 0, 25, 50, 75, 100.
void fitAxis(QValueAxis* axis, double peak, double floor)
{
    const double top = std::max(peak * 1.1, floor);
    const double magnitude = std::pow(10.0, std::floor(std::log10(top / 4)));
    double interval = magnitude;
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        interval = step * magnitude;
        if (interval * 4 >= top)
            break;
    }
    axis->setRange(0, interval * 4);
}

QString isoTime(qint64 epochSeconds) { return QDateTime::fromSecsSinceEpoch(epochSeconds, Qt::UTC).toString(Qt::ISODate); }
QString number(double value, int decimals) { return QString::number(value, 'f', decimals); }
qint64 msecs(qint64 epochSeconds) { return epochSeconds * 1000; }

QTreeWidget* table(const QString& name, const QStringList& header, QWidget* parent)
{
    auto* tree = new QTreeWidget(parent);
    tree->setObjectName(name);
    tree->setRootIsDecorated(false);
    tree->setHeaderLabels(header);
    tree->setAlternatingRowColors(true);
    tree->setUniformRowHeights(true);
    tree->setSelectionMode(QAbstractItemView::NoSelection);
    tree->setMinimumHeight(110);
    tree->setMaximumHeight(170);
    tree->header()->setStretchLastSection(true);
    // Until the first figures arrive (and size the columns to their contents), the headers alone set the widths.
    for (int column = 0; column < header.size() - 1; ++column)
        setColumnWidthFittingHeader(tree->header(), column, tree->header()->defaultSectionSize());
    return tree;
}
} // namespace

DashboardPage::DashboardPage(Database& database, QWidget* parent)
    : QWidget(parent), m_database(database), m_timer(new QTimer(this)), m_rangeBox(new QComboBox(this)), m_windowBox(new QComboBox(this)),
      m_updatedLabel(new QLabel(this)), m_errorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    connect(&m_watcher, &QFutureWatcher<Read>::finished, this, &DashboardPage::readDone);
    m_timer->setInterval(RefreshIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &DashboardPage::refresh);

    m_rangeBox->setObjectName(QStringLiteral("rangeBox"));
    for (const auto& [name, seconds] : Ranges)
        m_rangeBox->addItem(tr(name), seconds);
    m_rangeBox->setCurrentIndex(0);
    m_windowBox->setObjectName(QStringLiteral("windowBox"));
    for (const auto& [name, seconds] : Windows)
        m_windowBox->addItem(tr(name), seconds);
    m_windowBox->setCurrentIndex(1);
    for (QComboBox* box : {m_rangeBox, m_windowBox})
        connect(box, &QComboBox::currentIndexChanged, this, &DashboardPage::refresh);
    auto* rangeLabel = new QLabel(tr("&Time range:"), this);
    rangeLabel->setBuddy(m_rangeBox);
    auto* windowLabel = new QLabel(tr("Failure rate &over:"), this);
    windowLabel->setBuddy(m_windowBox);
    m_updatedLabel->setObjectName(QStringLiteral("updatedLabel"));
    m_updatedLabel->setStyleSheet(QStringLiteral("QLabel { color: palette(mid); }"));
    m_errorLabel->setObjectName(QStringLiteral("dashboardError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_errorLabel->hide();

    auto* header = new QHBoxLayout;
    header->addWidget(new PageTitle(tr("Dashboard"), this));
    header->addStretch(1);
    header->addWidget(m_updatedLabel);
    header->addSpacing(16);
    header->addWidget(rangeLabel);
    header->addWidget(m_rangeBox);
    header->addSpacing(8);
    header->addWidget(windowLabel);
    header->addWidget(m_windowBox);

    auto* content = new QWidget(this);
    auto* grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(10);
    grid->addWidget(buildTiles(), 0, 0, 1, 2);
    grid->addWidget(buildQueueChart(), 1, 0);
    grid->addWidget(buildThroughputChart(), 1, 1);
    grid->addWidget(buildFailureRateChart(), 2, 0);
    grid->addWidget(buildLatencyChart(), 2, 1);
    auto* providersBox = new QWidget(content);
    auto* providersLayout = new QVBoxLayout(providersBox);
    providersLayout->setContentsMargins(0, 0, 0, 0);
    auto* providersTitle = new QLabel(tr("Providers (every sending process)"), providersBox);
    auto* reasonsBox = new QWidget(content);
    auto* reasonsLayout = new QVBoxLayout(reasonsBox);
    reasonsLayout->setContentsMargins(0, 0, 0, 0);
    auto* reasonsTitle = new QLabel(tr("Top failure reasons"), reasonsBox);
    auto* feedbackBox = new QWidget(content);
    auto* feedbackLayout = new QVBoxLayout(feedbackBox);
    feedbackLayout->setContentsMargins(0, 0, 0, 0);
    auto* feedbackTitle = new QLabel(tr("Bounces and complaints by campaign"), feedbackBox);
    for (QLabel* title : {providersTitle, reasonsTitle, feedbackTitle}) {
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
    }
    providersLayout->addWidget(providersTitle);
    providersLayout->addWidget(buildProviderTable());
    reasonsLayout->addWidget(reasonsTitle);
    reasonsLayout->addWidget(buildReasonTable());
    feedbackLayout->addWidget(feedbackTitle);
    feedbackLayout->addWidget(buildFeedbackTable());
    grid->addWidget(providersBox, 3, 0);
    grid->addWidget(reasonsBox, 3, 1);
    grid->addWidget(feedbackBox, 4, 0, 1, 2);
    grid->setRowStretch(1, 3);
    grid->setRowStretch(2, 3);
    grid->setRowStretch(3, 1);
    grid->setRowStretch(4, 1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(header);
    layout->addWidget(m_errorLabel);
    layout->addWidget(scroll, 1);
    setThresholds(m_thresholds);
}

DashboardPage::~DashboardPage()
{
    m_timer->stop();
    m_watcher.waitForFinished();
    // The reading thread's connection closes on that thread.
    QtConcurrent::run(&m_pool, [this] { m_database.releaseThreadConnection(); }).waitForFinished();
}

QWidget* DashboardPage::buildTiles()
{
    auto* tiles = new QWidget(this);
    auto* layout = new QHBoxLayout(tiles);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    auto tile = [&](const char* name, QLabel*& label) {
        label = new QLabel(tiles);
        label->setObjectName(QLatin1String(name));
        label->setTextFormat(Qt::RichText);
        label->setFrameShape(QFrame::StyledPanel);
        label->setMargin(8);
        label->setMinimumHeight(64);
        layout->addWidget(label, 1);
    };
    tile("queueTile", m_queueTile);
    tile("rateTile", m_rateTile);
    tile("failureTile", m_failureTile);
    tile("latencyTile", m_latencyTile);
    return tiles;
}

QDateTimeAxis* DashboardPage::addTimeAxis(ChartPanel* panel)
{
    auto* axis = new QDateTimeAxis(panel->chart());
    axis->setTickCount(6);
    axis->setTitleText(tr("Local time"));
    panel->chart()->addAxis(axis, Qt::AlignBottom);
    m_timeAxes << axis;
    return axis;
}

ChartPanel* DashboardPage::buildQueueChart()
{
    auto* chart = new QChart;
    m_pendingSeries = lineSeries(chart, tr("Waiting"), Blue);
    m_retryingSeries = lineSeries(chart, tr("Retrying"), Orange);
    m_inFlightSeries = lineSeries(chart, tr("In flight"), Green);
    auto* panel = new ChartPanel(QStringLiteral("queue"), tr("Queue depth"), chart, this);
    QDateTimeAxis* time = addTimeAxis(panel);
    m_queueAxis = valueAxis(chart, tr("messages"), QStringLiteral("%.0f"));
    for (QLineSeries* series : {m_pendingSeries, m_retryingSeries, m_inFlightSeries}) {
        series->attachAxis(time);
        series->attachAxis(m_queueAxis);
    }
    m_panels << panel;
    return panel;
}

ChartPanel* DashboardPage::buildThroughputChart()
{
    auto* chart = new QChart;
    m_sentSeries = lineSeries(chart, tr("Sent/s"), Blue);
    m_failedSeries = lineSeries(chart, tr("Failed/s"), Red);
    auto* panel = new ChartPanel(QStringLiteral("throughput"), tr("Sends and failures per second"), chart, this);
    QDateTimeAxis* time = addTimeAxis(panel);
    m_rateAxis = valueAxis(chart, tr("messages/s"), QStringLiteral("%.1f"));
    for (QLineSeries* series : {m_sentSeries, m_failedSeries}) {
        series->attachAxis(time);
        series->attachAxis(m_rateAxis);
    }
    m_panels << panel;
    return panel;
}

ChartPanel* DashboardPage::buildFailureRateChart()
{
    auto* chart = new QChart;
    m_failureRateSeries = lineSeries(chart, tr("Failure rate"), Purple);
    m_thresholdSeries = lineSeries(chart, tr("Alert threshold"), Red, Qt::DashLine);
    auto* panel = new ChartPanel(QStringLiteral("failureRate"), tr("Failure rate (rolling window)"), chart, this);
    QDateTimeAxis* time = addTimeAxis(panel);
    m_failureAxis = valueAxis(chart, tr("% of finished"), QStringLiteral("%.1f %%"));
    for (QLineSeries* series : {m_failureRateSeries, m_thresholdSeries}) {
        series->attachAxis(time);
        series->attachAxis(m_failureAxis);
    }
    m_panels << panel;
    return panel;
}

ChartPanel* DashboardPage::buildLatencyChart()
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
    auto* panel = new ChartPanel(QStringLiteral("latency"), tr("Send latency (P50, P95, P99)"), chart, this);
    m_latencyCategories = new QBarCategoryAxis(chart);
    chart->addAxis(m_latencyCategories, Qt::AlignBottom);
    m_latencyAxis = valueAxis(chart, tr("ms"), QStringLiteral("%.0f"));
    m_latencySeries->attachAxis(m_latencyCategories);
    m_latencySeries->attachAxis(m_latencyAxis);
    m_panels << panel;
    return panel;
}

QTreeWidget* DashboardPage::buildProviderTable()
{
    m_providerTable = table(QStringLiteral("providerTable"),
                            {tr("Provider"), tr("Circuit"), tr("Senders"), tr("Rate now"), tr("Limit"), tr("Last error")}, this);
    return m_providerTable;
}

QTreeWidget* DashboardPage::buildReasonTable()
{
    m_reasonTable = table(QStringLiteral("reasonTable"), {tr("Reason"), tr("Failures"), tr("Share"), tr("Example")}, this);
    return m_reasonTable;
}

QTreeWidget* DashboardPage::buildFeedbackTable()
{
    m_feedbackTable = table(QStringLiteral("feedbackTable"),
                            {tr("Campaign"), tr("Sent"), tr("Hard bounces"), tr("Soft bounces"), tr("Complaints"), tr("Unsubscribes")}, this);
    // The name takes what the figures leave; each figure keeps room for its header and a few digits.
    QHeaderView* header = m_feedbackTable->header();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(110);
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 6; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_feedbackTable->headerItem()->setTextAlignment(0, Qt::AlignLeft | Qt::AlignVCenter);
    for (int column = 1; column < 6; ++column)
        m_feedbackTable->headerItem()->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    m_feedbackTable->setToolTip(tr("The most recent campaigns that sent messages, from the feedback mailbox (Settings → Bounces and "
                                   "complaints). Mailbox providers expect complaints under 0.3 % of the messages sent."));
    return m_feedbackTable;
}

ChartPanel* DashboardPage::panel(const QString& name) const
{
    for (ChartPanel* panel : m_panels) {
        if (panel->objectName() == name + QStringLiteral("Panel"))
            return panel;
    }
    return nullptr;
}

bool DashboardPage::isLive() const { return m_timer->isActive(); }

qint64 DashboardPage::rangeSeconds() const { return m_rangeBox->currentData().toLongLong(); }
int DashboardPage::windowSeconds() const { return m_windowBox->currentData().toInt(); }

void DashboardPage::setThresholds(const AlertThresholds& thresholds)
{
    m_thresholds = thresholds;
    m_thresholdSeries->setName(tr("Alert above %1 % (over %n min)", nullptr, thresholds.failureWindowMinutes)
                                   .arg(QLocale().toString(thresholds.failureRatePercent, 'g', 3)));
    if (m_readsShown > 0)
        showFailureRate(m_figures);
}

void DashboardPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_timer->start();
    refresh();
}

void DashboardPage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

void DashboardPage::refresh()
{
    if (m_watcher.isRunning()) {
        m_readAgain = sender() != m_timer; // a tick is skipped; a new range or window reads once the read is done
        return;
    }
    const qint64 range = rangeSeconds();
    const int window = windowSeconds();
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [this, range, window] {
        Read read;
        read.now = QDateTime::currentSecsSinceEpoch();
        auto figures = DashboardReader(m_database).read(range, read.now, window);
        read.ok = figures.ok();
        if (!figures) {
            read.error = figures.error().message;
            return read;
        }
        read.figures = std::move(figures).value();
        auto campaigns = FeedbackRepository(m_database).recentCampaigns(FeedbackCampaigns);
        auto threshold = MailboxSettings::loadComplaintRateThreshold(m_database);
        if (!campaigns || !threshold) {
            read.ok = false;
            read.error = (!campaigns ? campaigns.error() : threshold.error()).message;
            return read;
        }
        read.campaigns = std::move(campaigns).value();
        read.complaintThreshold = threshold.value();
        return read;
    }));
}

void DashboardPage::readDone()
{
    const Read read = m_watcher.result();
    if (!read.ok) {
        m_errorLabel->setText(tr("Could not read the figures: %1").arg(read.error));
        m_errorLabel->show();
    } else {
        m_errorLabel->hide();
        showFigures(read.figures, read.now);
        showFeedback(read.campaigns, read.complaintThreshold);
    }
    if (std::exchange(m_readAgain, false))
        refresh();
}

void DashboardPage::showFigures(const DashboardFigures& figures, qint64 now)
{
    m_figures = figures;
    showTimeRange(figures);
    showTiles(figures);
    showQueue(figures);
    showThroughput(figures, now);
    showFailureRate(figures);
    showLatency(figures);
    showProviders(figures);
    showReasons(figures);
    m_updatedLabel->setText(tr("Updated %1").arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(now).time(), QLocale::ShortFormat)));
    ++m_readsShown;
}

void DashboardPage::showTimeRange(const DashboardFigures& figures)
{
    const QString format = figures.seconds() > 24 * 3600 ? QStringLiteral("ddd HH:mm") : QStringLiteral("HH:mm");
    for (QDateTimeAxis* axis : std::as_const(m_timeAxes)) {
        axis->setFormat(format);
        axis->setRange(QDateTime::fromSecsSinceEpoch(figures.from), QDateTime::fromSecsSinceEpoch(figures.to));
    }
}

void DashboardPage::showTiles(const DashboardFigures& figures)
{
    const QLocale locale;
    auto tile = [](const QString& caption, const QString& value, const QString& note) {
        return QStringLiteral("<div style='color:#5f6368'>%1</div><div style='font-size:17pt; font-weight:600'>%2</div>"
                              "<div style='color:#5f6368'>%3</div>")
            .arg(caption.toHtmlEscaped(), value.toHtmlEscaped(), note.toHtmlEscaped());
    };
    const auto& queue = figures.queue;
    m_queueTile->setText(tile(tr("Waiting to send"), queue.known() ? locale.toString(queue.pending) : tr("—"),
                              queue.known() ? tr("%1 retrying · %2 in flight").arg(locale.toString(queue.retrying), locale.toString(queue.inFlight))
                                            : tr("no sample yet")));
    const double seconds = std::max<double>(1, figures.seconds());
    m_rateTile->setText(tile(tr("Sent per second"), locale.toString(figures.totals.sent / seconds, 'f', 1),
                             tr("%1 sent · %2 failed in the range").arg(locale.toString(figures.totals.sent), locale.toString(figures.totals.failed))));
    m_failureTile->setText(tile(tr("Failure rate"), tr("%1 %").arg(locale.toString(figures.recentFailureRate * 100, 'f', 1)),
                                tr("over the last %n minute(s)", nullptr, figures.windowSeconds / 60)));
    const LatencyHistogram& latency = figures.totals.latency;
    m_latencyTile->setText(tile(tr("Latency P95"), latency.count() ? tr("%1 ms").arg(locale.toString(latency.percentileMs(0.95), 'f', 0)) : tr("—"),
                                tr("P50 %1 ms · P99 %2 ms").arg(locale.toString(latency.percentileMs(0.5), 'f', 0),
                                                                 locale.toString(latency.percentileMs(0.99), 'f', 0))));
}

void DashboardPage::showQueue(const DashboardFigures& figures)
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

void DashboardPage::showThroughput(const DashboardFigures& figures, qint64 now)
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

void DashboardPage::showFailureRate(const DashboardFigures& figures)
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

void DashboardPage::showLatency(const DashboardFigures& figures)
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

void DashboardPage::showProviders(const DashboardFigures& figures)
{
    const QLocale locale;
    m_providerTable->clear();
    for (const DashboardFigures::ProviderHealth& health : figures.health) {
        QString circuit = health.breaker;
        QColor colour = Qt::darkGray;
        if (health.breaker == QLatin1String("closed")) {
            circuit = tr("Closed (healthy)");
            colour = QColor(0x1b, 0x5e, 0x20);
        } else if (health.breaker == QLatin1String("open")) {
            circuit = tr("Open (failing over)");
            colour = QColor(0xb3, 0x26, 0x1e);
        } else if (health.breaker == QLatin1String("half-open")) {
            circuit = tr("Half-open (probing)");
            colour = QColor(0x9a, 0x67, 0x00);
        } else if (health.breaker == QLatin1String("idle")) {
            circuit = tr("Idle (no sender)");
        }
        QString limit = tr("%1/s").arg(locale.toString(health.limitPerSecond, 'g', 4));
        if (health.senders > 0 && health.allowedPerSecond < health.limitPerSecond)
            limit = tr("%1/s (slowed from %2/s)").arg(locale.toString(health.allowedPerSecond, 'g', 3), locale.toString(health.limitPerSecond, 'g', 4));
        const QString error = health.lastError.isEmpty()
            ? QString()
            : tr("%1 (%2)").arg(health.lastError, locale.toString(QDateTime::fromSecsSinceEpoch(health.lastErrorAt), QLocale::ShortFormat));
        auto* item = new QTreeWidgetItem(m_providerTable, {health.provider, circuit, locale.toString(health.senders),
                                                           tr("%1/s").arg(locale.toString(health.currentPerSecond, 'f', 1)), limit, error});
        item->setForeground(1, colour);
        item->setToolTip(5, health.lastError);
    }
    for (int column = 0; column < 5; ++column)
        m_providerTable->resizeColumnToContents(column);
}

void DashboardPage::showReasons(const DashboardFigures& figures)
{
    const QLocale locale;
    m_reasonTable->clear();
    const double failed = std::max<qint64>(1, figures.totals.failed);
    for (const DashboardFigures::Reason& reason : figures.reasons) {
        auto* item = new QTreeWidgetItem(m_reasonTable, {reason.reason, locale.toString(reason.count),
                                                         tr("%1 %").arg(locale.toString(100.0 * reason.count / failed, 'f', 1)), reason.example});
        item->setToolTip(3, reason.example);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
    if (figures.reasons.isEmpty())
        new QTreeWidgetItem(m_reasonTable, {tr("No failures in this range")});
    for (int column = 0; column < 3; ++column)
        m_reasonTable->resizeColumnToContents(column);
}

void DashboardPage::showFeedback(const QList<CampaignFeedback>& campaigns, double complaintThreshold)
{
    const QLocale locale;
    // Above the pause threshold (Settings, 0.3 % unless changed: the mailbox providers' limit) the campaign
    // hurts the organisation's reputation, as on the Sending page's campaign panel.
    const double limit = complaintThreshold > 0 ? complaintThreshold : 0.003;
    m_feedbackTable->clear();
    for (const CampaignFeedback& feedback : campaigns) {
        auto* item = new QTreeWidgetItem(
            m_feedbackTable, {feedback.campaignName, tr("%L1").arg(feedback.sent),
                              tr("%L1 (%L2 %)").arg(feedback.hardBounces).arg(feedback.bounceRate() * 100, 0, 'f', 2),
                              tr("%L1").arg(feedback.softBounces),
                              tr("%L1 (%L2 %)").arg(feedback.complaints).arg(feedback.complaintRate() * 100, 0, 'f', 2),
                              tr("%L1").arg(feedback.unsubscribes)});
        for (int column = 1; column < 6; ++column)
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(0, tr("%n message(s) sent", nullptr, pluralCount(feedback.sent)));
        if (feedback.complaintRate() > limit) {
            item->setForeground(4, QColor(0xb3, 0x26, 0x1e));
            item->setToolTip(4, tr("Above %1 %, the complaint rate at which a campaign pauses itself")
                                    .arg(locale.toString(limit * 100, 'g', 3)));
        }
    }
    if (campaigns.isEmpty())
        new QTreeWidgetItem(m_feedbackTable, {tr("No campaign has sent messages yet")});
}

} // namespace herald
