#include "DashboardPage.h"

#include "ChartPanel.h"
#include "DashboardCharts.h"
#include "DashboardTiles.h"
#include "RecentEngagementChart.h"
#include "common/ColumnWidths.h"
#include "common/PageTitle.h"
#include "common/PluralCount.h"
#include "deliverability/MailboxSettings.h"
#include "engagement/EngagementReport.h"
#include "metrics/DashboardReader.h"
#include "storage/Database.h"

#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

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
    m_tiles = new DashboardTiles(this);
    m_charts = new DashboardCharts(this);
    m_engagement = new RecentEngagementChart(this);
    grid->addWidget(m_tiles, 0, 0, 1, 2);
    grid->addWidget(m_charts->panel(QStringLiteral("queue")), 1, 0);
    grid->addWidget(m_charts->panel(QStringLiteral("throughput")), 1, 1);
    grid->addWidget(m_charts->panel(QStringLiteral("failureRate")), 2, 0);
    grid->addWidget(m_charts->panel(QStringLiteral("latency")), 2, 1);
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
    grid->addWidget(m_engagement->panel(), 5, 0, 1, 2);
    grid->setRowStretch(1, 3);
    grid->setRowStretch(2, 3);
    grid->setRowStretch(3, 1);
    grid->setRowStretch(4, 1);
    grid->setRowStretch(5, 3);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(header);
    layout->addWidget(m_errorLabel);
    layout->addWidget(scroll, 1);
    setThresholds(AlertThresholds());
}

DashboardPage::~DashboardPage()
{
    m_timer->stop();
    m_watcher.waitForFinished();
    // The reading thread's connection closes on that thread.
    QtConcurrent::run(&m_pool, [this] { m_database.releaseThreadConnection(); }).waitForFinished();
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
    return name == QLatin1String("engagement") ? m_engagement->panel() : m_charts->panel(name);
}

bool DashboardPage::isLive() const { return m_timer->isActive(); }

qint64 DashboardPage::rangeSeconds() const { return m_rangeBox->currentData().toLongLong(); }
int DashboardPage::windowSeconds() const { return m_windowBox->currentData().toInt(); }

void DashboardPage::setThresholds(const AlertThresholds& thresholds)
{
    m_charts->setThresholds(thresholds);
    if (m_readsShown > 0)
        m_charts->showFailureRate(m_figures);
}

void DashboardPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_engagementDue = true;
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
    const bool engagement = m_engagementDue || m_engagementRead.hasExpired(EngagementIntervalMs);
    if (engagement) {
        m_engagementDue = false;
        m_engagementRead.start();
    }
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [this, range, window, engagement] {
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
        if (engagement) {
            auto recent = EngagementReport(m_database).recentCampaigns(RecentEngagementChart::Campaigns);
            if (!recent) {
                read.ok = false;
                read.error = recent.error().message;
                return read;
            }
            read.engagement = std::move(recent).value();
        }
        return read;
    }));
}

void DashboardPage::refreshEngagement()
{
    m_engagementDue = true;
    refresh();
}

void DashboardPage::readDone()
{
    const Read read = m_watcher.result();
    if (!read.ok) {
        m_errorLabel->setText(tr("Could not read the figures: %1").arg(read.error));
        m_errorLabel->show();
        m_engagementDue = true; // whether or not it was read this time
    } else {
        m_errorLabel->hide();
        showFigures(read.figures, read.now);
        showFeedback(read.campaigns, read.complaintThreshold);
        if (read.engagement)
            m_engagement->showCampaigns(*read.engagement);
    }
    if (std::exchange(m_readAgain, false))
        refresh();
}

void DashboardPage::showFigures(const DashboardFigures& figures, qint64 now)
{
    m_figures = figures;
    m_tiles->showFigures(figures);
    m_charts->showFigures(figures, now);
    showProviders(figures);
    showReasons(figures);
    m_updatedLabel->setText(tr("Updated %1").arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(now).time(), QLocale::ShortFormat)));
    ++m_readsShown;
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
