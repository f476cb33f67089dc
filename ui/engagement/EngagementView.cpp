#include "EngagementView.h"

#include "EngagementChart.h"
#include "EngagementFiguresBlock.h"
#include "EngagementLinksTable.h"
#include "EngagementRecipientsTab.h"
#include "EngagementText.h"
#include "common/ExportRunner.h"
#include "common/FileDialog.h"
#include "common/PluralCount.h"
#include "common/ShortcutText.h"
#include "engagement/EngagementReport.h"
#include "storage/Database.h"

#include <QAction>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace herald {

namespace {
enum Tab { SummaryTab, LinksTab, RecipientsTab };
enum Page { EmptyPage, ReportPage };
} // namespace

EngagementView::EngagementView(Database& database, qint64 campaignId, qint64 delivered, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_campaignId(campaignId)
    , m_delivered(delivered)
    , m_titleLabel(new QLabel(this))
    , m_detailsLabel(new QLabel(this))
    , m_messageLabel(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyLabel(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_figures(new EngagementFiguresBlock(this))
    , m_chart(new EngagementChart(this))
    , m_links(new EngagementLinksTable(this))
    , m_recipients(new EngagementRecipientsTab(database, this))
    , m_exportButton(new QPushButton(tr("E&xport Events as CSV…"), this))
    , m_refreshButton(new QPushButton(tr("&Refresh"), this))
    , m_exporter(new ExportRunner(this))
{
    setObjectName(QStringLiteral("engagementView"));
    m_titleLabel->setObjectName(QStringLiteral("engagementTitle"));
    m_titleLabel->setTextFormat(Qt::PlainText);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_titleLabel->setFont(titleFont);
    m_detailsLabel->setObjectName(QStringLiteral("engagementDetails"));
    m_detailsLabel->setWordWrap(true);
    m_messageLabel->setObjectName(QStringLiteral("engagementMessage"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageLabel->hide();

    m_emptyLabel->setObjectName(QStringLiteral("trackingOffLabel"));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setMargin(24);
    m_tabs->setObjectName(QStringLiteral("engagementTabs"));
    m_tabs->addTab(buildSummaryTab(), tr("&Summary"));
    m_tabs->addTab(m_links, tr("&Links"));
    m_tabs->addTab(m_recipients, tr("Re&cipients"));
    m_tabs->setTabVisible(RecipientsTab, false);
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_tabs);
    m_stack->setCurrentIndex(ReportPage);

    auto* refreshAction = new QAction(tr("Refresh"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshAction, &QAction::triggered, this, &EngagementView::refresh);
    addAction(refreshAction);
    m_refreshButton->setObjectName(QStringLiteral("refreshEngagementButton"));
    m_refreshButton->setToolTip(withShortcut(tr("Read the figures again"), refreshAction->shortcut()));
    connect(m_refreshButton, &QPushButton::clicked, this, &EngagementView::refresh);
    m_exportButton->setObjectName(QStringLiteral("exportEventsButton"));
    m_exportButton->setToolTip(tr("Write every open and click of this campaign to a CSV file: time, kind, link, "
                                  "person or machine and why, and the recipient's address where tracked per recipient."));
    m_exportButton->setEnabled(false);
    connect(m_exportButton, &QPushButton::clicked, this, &EngagementView::chooseExportFile);
    connect(&m_loader, &QFutureWatcher<Result<CampaignEngagement>>::finished, this, &EngagementView::showReport);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_messageLabel, 1);
    buttons->addStretch(); // the buttons keep their size while no message shows
    buttons->addWidget(m_exportButton);
    buttons->addWidget(m_refreshButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_detailsLabel);
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttons);
    refresh();
}

EngagementView::~EngagementView()
{
    m_loader.waitForFinished();
}

QWidget* EngagementView::buildSummaryTab()
{
    auto* summary = new QWidget(this);
    summary->setObjectName(QStringLiteral("engagementSummaryTab"));
    auto* layout = new QHBoxLayout(summary);
    layout->addWidget(m_figures);
    layout->addWidget(m_chart, 1);
    return summary;
}

void EngagementView::refresh()
{
    if (m_loading) {
        m_reloadPending = true;
        return;
    }
    m_reloadPending = false;
    m_loading = true;
    m_refreshButton->setEnabled(false);
    Database& database = m_database;
    const qint64 campaignId = m_campaignId;
    const qint64 delivered = m_delivered;
    m_delivered = -1; // the page's count held for the first read only
    m_loader.setFuture(QtConcurrent::run([&database, campaignId, delivered] {
        EngagementReport reader(database);
        auto report = delivered >= 0 ? reader.campaign(campaignId, delivered) : reader.campaign(campaignId);
        database.releaseThreadConnection();
        return report;
    }));
    if (m_tabs->isTabVisible(RecipientsTab))
        m_recipients->refresh();
}

void EngagementView::showReport()
{
    m_loading = false;
    m_refreshButton->setEnabled(true);
    if (m_reloadPending) {
        refresh();
        return;
    }
    const auto report = m_loader.result();
    if (!report) {
        showMessage(report.error().message, true);
        return;
    }
    m_messageLabel->hide();
    m_report = report.value();
    showHeader();
    const bool tracked = m_report.tracking != Tracking::Off;
    m_stack->setCurrentIndex(tracked ? ReportPage : EmptyPage);
    m_exportButton->setEnabled(tracked);
    m_figures->showReport(m_report);
    m_chart->showReport(m_report);
    m_links->showReport(m_report);
    const bool perRecipient = m_report.tracking == Tracking::PerRecipient;
    m_tabs->setTabVisible(RecipientsTab, perRecipient);
    m_recipients->setCampaign(perRecipient ? m_campaignId : 0);
    emit reportShown(m_report.name);
}

void EngagementView::showHeader()
{
    m_titleLabel->setText(m_report.name);
    QStringList details{tr("Tracking: %1").arg(EngagementText::tracking(m_report.tracking))};
    if (m_report.firstSentAt.isValid())
        details << tr("first delivered %1")
                       .arg(QLocale().toString(m_report.firstSentAt.toLocalTime(), QLocale::ShortFormat));
    details << tr("%Ln message(s) delivered", nullptr, pluralCount(m_report.delivered));
    m_detailsLabel->setText(details.join(QStringLiteral(" · ")));
    m_emptyLabel->setText(tr("Opens and clicks were not tracked for this campaign: its tracking was off when it was "
                             "sent, so there is nothing to count. Choose anonymous or per-recipient tracking in the "
                             "campaign editor (Opens and clicks) for the next one."));
    m_tabs->setTabText(LinksTab, tr("&Links (%1)").arg(m_report.links.size()));
}

void EngagementView::showMessage(const QString& message, bool problem)
{
    m_messageLabel->setText(message);
    m_messageLabel->setStyleSheet(problem ? QStringLiteral("QLabel { color: #b3261e; }") : QString());
    m_messageLabel->show();
}

void EngagementView::chooseExportFile()
{
    const QString suggested = QDir::home().filePath(QStringLiteral("engagement-%1.csv").arg(m_campaignId));
    const QString path = FileDialog::saveFileName(this, tr("Export Events"), suggested, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

bool EngagementView::isExporting() const
{
    return m_exporter->isRunning();
}

void EngagementView::exportTo(const QString& path, int pageSize)
{
    Database& database = m_database;
    const qint64 campaignId = m_campaignId;
    m_exporter->start(
        tr("Export Events"), path,
        [&database, campaignId, path, pageSize](const JobControl& control) {
            auto written = EngagementExport(database).run(campaignId, path, control, pageSize);
            database.releaseThreadConnection();
            return written;
        },
        [this, path](const Result<qint64>& written) {
            if (!written)
                showMessage(written.error().message, true);
            else
                showMessage(tr("Exported %Ln event(s) to %1.", nullptr, pluralCount(written.value()))
                                .arg(QDir::toNativeSeparators(path)),
                            false);
        });
}

} // namespace herald
