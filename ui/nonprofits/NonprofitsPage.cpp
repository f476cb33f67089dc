#include "NonprofitsPage.h"

#include "BulkTagDialog.h"
#include "ImportDialog.h"
#include "NonprofitDialog.h"
#include "SampleDataActions.h"
#include "WelcomePanel.h"
#include "SegmentFilterBar.h"
#include "common/ColumnWidths.h"
#include "common/ExportRunner.h"
#include "common/FormFeedback.h"
#include "common/ListTable.h"
#include "common/MessageBox.h"
#include "common/PageTitle.h"
#include "common/PluralCount.h"
#include "common/RoleGate.h"
#include "common/SearchField.h"
#include "common/ShortcutText.h"
#include "compliance/GdprService.h"
#include "config/Config.h"
#include "domain/CurrentUser.h"
#include "importexport/NonprofitExporter.h"
#include "itemmodels/NonprofitTableModel.h"
#include "onboarding/SampleData.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace herald {

NonprofitsPage::NonprofitsPage(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_model(new NonprofitTableModel(database, this))
    , m_view(new QTableView(this))
    , m_searchEdit(new SearchField(tr("Search name or email…"), 280, this))
    , m_countLabel(new QLabel(this))
    , m_hintLabel(new QLabel(this))
    , m_errorLabel(FormFeedback::createErrorLabel(QStringLiteral("nonprofitsErrorLabel"), this))
    , m_nextStepLabel(new QLabel(this))
    , m_welcome(new WelcomePanel(this))
    , m_sampleData(new SampleDataActions(database, this))
    , m_addButton(new QPushButton(tr("&Add…"), this))
    , m_editButton(new QPushButton(tr("&Edit…"), this))
    , m_deleteButton(new QPushButton(tr("&Delete"), this))
    , m_tagButton(new QPushButton(tr("Tag&s…"), this))
    , m_privacyButton(new QPushButton(tr("&Privacy"), this))
    , m_filterBar(new SegmentFilterBar(database, this))
    , m_exporter(new ExportRunner(this))
    , m_sortColumn(NonprofitTableModel::Name)
{
    setObjectName(QStringLiteral("nonprofitsPage"));
    m_model->setPageSize(Config::instance().get(Config::NonprofitsPageSize).toInt());
    // The model reads its first page when built; errors from then on land in the error label.
    connect(m_model, &NonprofitTableModel::errorOccurred, this, &NonprofitsPage::showError);
    connect(m_model, &NonprofitTableModel::totalCountChanged, this, &NonprofitsPage::showCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { FormFeedback::clearError(m_errorLabel); });

    auto* title = new PageTitle(tr("Nonprofits"), this);

    connect(m_searchEdit, &SearchField::searchChanged, m_model, &NonprofitTableModel::setSearchText);
    connect(m_searchEdit, &QLineEdit::textChanged, m_filterBar, &SegmentFilterBar::setSearchText);
    connect(m_filterBar, &SegmentFilterBar::filterChanged, m_model, &NonprofitTableModel::setSegment);
    connect(m_filterBar, &SegmentFilterBar::searchTextChosen, m_searchEdit, &QLineEdit::setText);
    connect(m_filterBar, &SegmentFilterBar::errorOccurred, this, &NonprofitsPage::showError);

    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_hintLabel->setObjectName(QStringLiteral("hintLabel"));
    m_hintLabel->setWordWrap(true);

    m_view->setObjectName(QStringLiteral("nonprofitTable"));
    m_view->setModel(m_model);
    setUpListTable(m_view);
    const std::pair<int, int> widths[] = {
        { NonprofitTableModel::Name, 230 },
        { NonprofitTableModel::Email, 210 },
        { NonprofitTableModel::Ein, 85 },
        { NonprofitTableModel::City, 110 },
        { NonprofitTableModel::Region, 95 },
        { NonprofitTableModel::Country, 60 },
        { NonprofitTableModel::Tags, 120 },
        { NonprofitTableModel::Status, 75 },
    };
    m_view->horizontalHeader()->setSortIndicatorShown(true); // before the widths: any column may show it
    for (const auto& [column, width] : widths)
        setColumnWidthFittingHeader(m_view->horizontalHeader(), column, width);
    // Nearly every row says US; the column is one right-click on the header away.
    m_view->setColumnHidden(NonprofitTableModel::Country, true);
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view->horizontalHeader(), &QWidget::customContextMenuRequested, this, &NonprofitsPage::showColumnMenu);
    m_view->horizontalHeader()->setSortIndicator(m_sortColumn, m_sortOrder);
    // The view asks the model to sort (NonprofitTableModel::sort runs ORDER BY in the database).
    m_view->setSortingEnabled(true);
    connect(
        m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder order) {
            if (column == NonprofitTableModel::Tags) {
                // Tags are a list, with no order the database can page by: keep the previous sort.
                m_view->horizontalHeader()->setSortIndicator(m_sortColumn, m_sortOrder);
                return;
            }
            m_sortColumn = column;
            m_sortOrder = order;
        });
    connect(m_view, &QAbstractItemView::doubleClicked, this, &NonprofitsPage::editCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &NonprofitsPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &NonprofitsPage::updateActions);

    // Shortcuts: Ctrl+N anywhere in the window while this page shows (a hidden page's actions do not
    // fire); Enter and Delete only in the table, so they keep their usual meaning in the search field.
    auto* addAction = new QAction(tr("Add Nonprofit…"), this);
    addAction->setShortcut(QKeySequence::New);
    addAction->setShortcutContext(Qt::WindowShortcut);
    connect(addAction, &QAction::triggered, this, &NonprofitsPage::addNonprofit);
    addAction->setObjectName(QStringLiteral("addAction"));
    this->addAction(addAction);

    auto* editAction = new QAction(tr("Edit Nonprofit…"), m_view);
    editAction->setShortcuts({ QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter) });
    editAction->setShortcutContext(Qt::WidgetShortcut);
    connect(editAction, &QAction::triggered, this, &NonprofitsPage::editCurrent);
    m_view->addAction(editAction);

    auto* deleteAction = new QAction(tr("Delete Nonprofits"), m_view);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteAction, &QAction::triggered, this, &NonprofitsPage::deleteSelected);
    m_view->addAction(deleteAction);

    m_addButton->setObjectName(QStringLiteral("addButton"));
    m_addButton->setToolTip(withShortcut(tr("Add a nonprofit"), addAction->shortcut()));
    m_editButton->setObjectName(QStringLiteral("editButton"));
    m_editButton->setToolTip(withShortcut(tr("Edit the selected nonprofit"), QKeySequence(Qt::Key_Return)));
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_deleteButton->setToolTip(withShortcut(tr("Delete the selected nonprofits"), deleteAction->shortcut()));
    connect(m_addButton, &QPushButton::clicked, this, &NonprofitsPage::addNonprofit);
    connect(m_editButton, &QPushButton::clicked, this, &NonprofitsPage::editCurrent);
    connect(m_deleteButton, &QPushButton::clicked, this, &NonprofitsPage::deleteSelected);

    auto* tagAction = new QAction(tr("Tag Nonprofits…"), m_view);
    tagAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    tagAction->setShortcutContext(Qt::WidgetShortcut);
    connect(tagAction, &QAction::triggered, this, &NonprofitsPage::tagSelected);
    m_view->addAction(tagAction);
    m_tagButton->setObjectName(QStringLiteral("tagButton"));
    m_tagButton->setToolTip(withShortcut(tr("Add or remove tags on the selected nonprofits"), tagAction->shortcut()));
    connect(m_tagButton, &QPushButton::clicked, this, &NonprofitsPage::tagSelected);

    // GDPR requests concern one organisation's contact: export what Herald holds, or erase it.
    auto* privacyMenu = new QMenu(m_privacyButton);
    m_exportPersonalDataAction = privacyMenu->addAction(tr("Export Personal Data…"), this, &NonprofitsPage::choosePersonalDataFile);
    m_eraseAction = privacyMenu->addAction(tr("Erase Personal Data…"), this, &NonprofitsPage::eraseSelected);
    m_privacyButton->setObjectName(QStringLiteral("privacyButton"));
    m_privacyButton->setToolTip(tr("GDPR requests about the selected nonprofit"));
    m_privacyButton->setMenu(privacyMenu);

    auto* importAction = new QAction(tr("Import Nonprofits…"), this);
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importAction->setShortcutContext(Qt::WindowShortcut);
    connect(importAction, &QAction::triggered, this, &NonprofitsPage::chooseImportFile);
    this->addAction(importAction);
    auto* exportAction = new QAction(tr("Export Nonprofits…"), this);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportAction->setShortcutContext(Qt::WindowShortcut);
    connect(exportAction, &QAction::triggered, this, &NonprofitsPage::chooseExportFile);
    this->addAction(exportAction);
    auto* importButton = new QPushButton(tr("&Import…"), this);
    importButton->setObjectName(QStringLiteral("importButton"));
    importButton->setToolTip(withShortcut(tr("Import nonprofits from a CSV file"), importAction->shortcut()));
    connect(importButton, &QPushButton::clicked, this, &NonprofitsPage::chooseImportFile);
    auto* exportButton = new QPushButton(tr("E&xport…"), this);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setToolTip(withShortcut(tr("Export the nonprofits shown to a CSV file"), exportAction->shortcut()));
    connect(exportButton, &QPushButton::clicked, this, &NonprofitsPage::chooseExportFile);
    RoleGate::require(SessionRole::Right::EditContent, { addAction, m_addButton, editAction, m_editButton, deleteAction,
                                                         m_deleteButton, tagAction, m_tagButton, importAction,
                                                         importButton });
    RoleGate::require(SessionRole::Right::Administer, { m_eraseAction });

    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addSpacing(16);
    header->addWidget(m_countLabel, 0, Qt::AlignBottom);
    header->addStretch(1);
    header->addWidget(m_searchEdit);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_deleteButton);
    buttons->addWidget(m_tagButton);
    buttons->addWidget(m_privacyButton);
    buttons->addStretch(1);
    buttons->addWidget(importButton);
    buttons->addWidget(exportButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(header);
    layout->addWidget(m_filterBar);
    layout->addLayout(buttons);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_hintLabel);
    layout->addWidget(m_nextStepLabel);
    layout->addWidget(m_welcome);
    layout->addWidget(m_view, 1);

    m_nextStepLabel->setObjectName(QStringLiteral("nextStepLabel"));
    m_nextStepLabel->setWordWrap(true);
    m_nextStepLabel->setStyleSheet(QStringLiteral("QLabel#nextStepLabel { background: #e8f0fe; border: 1px solid #aecbfa;"
                                                  " border-radius: 4px; padding: 6px 8px; }"));
    m_nextStepLabel->hide();
    connect(m_welcome, &WelcomePanel::loadSampleRequested, m_sampleData, &SampleDataActions::load);
    connect(m_welcome, &WelcomePanel::importRequested, this, &NonprofitsPage::chooseImportFile);
    connect(m_welcome, &WelcomePanel::connectRequested, this, &NonprofitsPage::connectServerRequested);
    connect(m_sampleData, &SampleDataActions::loadingStarted, this, [this] { m_welcome->setBusy(true); });
    connect(m_sampleData, &SampleDataActions::changed, this, [this] {
        m_welcome->setBusy(false);
        m_nextStepLabel->hide();
        refresh();
    });
    connect(m_sampleData, &SampleDataActions::loaded, this, &NonprofitsPage::showSampleLoaded);
    connect(m_sampleData, &SampleDataActions::errorOccurred, this, &NonprofitsPage::showError);

    showCount(m_model->totalCount());
    updateWelcome();
    if (!m_model->lastError().isEmpty())
        showError(m_model->lastError());
    updateActions();
}

void NonprofitsPage::showCount(qint64 count)
{
    const int n = pluralCount(count);
    const bool searching = !m_model->searchText().isEmpty();
    const bool filtering = !m_model->query().segment.isEverything();
    m_countLabel->setText(
        searching || filtering ? tr("%Ln match(es)", nullptr, n) : tr("%Ln nonprofit(s)", nullptr, n));
    if (count > 0)
        m_hintLabel->clear();
    else if (filtering)
        m_hintLabel->setText(tr("No nonprofit matches the filters (%1).").arg(m_model->query().segment.describe()));
    else if (searching)
        m_hintLabel->setText(tr("No nonprofit has “%1” in its name or email.").arg(m_model->searchText()));
    else
        m_hintLabel->setText(tr("No nonprofits yet. Press Add (%1) to enter the first one.")
                                 .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    m_hintLabel->setVisible(!m_hintLabel->text().isEmpty());
    updateWelcome();
}

void NonprofitsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    updateWelcome(); // templates or campaigns may have been added on other pages
}

void NonprofitsPage::updateWelcome()
{
    const auto empty = SampleData(m_database).databaseIsEmpty();
    const bool welcome = empty && empty.value();
    m_welcome->setVisible(welcome);
    // The panel says what the "No nonprofits yet" hint would.
    if (welcome && m_model->searchText().isEmpty() && m_model->query().segment.isEverything())
        m_hintLabel->hide();
}

void NonprofitsPage::showSampleLoaded(qint64 nonprofits)
{
    m_nextStepLabel->setText(
        tr("Loaded %Ln sample nonprofit(s), a template, a segment and a sender. Next: open Campaigns, select "
           "“Sample campaign”, press Edit… and then Test Send… to send yourself one message (a mail provider "
           "must be set up under Settings → Mail providers first).",
            nullptr, int(nonprofits)));
    m_nextStepLabel->show();
}

void NonprofitsPage::showColumnMenu(const QPoint& position)
{
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("columnMenu"));
    for (int column = NonprofitTableModel::Name + 1; column < NonprofitTableModel::ColumnCount; ++column) {
        QAction* action = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!m_view->isColumnHidden(column));
        connect(
            action, &QAction::toggled, this, [this, column](bool shown) { m_view->setColumnHidden(column, !shown); });
    }
    menu.exec(m_view->horizontalHeader()->viewport()->mapToGlobal(position));
}

void NonprofitsPage::showError(const QString& message)
{
    FormFeedback::showError(m_errorLabel, message);
}

void NonprofitsPage::updateActions()
{
    const int selected = int(m_view->selectionModel()->selectedRows().size());
    m_editButton->setEnabled(selected == 1);
    m_deleteButton->setEnabled(selected > 0);
    m_tagButton->setEnabled(selected > 0);
    m_privacyButton->setEnabled(selected == 1);
}

void NonprofitsPage::refresh()
{
    m_model->refresh();
    updateWelcome(); // an import or a first nonprofit ends the empty database
}

void NonprofitsPage::openDialog(NonprofitDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const qint64 id = dialog->nonprofit().id;
        refresh();
        selectNonprofit(id);
    });
    dialog->open();
}

void NonprofitsPage::addNonprofit()
{
    openDialog(new NonprofitDialog(m_database, this));
}

void NonprofitsPage::editCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = current.siblingAtColumn(0).data(NonprofitTableModel::IdRole).toLongLong();
    // Edit what is stored now, not what this page read a while ago.
    auto stored = NonprofitRepository(m_database).find(id);
    if (!stored) {
        showError(stored.error().message);
        return;
    }
    openDialog(new NonprofitDialog(m_database, stored.value(), this));
}

QList<qint64> NonprofitsPage::selectedIds(QStringList* names) const
{
    QList<qint64> ids;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows(NonprofitTableModel::Name)) {
        ids << index.data(NonprofitTableModel::IdRole).toLongLong();
        names->append(index.data().toString());
    }
    return ids;
}

void NonprofitsPage::deleteSelected()
{
    QStringList names;
    const QList<qint64> ids = selectedIds(&names);
    if (ids.isEmpty())
        return;
    const QString question = ids.size() == 1
        ? tr("Delete “%1”? This cannot be undone.").arg(names.first())
        : tr("Delete %Ln nonprofit(s)? This cannot be undone.", nullptr, int(ids.size()));
    const auto answer = MessageBox::question(this, tr("Delete Nonprofits"), question,
        MessageBox::Buttons(QMessageBox::Yes | QMessageBox::No), QMessageBox::No,
        { { QMessageBox::Yes, tr("Delete") }, { QMessageBox::No, tr("Keep") } });
    if (answer != QMessageBox::Yes)
        return;
    const auto removed = NonprofitRepository(m_database).remove(ids);
    refresh();
    if (!removed)
        showError(removed.error().message);
}

void NonprofitsPage::selectNonprofit(qint64 id)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        if (index.data(NonprofitTableModel::IdRole).toLongLong() == id) {
            m_view->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_view->scrollTo(index);
            return;
        }
    }
}

const Nonprofit* NonprofitsPage::singleSelected() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.size() == 1 ? &m_model->nonprofitAt(rows.first().row()) : nullptr;
}

void NonprofitsPage::tagSelected()
{
    QStringList names;
    const QList<qint64> ids = selectedIds(&names);
    if (ids.isEmpty())
        return;
    auto* dialog = new BulkTagDialog(int(ids.size()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids] {
        NonprofitRepository repository(m_database);
        const auto changed = dialog->change() == BulkTagDialog::Change::Add ? repository.addTags(ids, dialog->tags())
                                                                          : repository.removeTags(ids, dialog->tags());
        refresh();
        if (!changed)
            showError(changed.error().message);
    });
    dialog->open();
}

void NonprofitsPage::chooseImportFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import Nonprofits"), QDir::homePath(), tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

ImportDialog* NonprofitsPage::importFile(const QString& path)
{
    auto* dialog = new ImportDialog(m_database, path, this);
    if (!dialog->isReady()) {
        MessageBox::warning(this, tr("Cannot Import"), dialog->errorText());
        delete dialog;
        return nullptr;
    }
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::imported, this, &NonprofitsPage::refresh);
    dialog->open();
    return dialog;
}

void NonprofitsPage::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Nonprofits"), QDir::home().filePath(QStringLiteral("nonprofits.csv")), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void NonprofitsPage::exportTo(const QString& path)
{
    // Exactly the rows shown: the search, the filters and the sort order.
    const NonprofitQuery query = m_model->query();
    Database& database = m_database;
    m_exporter->start(
        tr("Export Nonprofits"), path,
        [&database, path, query](const JobControl& control) {
            return NonprofitExporter(database).run(path, query, control);
        },
        [this, path](const Result<qint64>& written) {
            if (!written)
                showError(written.error().message);
            else
                m_hintLabel->setText(tr("Exported %Ln nonprofit(s) to %1.", nullptr, int(written.value()))
                                         .arg(QDir::toNativeSeparators(path)));
            m_hintLabel->setVisible(true);
        });
}

void NonprofitsPage::choosePersonalDataFile()
{
    const Nonprofit* nonprofit = singleSelected();
    if (!nonprofit)
        return;
    const QString suggested = QDir::home().filePath(QStringLiteral("%1-personal-data.json").arg(nonprofit->email));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Personal Data"), suggested, tr("JSON files (*.json)"));
    if (!path.isEmpty())
        exportPersonalDataTo(path);
}

void NonprofitsPage::exportPersonalDataTo(const QString& path)
{
    const Nonprofit* nonprofit = singleSelected();
    if (!nonprofit)
        return;
    if (Status written = GdprService(m_database).writeExport(nonprofit->email, path); !written) {
        showError(written.error().message);
        return;
    }
    m_hintLabel->setText(tr("Everything Herald holds about %1 was written to %2.")
                             .arg(nonprofit->email, QDir::toNativeSeparators(path)));
    m_hintLabel->setVisible(true);
}

void NonprofitsPage::eraseSelected()
{
    const Nonprofit* selected = singleSelected();
    if (!selected)
        return;
    const Nonprofit nonprofit = *selected; // the model is reset below
    const auto answer = MessageBox::warning(this, tr("Erase Personal Data"),
        tr("Erase “%1” (%2)? The row, its tags and the addresses in its sent messages are deleted; only an "
           "anonymised entry stays on the suppression list so that the address is never mailed again. This "
           "cannot be undone.")
            .arg(nonprofit.name, nonprofit.email),
        MessageBox::Buttons(QMessageBox::Yes | QMessageBox::No), QMessageBox::No,
        { { QMessageBox::Yes, tr("Erase") }, { QMessageBox::No, tr("Keep") } });
    if (answer != QMessageBox::Yes)
        return;
    const auto erased = GdprService(m_database).erase(nonprofit.email, currentUserName(QStringLiteral("desktop")));
    refresh();
    if (!erased) {
        showError(erased.error().message);
        return;
    }
    m_hintLabel->setText(tr("%1 was erased; the address stays suppressed as an anonymised entry.").arg(nonprofit.email));
    m_hintLabel->setVisible(true);
}

} // namespace herald
