#pragma once

#include "domain/Campaign.h"
#include "domain/Error.h"

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace herald {

class Database;
class CampaignEditorDialog;
class EngagementButton;

// One line of the campaign list: the campaign and the figures that describe it.
struct CampaignListRow
{
    Campaign campaign;
    QString templateName;
    QString audienceName;
    qint64 audienceSize = -1; // recipients: the live count for drafts and scheduled ones, the queue otherwise
    qint64 sent = 0;
    qint64 failed = 0;
    QString refusal; // why its scheduled start was refused (a draft again), until it is changed
    QString awaitingApproval; // "Waiting for approval from …" while a draft waits for a second person
};

// The campaigns: a list with their status, template, audience and figures, read off the UI thread; New, Edit
// and Duplicate open a CampaignEditorDialog, Archive hides a campaign, Delete removes a draft after asking, and
// Engagement (Ctrl+E) opens the opens and clicks of a campaign that has delivered anything.
class CampaignsPage : public QWidget
{
    Q_OBJECT
public:
    enum Column { Name, Status, Template, Audience, AudienceSize, Sent, Failed, ScheduledFor, Updated, ColumnCount };

    explicit CampaignsPage(Database& database, QWidget* parent = nullptr);
    ~CampaignsPage() override;

    bool isLoading() const { return m_loading; }
    int rowCount() const;

public slots:
    // Reads the list again in the background, keeping the selection.
    void refresh();
    void newCampaign();
    void editCurrent();
    void duplicateCurrent();
    void archiveCurrent();
    void deleteCurrent();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showRows();
    void showError(const QString& message);
    void updateActions();
    void openEditor(const Campaign& campaign);
    std::optional<CampaignListRow> currentRow() const;
    void selectCampaign(qint64 id);

    Database& m_database;
    QTableWidget* m_table;
    QCheckBox* m_showArchived;
    QCheckBox* m_awaitingOnly; // approvers' list: the drafts waiting for an approval
    QLabel* m_countLabel;
    QLabel* m_hintLabel;
    QLabel* m_errorLabel;
    QPushButton* m_newButton;
    QPushButton* m_editButton;
    QPushButton* m_duplicateButton;
    QPushButton* m_archiveButton;
    QPushButton* m_deleteButton;
    EngagementButton* m_engagementButton;
    QList<CampaignListRow> m_rows;
    QFutureWatcher<Result<QList<CampaignListRow>>> m_loader;
    bool m_reloadPending = false;
    bool m_loading = false; // until the rows are shown (finished comes after isRunning() turns false)
    qint64 m_selectAfterLoad = 0;
};

} // namespace herald
