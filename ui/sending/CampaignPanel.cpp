#include "CampaignPanel.h"

#include "common/ColumnWidths.h"
#include "common/MessageBox.h"
#include "common/RoleGate.h"
#include "engagement/EngagementButton.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace herald {

namespace {
constexpr qint64 RateWindowMs = 1000;
constexpr qint64 EtaWindowMs = 10000;
constexpr int SendIdRole = Qt::UserRole;

QString statusText(CampaignStatus status)
{
    switch (status) {
    case CampaignStatus::Sending:
        return CampaignPanel::tr("Sending");
    case CampaignStatus::Paused:
        return CampaignPanel::tr("Paused");
    case CampaignStatus::Completed:
        return CampaignPanel::tr("Completed");
    case CampaignStatus::Cancelled:
        return CampaignPanel::tr("Cancelled");
    case CampaignStatus::Draft:
        return CampaignPanel::tr("Draft");
    case CampaignStatus::Scheduled:
        return CampaignPanel::tr("Scheduled");
    }
    return {};
}

QString durationText(double seconds)
{
    const qint64 total = qint64(seconds + 0.5);
    if (total >= 3600)
        return QStringLiteral("%1:%2:%3").arg(total / 3600).arg(total / 60 % 60, 2, 10, QLatin1Char('0')).arg(total % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}

QLabel* countLabel(const char* objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextFormat(Qt::PlainText);
    return label;
}
} // namespace

CampaignPanel::CampaignPanel(qint64 campaignId, QWidget* parent)
    : QFrame(parent)
    , m_campaignId(campaignId)
    , m_titleLabel(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_progressBar(new QProgressBar(this))
    , m_rateLabel(new QLabel(this))
    , m_messageLabel(new QLabel(this))
    , m_pauseButton(new QPushButton(tr("&Pause"), this))
    , m_resumeButton(new QPushButton(tr("&Resume"), this))
    , m_cancelButton(new QPushButton(tr("Cancel campaign…"), this))
    , m_engagementButton(new EngagementButton(this))
{
    setObjectName(QStringLiteral("campaignPanel%1").arg(campaignId));
    setFrameShape(QFrame::StyledPanel);
    m_clock.start();

    m_titleLabel->setObjectName(QStringLiteral("campaignTitle"));
    m_titleLabel->setTextFormat(Qt::PlainText);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_titleLabel->setFont(titleFont);
    m_statusLabel->setObjectName(QStringLiteral("campaignStatus"));
    m_pauseButton->setObjectName(QStringLiteral("pauseButton"));
    m_resumeButton->setObjectName(QStringLiteral("resumeButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_pauseButton->setToolTip(tr("Stop handing messages to the providers; resume any time."));
    connect(m_pauseButton, &QPushButton::clicked, this,
            [this] { emit statusChangeRequested(m_campaignId, CampaignStatus::Sending, CampaignStatus::Paused); });
    connect(m_resumeButton, &QPushButton::clicked, this,
            [this] { emit statusChangeRequested(m_campaignId, CampaignStatus::Paused, CampaignStatus::Sending); });
    connect(m_cancelButton, &QPushButton::clicked, this, &CampaignPanel::cancelCampaign);
    RoleGate::require(SessionRole::Right::Send, { m_pauseButton, m_resumeButton, m_cancelButton });
    connect(m_engagementButton, &EngagementButton::engagementRequested, this, &CampaignPanel::engagementRequested);

    auto* header = new QHBoxLayout;
    header->addWidget(m_titleLabel);
    header->addWidget(m_statusLabel);
    header->addStretch(1);
    header->addWidget(m_pauseButton);
    header->addWidget(m_resumeButton);
    header->addWidget(m_cancelButton);
    header->addWidget(m_engagementButton);

    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_rateLabel->setObjectName(QStringLiteral("rateLabel"));
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);

    buildRateChart();
    buildDeliveryChart();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_progressBar);
    layout->addWidget(buildCountsRow());
    m_feedbackLabel = countLabel("feedbackLabel", this);
    m_feedbackLabel->setToolTip(tr("From the feedback mailbox (Settings → Bounces and complaints). Mailbox providers "
                                   "expect complaints under 0.3 % of the messages sent."));
    m_feedbackLabel->hide();
    layout->addWidget(m_feedbackLabel);
    layout->addWidget(m_rateLabel);
    layout->addWidget(m_rateView);
    layout->addWidget(m_deliveryView);
    layout->addWidget(buildUnknownBox());
    layout->addWidget(buildFailedBox());
    layout->addWidget(m_messageLabel);
    updateButtons();
}

QWidget* CampaignPanel::buildCountsRow()
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_sentLabel = countLabel("sentCount", row);
    m_failedLabel = countLabel("failedCount", row);
    m_retryingLabel = countLabel("retryingCount", row);
    m_pendingLabel = countLabel("pendingCount", row);
    m_unknownCountLabel = countLabel("unknownCount", row);
    m_suppressedLabel = countLabel("suppressedCount", row);
    for (QLabel* label : {m_sentLabel, m_failedLabel, m_retryingLabel, m_pendingLabel, m_unknownCountLabel, m_suppressedLabel})
        layout->addWidget(label);
    layout->addStretch(1);
    return row;
}

QWidget* CampaignPanel::buildUnknownBox()
{
    m_unknownBox = new QWidget(this);
    m_unknownBox->setObjectName(QStringLiteral("unknownBox"));
    m_unknownLabel = new QLabel(m_unknownBox);
    m_unknownLabel->setObjectName(QStringLiteral("unknownLabel"));
    m_unknownLabel->setToolTip(tr("The connection broke after the message was handed over: the provider may or may "
                                  "not have delivered it."));
    auto* resend = new QPushButton(tr("Send &again"), m_unknownBox);
    resend->setObjectName(QStringLiteral("resendUnknownButton"));
    resend->setToolTip(tr("Queue them again; a recipient may get the message twice."));
    auto* markSent = new QPushButton(tr("&Mark as sent"), m_unknownBox);
    markSent->setObjectName(QStringLiteral("markSentButton"));
    markSent->setToolTip(tr("Count them as delivered; nobody gets the message twice, some may not get it."));
    connect(resend, &QPushButton::clicked, this, [this] { emit resolveUnknownRequested(m_campaignId, true); });
    connect(markSent, &QPushButton::clicked, this, [this] { emit resolveUnknownRequested(m_campaignId, false); });
    RoleGate::require(SessionRole::Right::Send, { resend, markSent });
    auto* layout = new QHBoxLayout(m_unknownBox);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_unknownLabel);
    layout->addStretch(1);
    layout->addWidget(resend);
    layout->addWidget(markSent);
    m_unknownBox->hide();
    return m_unknownBox;
}

QWidget* CampaignPanel::buildFailedBox()
{
    m_failedBox = new QWidget(this);
    m_failedBox->setObjectName(QStringLiteral("failedBox"));
    m_failedTitle = new QLabel(m_failedBox);
    m_failedTitle->setObjectName(QStringLiteral("failedTitle"));
    m_failedList = new QTreeWidget(m_failedBox);
    m_failedList->setObjectName(QStringLiteral("failedList"));
    m_failedList->setRootIsDecorated(false);
    m_failedList->setUniformRowHeights(true);
    m_failedList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_failedList->setHeaderLabels({tr("Recipient"), tr("Error"), tr("Attempts")});
    m_failedList->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_failedList->header()->setStretchLastSection(false);
    setColumnWidthFittingHeader(m_failedList->header(), 0, 260);
    setColumnWidthFittingHeader(m_failedList->header(), 2, 80);
    m_failedList->setMaximumHeight(180);
    m_retryButton = new QPushButton(tr("Retry &selected"), m_failedBox);
    m_retryButton->setObjectName(QStringLiteral("retryFailedButton"));
    m_retryButton->setEnabled(false);
    connect(m_failedList, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_retryButton->setEnabled(!m_failedList->selectedItems().isEmpty()); });
    connect(m_retryButton, &QPushButton::clicked, this, &CampaignPanel::retrySelected);
    RoleGate::require(SessionRole::Right::Send, { m_retryButton });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_failedTitle);
    buttons->addStretch(1);
    buttons->addWidget(m_retryButton);
    auto* layout = new QVBoxLayout(m_failedBox);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_failedList);
    m_failedBox->hide();
    return m_failedBox;
}

void CampaignPanel::buildRateChart()
{
    auto* chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignRight);
    m_sentSeries = new QLineSeries(chart);
    m_sentSeries->setName(tr("Sent/s"));
    m_failedSeries = new QLineSeries(chart);
    m_failedSeries->setName(tr("Failed/s"));
    QPen failedPen(QColor(0xb3, 0x26, 0x1e));
    failedPen.setWidth(2);
    m_failedSeries->setPen(failedPen);
    chart->addSeries(m_sentSeries);
    chart->addSeries(m_failedSeries);
    auto* timeAxis = new QValueAxis(chart);
    timeAxis->setRange(-ChartSeconds, 0);
    timeAxis->setLabelFormat(QStringLiteral("%d s"));
    timeAxis->setTickCount(6);
    m_rateAxis = new QValueAxis(chart);
    m_rateAxis->setRange(0, 1);
    m_rateAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_rateAxis->setTitleText(tr("messages/s"));
    chart->addAxis(timeAxis, Qt::AlignBottom);
    chart->addAxis(m_rateAxis, Qt::AlignLeft);
    for (QLineSeries* series : {m_sentSeries, m_failedSeries}) {
        series->attachAxis(timeAxis);
        series->attachAxis(m_rateAxis);
    }
    m_rateView = new QChartView(chart, this);
    m_rateView->setObjectName(QStringLiteral("rateChart"));
    m_rateView->setRenderHint(QPainter::Antialiasing);
    m_rateView->setMinimumHeight(190);
}

void CampaignPanel::buildDeliveryChart()
{
    auto* chart = new QChart;
    chart->setTitle(tr("Where the messages went"));
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_deliveryView = new QChartView(chart, this);
    m_deliveryView->setObjectName(QStringLiteral("deliveryChart"));
    m_deliveryView->setRenderHint(QPainter::Antialiasing);
    m_deliveryView->setMinimumHeight(200);
    m_deliveryView->hide();
}

void CampaignPanel::showFeedback(const CampaignFeedback& feedback)
{
    const auto percent = [](double rate) { return QLocale().toString(rate * 100, 'f', 2); };
    m_feedbackLabel->setText(tr("Bounced %1 (%2 %), soft bounces %3 · Complaints %4 (%5 %) · Unsubscribed %6")
                                 .arg(feedback.hardBounces)
                                 .arg(percent(feedback.bounceRate()))
                                 .arg(feedback.softBounces)
                                 .arg(feedback.complaints)
                                 .arg(percent(feedback.complaintRate()))
                                 .arg(feedback.unsubscribes));
    // Above the providers' 0.3 % the campaign is hurting the organisation's reputation.
    m_feedbackLabel->setStyleSheet(feedback.complaintRate() > 0.003 ? QStringLiteral("QLabel { color: #b3261e; }") : QString());
    m_feedbackLabel->setVisible(feedback.sent > 0);
}

void CampaignPanel::showProgress(const CampaignProgress& progress)
{
    const bool failedChanged = !m_hasProgress || progress.failed != m_progress.failed;
    const bool finishedNow = (!m_hasProgress || m_progress.status != progress.status)
        && (progress.status == CampaignStatus::Completed || progress.status == CampaignStatus::Cancelled);
    m_progress = progress;
    m_hasProgress = true;

    m_titleLabel->setText(progress.name);
    m_statusLabel->setText(statusText(progress.status));
    const qint64 total = progress.total();
    m_progressBar->setRange(0, int(std::max<qint64>(total, 1)));
    m_progressBar->setValue(int(progress.done()));
    m_progressBar->setFormat(tr("%p% — %1 of %2").arg(progress.done()).arg(total));
    m_sentLabel->setText(tr("Sent %1").arg(progress.sent));
    m_failedLabel->setText(tr("Failed %1").arg(progress.failed));
    m_retryingLabel->setText(tr("Retrying %1").arg(progress.retrying));
    m_pendingLabel->setText(tr("Pending %1").arg(progress.pending));
    m_unknownCountLabel->setText(tr("Unknown %1").arg(progress.unknown));
    m_suppressedLabel->setText(tr("Suppressed %1").arg(progress.suppressed));
    m_engagementButton->setCampaign(m_campaignId, progress.sent);

    addSample();
    if (m_feedbackAskedMs < 0 || m_clock.elapsed() - m_feedbackAskedMs >= 10000) {
        m_feedbackAskedMs = m_clock.elapsed();
        emit feedbackStale(m_campaignId);
    }
    m_unknownBox->setVisible(progress.unknown > 0);
    m_unknownLabel->setText(tr("%n message(s) have an unknown outcome.", nullptr, int(progress.unknown)));
    m_failedBox->setVisible(progress.failed > 0);
    m_failedTitle->setText(tr("%n message(s) failed", nullptr, int(progress.failed)));
    if (progress.failed == 0)
        m_failedList->clear();
    const bool finished = progress.status == CampaignStatus::Completed || progress.status == CampaignStatus::Cancelled;
    m_deliveryView->setVisible(finished);
    m_rateView->setVisible(!finished);
    updateButtons();
    if (failedChanged && progress.failed > 0)
        emit failedListStale(m_campaignId);
    if (finishedNow || (finished && failedChanged))
        emit failureReasonsStale(m_campaignId);
}

const CampaignPanel::Sample* CampaignPanel::sampleBefore(qint64 ageMs) const
{
    const qint64 at = m_samples.back().atMs - ageMs;
    const Sample* found = &m_samples.front();
    for (const Sample& sample : m_samples) {
        if (sample.atMs > at)
            break;
        found = &sample;
    }
    return found;
}

void CampaignPanel::addSample()
{
    const qint64 now = m_clock.elapsed();
    m_samples.push_back({now, m_progress.sent, m_progress.failed});
    while (m_samples.size() > 2 && m_samples.front().atMs < now - qint64(ChartSeconds) * 1000 - RateWindowMs)
        m_samples.pop_front();

    Sample& latest = m_samples.back();
    const Sample* second = sampleBefore(RateWindowMs);
    const double seconds = std::max<qint64>(1, latest.atMs - second->atMs) / 1000.0;
    latest.sentRate = (latest.sent - second->sent) / seconds;
    latest.failedRate = (latest.failed - second->failed) / seconds;
    m_rate = latest.sentRate;
    // The chart's x is seconds before now, so it scrolls left as samples come in.
    QList<QPointF> sentPoints;
    QList<QPointF> failedPoints;
    double peak = 1;
    for (auto sample = std::next(m_samples.cbegin()); sample != m_samples.cend(); ++sample) {
        const double x = (sample->atMs - now) / 1000.0;
        if (x < -ChartSeconds)
            continue;
        sentPoints << QPointF(x, sample->sentRate);
        failedPoints << QPointF(x, sample->failedRate);
        peak = std::max({peak, sample->sentRate, sample->failedRate});
    }
    m_sentSeries->replace(sentPoints);
    m_failedSeries->replace(failedPoints);
    m_rateAxis->setRange(0, peak * 1.2);
    m_rateAxis->applyNiceNumbers();
    // Up to five minutes; a campaign just started gets the whole width (at least half a minute).
    const double span = std::clamp((now - m_samples.front().atMs) / 1000.0, 30.0, double(ChartSeconds));
    if (auto* timeAxis = qobject_cast<QValueAxis*>(m_rateView->chart()->axes(Qt::Horizontal).value(0)))
        timeAxis->setRange(-span, 0);

    const Sample* older = sampleBefore(EtaWindowMs);
    const double window = std::max<qint64>(1, latest.atMs - older->atMs) / 1000.0;
    const double doneRate = ((latest.sent + latest.failed) - (older->sent + older->failed)) / window;
    if (m_progress.left() == 0) {
        m_rateLabel->setText(tr("Every message handled."));
        return;
    }
    QString eta = QStringLiteral("—");
    if (doneRate > 0.01 && m_progress.status == CampaignStatus::Sending)
        eta = durationText(m_progress.left() / doneRate);
    m_rateLabel->setText(tr("%1 msgs/s · ETA %2").arg(m_rate, 0, 'f', 1).arg(eta));
}

void CampaignPanel::updateButtons()
{
    const CampaignStatus status = m_progress.status;
    m_pauseButton->setVisible(status == CampaignStatus::Sending);
    m_resumeButton->setVisible(status == CampaignStatus::Paused);
    m_cancelButton->setVisible(status == CampaignStatus::Sending || status == CampaignStatus::Paused);
}

void CampaignPanel::cancelCampaign()
{
    const CampaignStatus from = m_progress.status;
    const auto answer = MessageBox::question(this, tr("Cancel Campaign"),
        tr("Cancel “%1”? %n message(s) not sent yet will not be sent. This cannot be undone.", nullptr,
           int(m_progress.left())).arg(m_progress.name),
        MessageBox::Buttons(QMessageBox::Yes | QMessageBox::No), QMessageBox::No,
        {{QMessageBox::Yes, tr("Cancel campaign")}, {QMessageBox::No, tr("Keep sending")}});
    if (answer == QMessageBox::Yes)
        emit statusChangeRequested(m_campaignId, from, CampaignStatus::Cancelled);
}

void CampaignPanel::showFailed(const QList<Send>& rows, bool more)
{
    QSet<qint64> selected;
    for (const QTreeWidgetItem* item : m_failedList->selectedItems())
        selected.insert(item->data(0, SendIdRole).toLongLong());
    m_failedList->clear();
    for (const Send& row : rows) {
        auto* item = new QTreeWidgetItem(m_failedList);
        item->setText(0, row.email);
        item->setText(1, row.error);
        item->setToolTip(1, row.error);
        item->setText(2, QString::number(row.attempts));
        item->setData(0, SendIdRole, row.id);
        item->setSelected(selected.contains(row.id));
    }
    if (more)
        m_failedTitle->setText(tr("%n message(s) failed (the first %1 are listed)", nullptr, int(m_progress.failed))
                                   .arg(rows.size()));
}

void CampaignPanel::retrySelected()
{
    QList<qint64> ids;
    for (const QTreeWidgetItem* item : m_failedList->selectedItems())
        ids << item->data(0, SendIdRole).toLongLong();
    if (!ids.isEmpty())
        emit retryRequested(m_campaignId, ids);
}

void CampaignPanel::showFailureReasons(const QList<FailureReason>& reasons)
{
    QChart* chart = m_deliveryView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    // The count is in each category's name too: a bar of 3 next to one of 300 is too small to read.
    auto* set = new QBarSet(tr("Messages"));
    QStringList categories;
    const auto add = [&](const QString& name, qint64 count) {
        *set << qreal(count);
        categories << tr("%1: %2").arg(name).arg(count);
    };
    add(tr("Sent"), m_progress.sent);
    for (const FailureReason& reason : reasons)
        add(reason.smtpCode ? tr("Failed (%1)").arg(reason.smtpCode) : tr("Failed (no reply)"), reason.count);
    add(tr("Suppressed"), m_progress.suppressed);
    if (m_progress.unknown > 0)
        add(tr("Unknown"), m_progress.unknown);
    auto* series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto* categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    auto* countAxis = new QValueAxis;
    countAxis->setLabelFormat(QStringLiteral("%d"));
    qreal peak = 1;
    for (int i = 0; i < set->count(); ++i)
        peak = std::max(peak, set->at(i));
    countAxis->setRange(0, peak * 1.15);
    countAxis->applyNiceNumbers(); // round ticks (0, 100, 200…) rather than fractions of the peak
    chart->addAxis(categoryAxis, Qt::AlignBottom);
    chart->addAxis(countAxis, Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    series->attachAxis(countAxis);
    QStringList tooltips;
    for (const FailureReason& reason : reasons)
        tooltips << tr("%1: %n message(s)", nullptr, int(reason.count)).arg(reason.example);
    m_deliveryView->setToolTip(tooltips.join(QLatin1Char('\n')));
}

void CampaignPanel::showMessage(const QString& message)
{
    m_messageLabel->setText(message);
}

} // namespace herald
