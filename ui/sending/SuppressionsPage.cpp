#include "SuppressionsPage.h"

#include "SuppressionDialog.h"
#include "common/ExportRunner.h"
#include "common/FormFeedback.h"
#include "common/ImportProgressDialog.h"
#include "common/ListTable.h"
#include "common/MessageBox.h"
#include "common/PageTitle.h"
#include "common/PluralCount.h"
#include "common/RoleGate.h"
#include "common/SearchField.h"
#include "common/ShortcutText.h"
#include "domain/AnonymisedEmail.h"
#include "domain/CurrentUser.h"
#include "importexport/SuppressionExporter.h"
#include "importexport/SuppressionImporter.h"
#include "itemmodels/SuppressionTableModel.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace herald {

namespace {
// The reason filter's first entry: every reason.
constexpr int AnyReason = -1;
} // namespace

SuppressionsPage::SuppressionsPage(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_model(new SuppressionTableModel(database, this))
    , m_view(new QTableView(this))
    , m_searchEdit(new SearchField(tr("Search addresses…"), 260, this))
    , m_reasonCombo(new QComboBox(this))
    , m_countLabel(new QLabel(this))
    , m_hintLabel(new QLabel(this))
    , m_errorLabel(FormFeedback::createErrorLabel(QStringLiteral("suppressionsErrorLabel"), this))
    , m_removeButton(new QPushButton(tr("&Remove"), this))
    , m_exporter(new ExportRunner(this))
{
    setObjectName(QStringLiteral("suppressionsPage"));
    connect(m_model, &SuppressionTableModel::errorOccurred, this, &SuppressionsPage::showError);
    connect(m_model, &SuppressionTableModel::totalCountChanged, this, &SuppressionsPage::showCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { FormFeedback::clearError(m_errorLabel); });

    auto* title = new PageTitle(tr("Suppression List"), this);

    m_searchEdit->setObjectName(QStringLiteral("suppressionSearchEdit")); // unique in the window
    connect(m_searchEdit, &SearchField::searchChanged, m_model, &SuppressionTableModel::setSearchText);

    m_reasonCombo->setObjectName(QStringLiteral("reasonFilterCombo"));
    m_reasonCombo->setAccessibleName(tr("Reason"));
    m_reasonCombo->addItem(tr("All reasons"), AnyReason);
    for (const SuppressionReason reason : allSuppressionReasons())
        m_reasonCombo->addItem(label(reason), int(reason));
    connect(m_reasonCombo, &QComboBox::currentIndexChanged, this, [this] {
        const int reason = m_reasonCombo->currentData().toInt();
        m_model->setReason(reason == AnyReason ? std::nullopt : std::optional(SuppressionReason(reason)));
    });

    m_countLabel->setObjectName(QStringLiteral("suppressionCountLabel"));
    m_hintLabel->setObjectName(QStringLiteral("suppressionHintLabel"));
    m_hintLabel->setWordWrap(true);

    m_view->setObjectName(QStringLiteral("suppressionTable"));
    m_view->setModel(m_model);
    setUpListTable(m_view);
    m_view->setColumnWidth(SuppressionTableModel::Address, 300);
    m_view->setColumnWidth(SuppressionTableModel::Reason, 120);
    m_view->setColumnWidth(SuppressionTableModel::Source, 260);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SuppressionsPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SuppressionsPage::updateActions);

    // Ctrl+N, Ctrl+I and Ctrl+Shift+E anywhere in the window while this page shows (a hidden page's actions do not
    // fire); Delete only in the table, so it keeps its meaning in the search field.
    const auto windowAction = [this](const QString& text, const QKeySequence& shortcut, const char* name) {
        auto* action = new QAction(text, this);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
        return action;
    };
    QAction* addAction = windowAction(tr("Suppress an Address…"), QKeySequence::New, "addSuppressionAction");
    connect(addAction, &QAction::triggered, this, &SuppressionsPage::addSuppression);
    QAction* importAction
        = windowAction(tr("Import Suppression List…"), QKeySequence(Qt::CTRL | Qt::Key_I), "importSuppressionsAction");
    connect(importAction, &QAction::triggered, this, &SuppressionsPage::chooseImportFile);
    QAction* exportAction = windowAction(
        tr("Export Suppression List…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), "exportSuppressionsAction");
    connect(exportAction, &QAction::triggered, this, &SuppressionsPage::chooseExportFile);
    auto* removeAction = new QAction(tr("Remove from the Suppression List"), m_view);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    connect(removeAction, &QAction::triggered, this, &SuppressionsPage::removeSelected);
    m_view->addAction(removeAction);

    const auto button = [this](const QString& text, const char* name, const QString& tip, QAction* action) {
        auto* pushButton = new QPushButton(text, this);
        pushButton->setObjectName(QString::fromLatin1(name));
        pushButton->setToolTip(withShortcut(tip, action->shortcut()));
        connect(pushButton, &QPushButton::clicked, action, &QAction::trigger);
        return pushButton;
    };
    QPushButton* addButton = button(tr("&Add…"), "addSuppressionButton", tr("Suppress an address by hand"), addAction);
    QPushButton* importButton
        = button(tr("&Import…"), "importSuppressionsButton", tr("Add the addresses of a CSV file"), importAction);
    QPushButton* exportButton
        = button(tr("E&xport…"), "exportSuppressionsButton", tr("Export the entries shown to a CSV file"), exportAction);
    m_removeButton->setObjectName(QStringLiteral("removeSuppressionsButton"));
    m_removeButton->setToolTip(
        withShortcut(tr("Lift the suppression of the selected addresses"), removeAction->shortcut()));
    connect(m_removeButton, &QPushButton::clicked, this, &SuppressionsPage::removeSelected);
    RoleGate::require(SessionRole::Right::EditContent, { addAction, addButton, importAction, importButton });
    RoleGate::require(SessionRole::Right::Administer, { removeAction, m_removeButton });

    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addSpacing(16);
    header->addWidget(m_countLabel, 0, Qt::AlignBottom);
    header->addStretch(1);
    header->addWidget(m_reasonCombo);
    header->addWidget(m_searchEdit);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    buttons->addWidget(importButton);
    buttons->addWidget(exportButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(header);
    layout->addLayout(buttons);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_hintLabel);
    layout->addWidget(m_view, 1);

    showCount(m_model->totalCount());
    if (!m_model->lastError().isEmpty())
        showError(m_model->lastError());
    updateActions();
}

void SuppressionsPage::showCount(qint64 count)
{
    const SuppressionFilter& filter = m_model->filter();
    const int n = pluralCount(count);
    m_countLabel->setText(filter.isEverything() ? tr("%Ln suppressed address(es)", nullptr, n)
                                                : tr("%Ln match(es)", nullptr, n));
    if (count > 0)
        m_hintLabel->clear();
    else if (!filter.searchText.isEmpty())
        m_hintLabel->setText(tr("No suppressed address contains “%1”.").arg(filter.searchText));
    else if (filter.reason)
        m_hintLabel->setText(tr("No address is suppressed for the reason “%1”.").arg(label(*filter.reason)));
    else
        m_hintLabel->setText(
            tr("Nothing is suppressed yet. Addresses arrive here when someone unsubscribes, a message bounces hard or "
               "a complaint comes in; Add (%1) suppresses one by hand.")
                .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    m_hintLabel->setVisible(!m_hintLabel->text().isEmpty());
}

void SuppressionsPage::showError(const QString& message) { FormFeedback::showError(m_errorLabel, message); }

void SuppressionsPage::showHint(const QString& message)
{
    m_hintLabel->setText(message);
    m_hintLabel->setVisible(true);
}

void SuppressionsPage::updateActions()
{
    m_removeButton->setEnabled(m_view->selectionModel()->hasSelection());
}

void SuppressionsPage::refresh() { m_model->refresh(); }

void SuppressionsPage::addSuppression()
{
    auto* dialog = new SuppressionDialog(m_database, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString email = dialog->suppression().email;
        refresh();
        showHint(tr("%1 is suppressed: no campaign will mail it.").arg(email));
    });
    dialog->open();
}

void SuppressionsPage::removeSelected()
{
    QStringList emails;
    QStringList addresses; // as the table shows them
    int erased = 0;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows(SuppressionTableModel::Address)) {
        const QString email = index.data(SuppressionTableModel::EmailRole).toString();
        emails << email;
        if (AnonymisedEmail::isAnonymised(email))
            ++erased;
        else
            addresses << email;
    }
    if (emails.isEmpty())
        return;
    QString question = emails.size() == 1 && erased == 0
        ? tr("Lift the suppression of %1? Herald will mail it again in every campaign whose audience includes it.")
              .arg(addresses.first())
        : tr("Lift the suppression of %Ln address(es)? Herald will mail them again in every campaign whose audience "
             "includes them.",
            nullptr, int(emails.size()));
    if (erased > 0)
        question += QStringLiteral("\n\n")
            + tr("%Ln of them stand(s) for erased addresses. Herald keeps only their anonymised form so that a person "
                 "who asked to be forgotten is never mailed again; without it, importing the address again would "
                 "make it mailable.",
                nullptr, erased);
    const MessageBox::ButtonTexts texts { { QMessageBox::Yes, tr("Remove") }, { QMessageBox::No, tr("Keep") } };
    const MessageBox::Buttons buttons(QMessageBox::Yes | QMessageBox::No);
    const auto answer = erased > 0
        ? MessageBox::warning(this, tr("Remove Suppressions"), question, buttons, QMessageBox::No, texts)
        : MessageBox::question(this, tr("Remove Suppressions"), question, buttons, QMessageBox::No, texts);
    if (answer != QMessageBox::Yes)
        return;
    const auto removed = SuppressionRepository(m_database).removeAll(emails);
    refresh();
    if (!removed) {
        showError(removed.error().message);
        return;
    }
    showHint(tr("%Ln address(es) can be mailed again.", nullptr, removed.value()));
}

void SuppressionsPage::chooseImportFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import Suppression List"), QDir::homePath(), tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

ImportProgressDialog* SuppressionsPage::importFile(const QString& path)
{
    auto* dialog = new ImportProgressDialog(
        tr("Import Suppression List from %1").arg(QFileInfo(path).fileName()), path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportProgressDialog::imported, this, &SuppressionsPage::refresh);
    dialog->open();
    Database& database = m_database;
    const QString actor = currentUserName(QStringLiteral("desktop"));
    dialog->start([&database, path, actor](const JobControl& control) {
        return SuppressionImporter(database).run(path, control, SuppressionImporter::DefaultBatchSize, actor);
    });
    return dialog;
}

void SuppressionsPage::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Suppression List"),
        QDir::home().filePath(QStringLiteral("suppressions.csv")), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void SuppressionsPage::exportTo(const QString& path)
{
    // Exactly the entries shown: the search and the reason filter.
    const SuppressionFilter filter = m_model->filter();
    Database& database = m_database;
    m_exporter->start(
        tr("Export Suppression List"), path,
        [&database, path, filter](const JobControl& control) {
            return SuppressionExporter(database).run(path, filter, control);
        },
        [this, path](const Result<qint64>& written) {
            if (!written)
                showError(written.error().message);
            else
                showHint(tr("Exported %Ln address(es) to %1.", nullptr, pluralCount(written.value()))
                             .arg(QDir::toNativeSeparators(path)));
        });
}

} // namespace herald
