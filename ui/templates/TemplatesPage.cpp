#include "TemplatesPage.h"

#include "StarterChooserDialog.h"
#include "TemplateEditor.h"
#include "TemplateHistoryDialog.h"
#include "TemplatePreview.h"
#include "common/FormFeedback.h"
#include "common/MessageBox.h"
#include "common/PageTitle.h"
#include "common/RoleGate.h"
#include "compose/TemplateSaver.h"
#include "compose/TemplateValidator.h"
#include "media/MediaLibraryDialog.h"
#include "spelling/SpellingSession.h"
#include "storage/BrandingRepository.h"
#include "storage/TemplateRepository.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace herald {

namespace {
constexpr int IdRole = Qt::UserRole;

bool sameContent(const Template& a, const Template& b)
{
    return a.name == b.name && a.subject == b.subject && a.htmlBody == b.htmlBody && a.textBody == b.textBody;
}

} // namespace

TemplatesPage::TemplatesPage(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
{
    setObjectName(QStringLiteral("templatesPage"));
    m_preview = new TemplatePreview(database, this);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("templatesSplitter"));
    splitter->addWidget(buildList());
    m_editor = new TemplateEditor(this);
    m_editor->setSpelling(new SpellingSession(database.profile().id, this));
    // The image dialog's "Media library…" picks from the team's images (src="media:NAME").
    m_editor->setImagePicker([this](QWidget* parent) { return MediaLibraryDialog::pick(parent, m_database).value_or(QString()); });
    connect(m_editor, &TemplateEditor::changed, this, &TemplatesPage::editorChanged);
    connect(m_editor, &TemplateEditor::saveRequested, this, &TemplatesPage::save);
    connect(m_editor, &TemplateEditor::historyRequested, this, &TemplatesPage::showHistory);
    connect(m_preview, &TemplatePreview::fieldValuesChanged, m_editor, &TemplateEditor::setFieldValues);
    splitter->addWidget(m_editor);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 4);
    splitter->setSizes({230, 520, 480});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(new PageTitle(tr("Templates"), this));
    layout->addWidget(splitter, 1);

    auto* saveAction = new QAction(tr("Save template"), this);
    saveAction->setObjectName(QStringLiteral("saveTemplateAction"));
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveAction, &QAction::triggered, this, &TemplatesPage::save);
    addAction(saveAction);
    RoleGate::require(SessionRole::Right::EditContent, { saveAction });

    loadList(0);
}

QWidget* TemplatesPage::buildList()
{
    auto* box = new QWidget(this);
    m_list = new QTreeWidget(box);
    m_list->setObjectName(QStringLiteral("templateList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Name"), tr("Version"), tr("Updated")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &TemplatesPage::selectionChanged);

    m_newButton = new QPushButton(tr("&New"), box);
    m_newButton->setObjectName(QStringLiteral("newTemplateButton"));
    m_newButton->setShortcut(QKeySequence::New);
    m_newButton->setToolTip(tr("A new template, blank or from a starter design (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    m_duplicateButton = new QPushButton(tr("D&uplicate"), box);
    m_duplicateButton->setObjectName(QStringLiteral("duplicateTemplateButton"));
    m_deleteButton = new QPushButton(tr("&Delete"), box);
    m_deleteButton->setObjectName(QStringLiteral("deleteTemplateButton"));
    connect(m_newButton, &QPushButton::clicked, this, &TemplatesPage::newTemplate);
    connect(m_duplicateButton, &QPushButton::clicked, this, &TemplatesPage::duplicateTemplate);
    connect(m_deleteButton, &QPushButton::clicked, this, &TemplatesPage::deleteTemplate);
    RoleGate::require(SessionRole::Right::EditContent, { m_newButton, m_duplicateButton, m_deleteButton });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addWidget(m_duplicateButton);
    buttons->addWidget(m_deleteButton);
    // The team's images, which templates show as src="media:NAME".
    auto* mediaButton = new QPushButton(tr("Media Li&brary…"), box);
    mediaButton->setObjectName(QStringLiteral("mediaLibraryButton"));
    connect(mediaButton, &QPushButton::clicked, this, [this] { MediaLibraryDialog::open(this, m_database); });
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(mediaButton);
    return box;
}

qint64 TemplatesPage::selectedId() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? item->data(0, IdRole).toLongLong() : 0;
}

void TemplatesPage::loadList(qint64 selectId)
{
    auto templates = TemplateRepository(m_database).list();
    if (!templates) {
        showError(templates.error().message);
        return;
    }
    QTreeWidgetItem* selected = nullptr;
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const Template& row : templates.value()) {
            auto* item = new QTreeWidgetItem(m_list);
            item->setText(0, row.name);
            item->setText(1, QString::number(row.version));
            item->setText(2, QLocale().toString(row.updatedAt.toLocalTime(), QLocale::ShortFormat));
            item->setData(0, IdRole, row.id);
            if (row.id == selectId)
                selected = item;
        }
        if (!selected && selectId == 0 && m_loaded.id == 0 && !m_modified)
            selected = m_list->topLevelItem(0);
        m_list->setCurrentItem(selected);
    }
    if (selected && selected->data(0, IdRole).toLongLong() != m_loaded.id) {
        selectionChanged();
    } else if (!selected && m_loaded.id == 0 && !m_modified) {
        load(Template()); // nothing yet: the editor is ready for a first template
    }
    updateActions();
}

void TemplatesPage::refresh()
{
    m_preview->reload();
    if (!m_modified)
        loadList(m_loaded.id);
}

void TemplatesPage::selectionChanged()
{
    const qint64 id = selectedId();
    if (id == 0 || id == m_loaded.id)
        return;
    if (!confirmLeave()) {
        // Stay on the template being edited.
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(nullptr);
        for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
            if (m_list->topLevelItem(row)->data(0, IdRole).toLongLong() == m_loaded.id)
                m_list->setCurrentItem(m_list->topLevelItem(row));
        }
        return;
    }
    auto found = TemplateRepository(m_database).find(id);
    if (!found) {
        showError(found.error().message);
        return;
    }
    load(found.value());
}

void TemplatesPage::load(const Template& messageTemplate)
{
    m_loading = true;
    m_loaded = messageTemplate;
    m_editor->setContent(messageTemplate);
    m_loading = false;
    m_modified = false;
    clearError();
    m_editor->validate();
    m_preview->setTemplate(messageTemplate);
    m_preview->renderNow();
    updateActions();
}

Template TemplatesPage::edited() const { return m_editor->edited(m_loaded); }

void TemplatesPage::editorChanged()
{
    if (m_loading)
        return;
    m_modified = !sameContent(edited(), m_loaded) || m_loaded.id == 0;
    m_editor->validateSoon();
    m_preview->setTemplate(edited());
    updateActions();
}

bool TemplatesPage::save()
{
    m_editor->validate();
    Template messageTemplate = edited();
    TemplateSaver saver(m_database); // the same refusal as `herald template import`
    const Status saved = saver.save(messageTemplate);
    if (!saved && saved.error().field == TemplateSaver::IssuesField) {
        showError(tr("Not saved: the template has %n error(s), listed above. Activate one to go to it.", nullptr,
                     TemplateValidator::errorCount(saver.issues())));
        m_editor->focusFirstError();
        return false;
    }
    if (!saved) {
        showError(saved.error().message);
        FormFeedback::markInvalid(m_editor->nameEdit(), saved.error().field == QLatin1String("name"));
        return false;
    }
    FormFeedback::markInvalid(m_editor->nameEdit(), false);
    m_loaded = messageTemplate;
    m_loading = true;
    m_editor->nameEdit()->setText(messageTemplate.name); // trimmed by the repository
    m_loading = false;
    m_modified = false;
    clearError();
    loadList(messageTemplate.id);
    updateActions();
    return true;
}

void TemplatesPage::newTemplate()
{
    if (!confirmLeave())
        return;
    auto branding = BrandingRepository(m_database).load();
    if (!branding)
        showError(branding.error().message); // the starters are then offered in the default branding
    // Opened without blocking (QDialog::open), so a test finds it with findChild.
    auto* chooser = new StarterChooserDialog(branding ? branding.value() : Branding(), this);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QDialog::accepted, this, [this, chooser] { startTemplate(chooser->chosen()); });
    chooser->open();
}

void TemplatesPage::startTemplate(const Template& start)
{
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(nullptr);
    }
    load(Template());
    if (!start.htmlBody.isEmpty()) {
        m_editor->setContent(start); // unsaved changes to a new template, as if typed
        editorChanged();
        m_editor->validate(); // at once, not after the typing pause
        m_preview->renderNow();
    }
    m_editor->nameEdit()->setFocus();
}

void TemplatesPage::duplicateTemplate()
{
    if (m_loaded.id == 0 || !confirmLeave())
        return;
    QStringList names;
    for (int row = 0; row < m_list->topLevelItemCount(); ++row)
        names << m_list->topLevelItem(row)->text(0).toLower();
    Template copy = m_loaded;
    copy.id = 0;
    copy.uuid.clear();
    copy.name = tr("%1 (copy)").arg(m_loaded.name);
    for (int number = 2; names.contains(copy.name.toLower()); ++number)
        copy.name = tr("%1 (copy %2)").arg(m_loaded.name).arg(number);
    if (const Status added = TemplateRepository(m_database).insert(copy); !added) {
        showError(added.error().message);
        return;
    }
    loadList(copy.id);
    m_editor->nameEdit()->setFocus();
    m_editor->nameEdit()->selectAll();
}

void TemplatesPage::deleteTemplate()
{
    if (m_loaded.id == 0)
        return;
    const auto answer = MessageBox::question(
        this, tr("Delete template"),
        tr("Delete template '%1' with its %n saved version(s)? This cannot be undone.", nullptr, m_loaded.version)
            .arg(m_loaded.name),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No, {{QMessageBox::Yes, tr("Delete")}});
    if (answer != QMessageBox::Yes)
        return;
    const Status removed = TemplateRepository(m_database).remove(m_loaded.id);
    if (!removed) {
        showError(removed.error().message); // names the campaigns that still use it
        return;
    }
    m_loaded = Template();
    m_modified = false;
    loadList(0);
}

void TemplatesPage::showHistory()
{
    if (m_loaded.id == 0)
        return;
    auto versions = TemplateRepository(m_database).versions(m_loaded.id);
    if (!versions) {
        showError(versions.error().message);
        return;
    }
    auto* dialog = new TemplateHistoryDialog(versions.value(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { restore(dialog->restored()); });
    dialog->open();
}

void TemplatesPage::restore(const Template& version)
{
    if (version.id != m_loaded.id)
        return;
    if (m_modified
        && MessageBox::question(this, tr("Restore version %1").arg(version.version),
                                tr("Restoring version %1 replaces your unsaved changes. Restore it?").arg(version.version))
               != QMessageBox::Yes)
        return;
    m_editor->setContent(version);
    m_modified = true;
    if (save())
        m_editor->setState(tr("Version %1 restored as version %2.").arg(version.version).arg(m_loaded.version));
}

void TemplatesPage::setImagePicker(const std::function<QString(QWidget*)>& picker)
{
    m_editor->setImagePicker(picker);
}

void TemplatesPage::generateText() { m_editor->generateText(); }

bool TemplatesPage::confirmLeave()
{
    if (!m_modified)
        return true;
    const QString name = m_editor->nameEdit()->text().trimmed().isEmpty() ? tr("New template") : m_editor->nameEdit()->text().trimmed();
    const auto answer = MessageBox::question(this, tr("Unsaved changes"),
                                             tr("Template '%1' has unsaved changes. Save them?").arg(name),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                             QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard) {
        load(m_loaded);
        return true;
    }
    return false;
}

void TemplatesPage::showError(const QString& message)
{
    m_editor->showError(message);
}

void TemplatesPage::clearError()
{
    m_editor->clearError();
}

void TemplatesPage::updateActions()
{
    const bool saved = m_loaded.id > 0;
    m_duplicateButton->setEnabled(saved);
    m_deleteButton->setEnabled(saved);
    m_editor->setActions(m_modified || !saved, saved);
    QString state;
    if (!saved)
        state = tr("New template, not saved yet.");
    else
        state = tr("Version %1, saved %2.")
                    .arg(m_loaded.version)
                    .arg(QLocale().toString(m_loaded.updatedAt.toLocalTime(), QLocale::ShortFormat));
    if (m_modified && saved)
        state += QLatin1Char(' ') + tr("Unsaved changes.");
    m_editor->setState(state);
}

} // namespace herald
