#include "CampaignsPage.h"

#include "CampaignEditorDialog.h"
#include "common/ColumnWidths.h"
#include "common/FormFeedback.h"
#include "common/MessageBox.h"
#include "common/PageTitle.h"
#include "common/RoleGate.h"
#include "engagement/EngagementButton.h"
#include "engagement/EngagementDialog.h"
#include "sending/CampaignLauncher.h"
#include "storage/AudienceCounter.h"
#include "storage/CampaignApprovalRepository.h"
#include "storage/CampaignRepository.h"
#include "storage/SegmentRepository.h"
#include "storage/SendRepository.h"
#include "storage/TemplateRepository.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace herald {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("herald", text); }

QString statusText(CampaignStatus status)
{
    switch (status) {
    case CampaignStatus::Draft:
        return tr("Draft");
    case CampaignStatus::Scheduled:
        return tr("Scheduled");
    case CampaignStatus::Sending:
        return tr("Sending");
    case CampaignStatus::Paused:
        return tr("Paused");
    case CampaignStatus::Completed:
        return tr("Completed");
    case CampaignStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString timeText(const QDateTime& time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

// Everything the list shows, read on a worker thread with its own connection: a few statements, whatever the
// number of nonprofits (counts are aggregates in the database).
Result<QList<CampaignListRow>> readCampaignList(Database& database, bool includeArchived, bool awaitingOnly)
{
    auto campaigns = CampaignRepository(database).list();
    if (!campaigns)
        return campaigns.error();
    auto templates = TemplateRepository(database).list();
    if (!templates)
        return templates.error();
    auto segments = SegmentRepository(database).list();
    if (!segments)
        return segments.error();
    auto counts = SendRepository(database).countsByCampaign();
    if (!counts)
        return counts.error();
    auto refusals = CampaignLauncher(database).lastRefusals(campaigns.value());
    if (!refusals)
        return refusals.error();
    QHash<qint64, QString> templateNames;
    for (const Template& messageTemplate : templates.value())
        templateNames.insert(messageTemplate.id, messageTemplate.name);
    QHash<qint64, QString> segmentNames;
    for (const Segment& segment : segments.value())
        segmentNames.insert(segment.id, segment.name);

    QList<CampaignListRow> rows;
    AudienceCounter counter(database);
    for (const Campaign& campaign : campaigns.value()) {
        if (campaign.archived && !includeArchived)
            continue;
        CampaignListRow row;
        row.campaign = campaign;
        row.templateName = templateNames.value(campaign.templateId);
        row.audienceName = campaign.segmentId == 0 ? tr("All active nonprofits")
                                                   : segmentNames.value(campaign.segmentId,
                                                                        tr("Segment #%1 (deleted)").arg(campaign.segmentId));
        const QHash<SendStatus, qint64> sends = counts->value(campaign.id);
        row.sent = sends.value(SendStatus::Sent);
        row.failed = sends.value(SendStatus::Failed);
        row.refusal = refusals->value(campaign.id);
        if (campaign.status == CampaignStatus::Draft || campaign.status == CampaignStatus::Scheduled) {
            if (const auto size = counter.countCampaignAudience(campaign.audience))
                row.audienceSize = size->recipients;
        } else {
            qint64 queued = 0;
            for (auto it = sends.cbegin(); it != sends.cend(); ++it) {
                if (it.key() != SendStatus::Suppressed)
                    queued += it.value();
            }
            row.audienceSize = queued;
        }
        rows << row;
    }
    // Drafts too large to queue without a second person's approval (team server, schema 24), by their audience now.
    QHash<qint64, qint64> draftSizes;
    for (const CampaignListRow& row : std::as_const(rows)) {
        if (row.campaign.status == CampaignStatus::Draft && row.audienceSize >= 0)
            draftSizes.insert(row.campaign.id, row.audienceSize);
    }
    auto awaiting = CampaignApprovalRepository(database).awaiting(draftSizes);
    if (!awaiting)
        return awaiting.error();
    QList<CampaignListRow> shown;
    for (CampaignListRow& row : rows) {
        if (const auto author = awaiting->constFind(row.campaign.id); author != awaiting->cend())
            row.awaitingApproval = CampaignApprovalRepository::waitingText(author.value());
        if (!awaitingOnly || !row.awaitingApproval.isEmpty())
            shown << row;
    }
    return shown;
}
} // namespace

CampaignsPage::CampaignsPage(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_showArchived(new QCheckBox(tr("Show &archived"), this))
    , m_awaitingOnly(new QCheckBox(tr("A&waiting approval"), this))
    , m_countLabel(new QLabel(this))
    , m_hintLabel(new QLabel(this))
    , m_errorLabel(FormFeedback::createErrorLabel(QStringLiteral("campaignsErrorLabel"), this))
    , m_newButton(new QPushButton(tr("&New…"), this))
    , m_editButton(new QPushButton(tr("&Edit…"), this))
    , m_duplicateButton(new QPushButton(tr("D&uplicate"), this))
    , m_archiveButton(new QPushButton(tr("A&rchive"), this))
    , m_deleteButton(new QPushButton(tr("&Delete"), this))
    , m_engagementButton(new EngagementButton(this))
{
    setObjectName(QStringLiteral("campaignsPage"));
    auto* title = new PageTitle(tr("Campaigns"), this);
    m_countLabel->setObjectName(QStringLiteral("campaignCountLabel"));
    m_hintLabel->setObjectName(QStringLiteral("campaignHintLabel"));
    m_hintLabel->setWordWrap(true);
    m_showArchived->setObjectName(QStringLiteral("showArchivedCheck"));
    connect(m_showArchived, &QCheckBox::toggled, this, &CampaignsPage::refresh);
    m_awaitingOnly->setObjectName(QStringLiteral("awaitingApprovalCheck"));
    m_awaitingOnly->setToolTip(tr("Only the drafts that wait for a second person's approval before they can be sent"));
    m_awaitingOnly->setVisible(CampaignApprovalRepository(m_database).applies());
    connect(m_awaitingOnly, &QCheckBox::toggled, this, &CampaignsPage::refresh);

    m_table->setObjectName(QStringLiteral("campaignTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Status"), tr("Template"), tr("Audience"), tr("Audience size"),
                                        tr("Sent"), tr("Failed"), tr("Scheduled for"), tr("Updated")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    const std::pair<int, int> widths[] = {{Name, 200},         {Status, 85}, {Template, 150},  {Audience, 160},
                                          {AudienceSize, 100}, {Sent, 60},   {Failed, 60},     {ScheduledFor, 125}};
    for (const auto& [column, width] : widths)
        setColumnWidthFittingHeader(m_table->horizontalHeader(), column, width);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &CampaignsPage::editCurrent);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &CampaignsPage::updateActions);

    auto* newAction = new QAction(tr("New Campaign…"), this);
    newAction->setShortcut(QKeySequence::New);
    newAction->setShortcutContext(Qt::WindowShortcut);
    connect(newAction, &QAction::triggered, this, &CampaignsPage::newCampaign);
    addAction(newAction);
    auto* editAction = new QAction(tr("Edit Campaign…"), m_table);
    editAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    editAction->setShortcutContext(Qt::WidgetShortcut);
    connect(editAction, &QAction::triggered, this, &CampaignsPage::editCurrent);
    m_table->addAction(editAction);
    auto* duplicateAction = new QAction(tr("Duplicate Campaign"), m_table);
    duplicateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    duplicateAction->setShortcutContext(Qt::WidgetShortcut);
    connect(duplicateAction, &QAction::triggered, this, &CampaignsPage::duplicateCurrent);
    m_table->addAction(duplicateAction);
    auto* deleteAction = new QAction(tr("Delete Campaign"), m_table);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteAction, &QAction::triggered, this, &CampaignsPage::deleteCurrent);
    m_table->addAction(deleteAction);

    const auto withShortcut = [](const QString& text, const QKeySequence& shortcut) {
        return QStringLiteral("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText));
    };
    m_newButton->setObjectName(QStringLiteral("newCampaignButton"));
    m_newButton->setToolTip(withShortcut(tr("Create a campaign"), newAction->shortcut()));
    m_editButton->setObjectName(QStringLiteral("editCampaignButton"));
    m_editButton->setToolTip(withShortcut(tr("Open the selected campaign"), QKeySequence(Qt::Key_Return)));
    m_duplicateButton->setObjectName(QStringLiteral("duplicateCampaignButton"));
    m_duplicateButton->setToolTip(withShortcut(tr("Copy the selected campaign into a new draft"),
                                               duplicateAction->shortcut()));
    m_archiveButton->setObjectName(QStringLiteral("archiveCampaignButton"));
    m_deleteButton->setObjectName(QStringLiteral("deleteCampaignButton"));
    m_deleteButton->setToolTip(withShortcut(tr("Delete the selected draft"), deleteAction->shortcut()));
    connect(m_newButton, &QPushButton::clicked, this, &CampaignsPage::newCampaign);
    connect(m_editButton, &QPushButton::clicked, this, &CampaignsPage::editCurrent);
    connect(m_duplicateButton, &QPushButton::clicked, this, &CampaignsPage::duplicateCurrent);
    connect(m_archiveButton, &QPushButton::clicked, this, &CampaignsPage::archiveCurrent);
    connect(m_deleteButton, &QPushButton::clicked, this, &CampaignsPage::deleteCurrent);
    // Opening a campaign stays allowed: viewers read it; its editor closes what they may not do.
    RoleGate::require(SessionRole::Right::EditContent, { newAction, m_newButton, duplicateAction, m_duplicateButton,
                                                         m_archiveButton, deleteAction, m_deleteButton });
    m_engagementButton->addShortcutTo(m_table);
    connect(m_engagementButton, &EngagementButton::engagementRequested, this,
            [this](qint64 id, qint64 delivered) { EngagementDialog::showFor(m_database, id, delivered, this); });
    connect(&m_loader, &QFutureWatcher<Result<QList<CampaignListRow>>>::finished, this, &CampaignsPage::showRows);

    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addSpacing(16);
    header->addWidget(m_countLabel, 0, Qt::AlignBottom);
    header->addStretch(1);
    header->addWidget(m_awaitingOnly, 0, Qt::AlignBottom);
    header->addWidget(m_showArchived, 0, Qt::AlignBottom);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {m_newButton, m_editButton, m_duplicateButton, m_archiveButton, m_deleteButton})
        buttons->addWidget(button);
    buttons->addWidget(m_engagementButton);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(header);
    layout->addLayout(buttons);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_hintLabel);
    layout->addWidget(m_table, 1);

    updateActions();
    refresh();
}

CampaignsPage::~CampaignsPage()
{
    m_loader.waitForFinished();
}

void CampaignsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh(); // sends move on while another page is shown
}

int CampaignsPage::rowCount() const
{
    return m_table->rowCount();
}

void CampaignsPage::refresh()
{
    if (m_loading) {
        m_reloadPending = true;
        return;
    }
    m_reloadPending = false;
    m_loading = true;
    if (const auto current = currentRow(); current && m_selectAfterLoad == 0)
        m_selectAfterLoad = current->campaign.id;
    Database& database = m_database;
    const bool includeArchived = m_showArchived->isChecked();
    const bool awaitingOnly = m_awaitingOnly->isChecked();
    m_loader.setFuture(QtConcurrent::run([&database, includeArchived, awaitingOnly] {
        auto rows = readCampaignList(database, includeArchived, awaitingOnly);
        database.releaseThreadConnection();
        return rows;
    }));
}

void CampaignsPage::showRows()
{
    m_loading = false;
    if (m_reloadPending) {
        refresh();
        return;
    }
    const auto rows = m_loader.result();
    if (!rows) {
        showError(rows.error().message);
        return;
    }
    FormFeedback::clearError(m_errorLabel);
    m_rows = rows.value();
    const QSignalBlocker blocker(m_table);
    m_table->clearContents();
    m_table->setRowCount(int(m_rows.size()));
    const QLocale locale;
    for (int row = 0; row < m_rows.size(); ++row) {
        const CampaignListRow& line = m_rows.at(row);
        const auto number = [&locale](qint64 value) { return value < 0 ? QString() : locale.toString(value); };
        const QString cells[ColumnCount] = {
            line.campaign.archived ? tr("%1 (archived)").arg(line.campaign.name) : line.campaign.name,
            !line.refusal.isEmpty()             ? tr("Draft (not started)")
            : !line.awaitingApproval.isEmpty() ? tr("Draft (awaiting approval)")
                                               : statusText(line.campaign.status),
            line.templateName,
            line.audienceName,
            number(line.audienceSize),
            number(line.sent),
            number(line.failed),
            timeText(line.campaign.scheduledAt),
            timeText(line.campaign.updatedAt),
        };
        for (int column = 0; column < ColumnCount; ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (column == AudienceSize || column == Sent || column == Failed)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setData(Qt::UserRole, line.campaign.id);
            if (column == Status)
                item->setToolTip(line.refusal.isEmpty() ? line.awaitingApproval : line.refusal);
            m_table->setItem(row, column, item);
        }
    }
    const int n = int(m_rows.size());
    m_countLabel->setText(tr("%n campaign(s)", nullptr, n));
    m_hintLabel->setText(n > 0 ? QString()
                               : tr("No campaigns yet. Press New (%1) to pair a template with an audience.")
                                     .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    m_hintLabel->setVisible(n == 0);
    if (m_selectAfterLoad != 0) {
        selectCampaign(m_selectAfterLoad);
        m_selectAfterLoad = 0;
    }
    updateActions();
}

void CampaignsPage::showError(const QString& message)
{
    FormFeedback::showError(m_errorLabel, message);
}

std::optional<CampaignListRow> CampaignsPage::currentRow() const
{
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return std::nullopt;
    const qint64 id = selected.first()->data(Qt::UserRole).toLongLong();
    for (const CampaignListRow& row : m_rows) {
        if (row.campaign.id == id)
            return row;
    }
    return std::nullopt;
}

void CampaignsPage::selectCampaign(qint64 id)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, Name)->data(Qt::UserRole).toLongLong() == id) {
            m_table->selectRow(row);
            m_table->scrollToItem(m_table->item(row, Name));
            return;
        }
    }
}

void CampaignsPage::updateActions()
{
    const auto current = currentRow();
    const bool selected = current.has_value();
    const CampaignStatus status = selected ? current->campaign.status : CampaignStatus::Draft;
    const bool active = status == CampaignStatus::Sending || status == CampaignStatus::Scheduled;
    m_editButton->setEnabled(selected);
    m_duplicateButton->setEnabled(selected);
    m_archiveButton->setEnabled(selected && !active);
    m_archiveButton->setText(selected && current->campaign.archived ? tr("Unar&chive") : tr("A&rchive"));
    m_archiveButton->setToolTip(active ? tr("A campaign that is sending or scheduled cannot be archived.")
                                       : tr("Hide the campaign from the list (Show archived brings it back)"));
    m_deleteButton->setEnabled(selected && status == CampaignStatus::Draft);
    m_engagementButton->setCampaign(selected ? current->campaign.id : 0, selected ? current->sent : 0);
    if (!m_rows.isEmpty()) {
        // A refused scheduled start says why under the list while the campaign is selected.
        const QString refusal = selected ? current->refusal : QString();
        m_hintLabel->setText(refusal.isEmpty() ? QString()
                                               : tr("Not started at its scheduled time, and a draft again: %1").arg(refusal));
        m_hintLabel->setVisible(!refusal.isEmpty());
    }
}

void CampaignsPage::openEditor(const Campaign& campaign)
{
    auto* editor = new CampaignEditorDialog(m_database, campaign, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &CampaignEditorDialog::campaignSaved, this, [this](qint64 id) {
        m_selectAfterLoad = id;
        refresh();
    });
    editor->open();
}

void CampaignsPage::newCampaign()
{
    openEditor(Campaign());
}

void CampaignsPage::editCurrent()
{
    const auto current = currentRow();
    if (!current)
        return;
    // Edit what is stored now, not what the list read a while ago.
    auto stored = CampaignRepository(m_database).find(current->campaign.id);
    if (!stored) {
        showError(stored.error().message);
        return;
    }
    openEditor(stored.value());
}

void CampaignsPage::duplicateCurrent()
{
    const auto current = currentRow();
    if (!current)
        return;
    auto stored = CampaignRepository(m_database).find(current->campaign.id);
    if (!stored) {
        showError(stored.error().message);
        return;
    }
    // A new draft with the same choices; the snapshot is taken again when it is queued.
    Campaign copy = stored.value();
    copy.id = 0;
    copy.uuid.clear();
    copy.name = tr("%1 (copy)").arg(copy.name);
    copy.status = CampaignStatus::Draft;
    copy.scheduledAt = {};
    copy.archived = false;
    copy.templateVersion = 0;
    if (const herald::Status inserted = CampaignRepository(m_database).insert(copy); !inserted) {
        showError(inserted.error().message);
        return;
    }
    m_selectAfterLoad = copy.id;
    refresh();
}

void CampaignsPage::archiveCurrent()
{
    const auto current = currentRow();
    if (!current)
        return;
    const bool archive = !current->campaign.archived;
    if (const auto done = CampaignRepository(m_database).setArchived(current->campaign.id, archive); !done) {
        showError(done.error().message);
        return;
    }
    refresh();
}

void CampaignsPage::deleteCurrent()
{
    const auto current = currentRow();
    if (!current || current->campaign.status != CampaignStatus::Draft)
        return;
    const auto answer = MessageBox::question(
        this, tr("Delete Campaign"), tr("Delete the draft “%1”? This cannot be undone.").arg(current->campaign.name),
        MessageBox::Buttons(QMessageBox::Yes | QMessageBox::No), QMessageBox::No,
        {{QMessageBox::Yes, tr("Delete")}, {QMessageBox::No, tr("Keep")}});
    if (answer != QMessageBox::Yes)
        return;
    if (const herald::Status removed = CampaignRepository(m_database).remove(current->campaign.id); !removed)
        showError(removed.error().message);
    refresh();
}

} // namespace herald
