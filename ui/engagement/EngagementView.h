#pragma once

#include "domain/Error.h"
#include "engagement/EngagementExport.h"
#include "engagement/EngagementFigures.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace herald {

class Database;
class EngagementChart;
class EngagementFiguresBlock;
class EngagementLinksTable;
class EngagementRecipientsTab;
class ExportRunner;

// One campaign's engagement, as `herald report campaign` gives it: the figures (people first), the first week's
// chart and the links on a Summary and a Links tab, and with per-recipient tracking who opened and who clicked on a
// Recipients tab; a campaign sent without tracking says so instead of showing zeros. The report is read off the UI
// thread (from the roll-ups, quick for a million recipients); Refresh (F5) reads it again, and "Export Events as
// CSV…" writes the campaign's raw opens and clicks behind a progress dialog with Cancel.
class EngagementView : public QWidget
{
    Q_OBJECT
public:
    // `delivered`: the campaign's delivered count when the opening page holds it already (CampaignsPage's counts,
    // CampaignPanel's CampaignProgress::sent), so the first read does not count the sends again; -1 counts them.
    EngagementView(Database& database, qint64 campaignId, qint64 delivered, QWidget* parent = nullptr);
    ~EngagementView() override;

    qint64 campaignId() const { return m_campaignId; }
    bool isLoading() const { return m_loading; }
    // The last report shown (empty before the first read arrives).
    const CampaignEngagement& report() const { return m_report; }
    bool isExporting() const;

public slots:
    // Reads the report again in the background; the delivered count is counted afresh (sending may go on).
    void refresh();
    // Asks for a file, then writes the campaign's raw events to it.
    void chooseExportFile();
    // Pages of `pageSize` events, cancel between them (tests make them small to cancel midway).
    void exportTo(const QString& path, int pageSize = EngagementExport::DefaultPageSize);

signals:
    // A report arrived: its name is known (the dialog's title).
    void reportShown(const QString& campaignName);

private:
    QWidget* buildSummaryTab();
    void showReport();
    void showHeader();
    void showMessage(const QString& message, bool problem);

    Database& m_database;
    qint64 m_campaignId;
    qint64 m_delivered;
    CampaignEngagement m_report;
    QFutureWatcher<Result<CampaignEngagement>> m_loader;
    bool m_loading = false;
    bool m_reloadPending = false;

    QLabel* m_titleLabel;
    QLabel* m_detailsLabel;
    QLabel* m_messageLabel;
    QStackedWidget* m_stack;
    QLabel* m_emptyLabel;
    QTabWidget* m_tabs;
    EngagementFiguresBlock* m_figures;
    EngagementChart* m_chart;
    EngagementLinksTable* m_links;
    EngagementRecipientsTab* m_recipients;
    QPushButton* m_exportButton;
    QPushButton* m_refreshButton;
    ExportRunner* m_exporter;
};

} // namespace herald
