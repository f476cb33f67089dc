#include "TemplatesPage.h"

#include "FormFeedback.h"
#include "MessageBox.h"
#include "PageTitle.h"
#include "TemplateHistoryDialog.h"
#include "TemplatePreview.h"
#include "compose/HtmlToText.h"
#include "compose/TemplateSaver.h"
#include "compose/TemplateValidator.h"
#include "storage/TemplateRepository.h"

#include <QAction>
#include <QApplication>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace herald {

namespace {
constexpr int ValidateDelayMs = 150;
constexpr int IdRole = Qt::UserRole;
constexpr int IssueRole = Qt::UserRole;

QString partTitle(const QString& part)
{
    if (part == QLatin1String("subject"))
        return TemplatesPage::tr("Subject");
    if (part == QLatin1String("html"))
        return TemplatesPage::tr("HTML body");
    return TemplatesPage::tr("Text body");
}

bool sameContent(const Template& a, const Template& b)
{
    return a.name == b.name && a.subject == b.subject && a.htmlBody == b.htmlBody && a.textBody == b.textBody;
}

QPlainTextEdit* codeEditor(const QString& objectName, QWidget* parent)
{
    auto* editor = new QPlainTextEdit(parent);
    editor->setObjectName(objectName);
    editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    editor->setTabChangesFocus(true);
    editor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return editor;
}
} // namespace

TemplatesPage::TemplatesPage(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_validateTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("templatesPage"));
    m_preview = new TemplatePreview(database, this);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("templatesSplitter"));
    splitter->addWidget(buildList());
    splitter->addWidget(buildEditor());
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 4);
    splitter->setSizes({230, 520, 480});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(new PageTitle(tr("Templates"), this));
    layout->addWidget(splitter, 1);

    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(ValidateDelayMs);
    connect(m_validateTimer, &QTimer::timeout, this, &TemplatesPage::validate);

    auto* saveAction = new QAction(tr("Save template"), this);
    saveAction->setObjectName(QStringLiteral("saveTemplateAction"));
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveAction, &QAction::triggered, this, &TemplatesPage::save);
    addAction(saveAction);

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
    m_newButton->setToolTip(tr("A new, empty template (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    m_duplicateButton = new QPushButton(tr("D&uplicate"), box);
    m_duplicateButton->setObjectName(QStringLiteral("duplicateTemplateButton"));
    m_deleteButton = new QPushButton(tr("&Delete"), box);
    m_deleteButton->setObjectName(QStringLiteral("deleteTemplateButton"));
    connect(m_newButton, &QPushButton::clicked, this, &TemplatesPage::newTemplate);
    connect(m_duplicateButton, &QPushButton::clicked, this, &TemplatesPage::duplicateTemplate);
    connect(m_deleteButton, &QPushButton::clicked, this, &TemplatesPage::deleteTemplate);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addWidget(m_duplicateButton);
    buttons->addWidget(m_deleteButton);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    return box;
}

QWidget* TemplatesPage::buildEditor()
{
    m_editor = new QWidget(this);
    m_nameEdit = new QLineEdit(m_editor);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_subjectEdit = new QLineEdit(m_editor);
    m_subjectEdit->setObjectName(QStringLiteral("subjectEdit"));
    m_subjectEdit->setPlaceholderText(tr("e.g. News for {{name}}"));
    m_htmlEdit = codeEditor(QStringLiteral("htmlEdit"), m_editor);
    m_htmlEdit->setPlaceholderText(tr("<p>Dear {{name}},</p> … <a href=\"{{unsubscribe_url}}\">Unsubscribe</a> "
                                      "{{postal_address}}"));
    m_textEdit = codeEditor(QStringLiteral("textEdit"), m_editor);
    m_textEdit->setPlaceholderText(tr("Dear {{name}}, … Unsubscribe: {{unsubscribe_url}} {{postal_address}}"));
    m_generateButton = new QPushButton(tr("&Generate text from HTML"), m_editor);
    m_generateButton->setObjectName(QStringLiteral("generateTextButton"));
    m_generateButton->setToolTip(tr("Writes the plain-text body from the HTML body: paragraphs, lists, links as "
                                    "\"text (url)\"; {{placeholders}} are kept."));
    connect(m_generateButton, &QPushButton::clicked, this, &TemplatesPage::generateText);

    m_issuesLabel = new QLabel(m_editor);
    m_issuesLabel->setObjectName(QStringLiteral("issuesLabel"));
    m_issuesLabel->setWordWrap(true);
    m_issuesList = new QListWidget(m_editor);
    m_issuesList->setObjectName(QStringLiteral("issuesList"));
    m_issuesList->setMaximumHeight(120);
    m_issuesList->setWordWrap(true);
    m_issuesList->setToolTip(tr("Press Enter or double-click an issue to go to it."));
    connect(m_issuesList, &QListWidget::itemActivated, this, &TemplatesPage::jumpToIssue);

    m_errorLabel = FormFeedback::createErrorLabel(QStringLiteral("templateErrorLabel"), m_editor);
    m_stateLabel = new QLabel(m_editor);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_stateLabel->setTextFormat(Qt::PlainText);
    m_stateLabel->setWordWrap(true); // long states must not widen the window
    m_saveButton = new QPushButton(tr("&Save"), m_editor);
    m_saveButton->setObjectName(QStringLiteral("saveTemplateButton"));
    m_saveButton->setToolTip(tr("Saves a new version (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_historyButton = new QPushButton(tr("&History…"), m_editor);
    m_historyButton->setObjectName(QStringLiteral("historyButton"));
    connect(m_saveButton, &QPushButton::clicked, this, &TemplatesPage::save);
    connect(m_historyButton, &QPushButton::clicked, this, &TemplatesPage::showHistory);

    auto* htmlHeader = new QHBoxLayout;
    auto* htmlLabel = new QLabel(tr("&HTML body:"), m_editor);
    htmlLabel->setBuddy(m_htmlEdit);
    htmlHeader->addWidget(htmlLabel);
    htmlHeader->addStretch();
    auto* textHeader = new QHBoxLayout;
    auto* textLabel = new QLabel(tr("&Plain-text body:"), m_editor);
    textLabel->setBuddy(m_textEdit);
    textHeader->addWidget(textLabel);
    textHeader->addStretch();
    textHeader->addWidget(m_generateButton);

    auto* form = new QFormLayout;
    form->addRow(tr("Na&me:"), m_nameEdit);
    form->addRow(tr("S&ubject:"), m_subjectEdit);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_stateLabel, 1);
    actions->addWidget(m_historyButton);
    actions->addWidget(m_saveButton);

    auto* layout = new QVBoxLayout(m_editor);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(htmlHeader);
    layout->addWidget(m_htmlEdit, 3);
    layout->addLayout(textHeader);
    layout->addWidget(m_textEdit, 2);
    layout->addWidget(m_issuesLabel);
    layout->addWidget(m_issuesList);
    layout->addWidget(m_errorLabel);
    layout->addLayout(actions);

    connect(m_nameEdit, &QLineEdit::textChanged, this, &TemplatesPage::editorChanged);
    connect(m_subjectEdit, &QLineEdit::textChanged, this, &TemplatesPage::editorChanged);
    connect(m_htmlEdit, &QPlainTextEdit::textChanged, this, &TemplatesPage::editorChanged);
    connect(m_textEdit, &QPlainTextEdit::textChanged, this, &TemplatesPage::editorChanged);
    setTabOrder(m_nameEdit, m_subjectEdit);
    setTabOrder(m_subjectEdit, m_htmlEdit);
    setTabOrder(m_htmlEdit, m_textEdit);
    setTabOrder(m_textEdit, m_generateButton);
    setTabOrder(m_generateButton, m_issuesList);
    setTabOrder(m_issuesList, m_historyButton);
    setTabOrder(m_historyButton, m_saveButton);
    return m_editor;
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
    m_nameEdit->setText(messageTemplate.name);
    m_subjectEdit->setText(messageTemplate.subject);
    m_htmlEdit->setPlainText(messageTemplate.htmlBody);
    m_textEdit->setPlainText(messageTemplate.textBody);
    m_loading = false;
    m_modified = false;
    clearError();
    validate();
    m_preview->setTemplate(messageTemplate);
    m_preview->renderNow();
    updateActions();
}

Template TemplatesPage::edited() const
{
    Template messageTemplate = m_loaded;
    messageTemplate.name = m_nameEdit->text();
    messageTemplate.subject = m_subjectEdit->text();
    messageTemplate.htmlBody = m_htmlEdit->toPlainText();
    messageTemplate.textBody = m_textEdit->toPlainText();
    return messageTemplate;
}

void TemplatesPage::editorChanged()
{
    if (m_loading)
        return;
    m_modified = !sameContent(edited(), m_loaded) || m_loaded.id == 0;
    m_validateTimer->start();
    m_preview->setTemplate(edited());
    updateActions();
}

void TemplatesPage::validate()
{
    m_validateTimer->stop();
    m_issues = TemplateValidator::validate(edited());
    m_issuesList->clear();
    for (qsizetype index = 0; index < m_issues.size(); ++index) {
        const TemplateIssue& issue = m_issues.at(index);
        const bool error = issue.severity == TemplateIssue::Severity::Error;
        const QString where = issue.line > 0
            ? tr("%1 %2:%3").arg(partTitle(issue.part)).arg(issue.line).arg(issue.column)
            : partTitle(issue.part);
        auto* item = new QListWidgetItem(tr("%1 — %2").arg(where, issue.message), m_issuesList);
        item->setIcon(style()->standardIcon(error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning));
        item->setData(IssueRole, int(index));
        item->setToolTip(issue.toString());
    }
    const int errors = TemplateValidator::errorCount(m_issues);
    const int warnings = int(m_issues.size()) - errors;
    if (m_issues.isEmpty())
        m_issuesLabel->setText(tr("No issues: this template can be saved and sent."));
    else if (errors > 0)
        m_issuesLabel->setText(tr("%n error(s) to fix before saving", nullptr, errors)
                               + (warnings > 0 ? tr(", %n warning(s)", nullptr, warnings) : QString()) + tr(":"));
    else
        m_issuesLabel->setText(tr("%n warning(s):", nullptr, warnings));
}

void TemplatesPage::jumpToIssue(QListWidgetItem* item)
{
    if (!item)
        return;
    const TemplateIssue issue = m_issues.value(item->data(IssueRole).toInt());
    if (issue.part == QLatin1String("subject")) {
        m_subjectEdit->setFocus();
        if (issue.column > 0)
            m_subjectEdit->setCursorPosition(issue.column - 1);
        return;
    }
    QPlainTextEdit* editor = issue.part == QLatin1String("html") ? m_htmlEdit : m_textEdit;
    editor->setFocus();
    if (issue.line <= 0)
        return;
    const QTextBlock block = editor->document()->findBlockByNumber(issue.line - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + std::min(issue.column - 1, block.length() - 1));
    editor->setTextCursor(cursor);
    editor->ensureCursorVisible();
}

bool TemplatesPage::save()
{
    validate();
    Template messageTemplate = edited();
    TemplateSaver saver(m_database);
    const Status saved = saver.save(messageTemplate);
    if (!saved && saved.error().field == TemplateSaver::IssuesField) {
        showError(tr("Not saved: the template has %n error(s), listed above. Activate one to go to it.", nullptr,
                     TemplateValidator::errorCount(saver.issues())));
        for (int row = 0; row < m_issuesList->count(); ++row) {
            if (m_issues.at(m_issuesList->item(row)->data(IssueRole).toInt()).severity
                == TemplateIssue::Severity::Error) {
                m_issuesList->setCurrentRow(row);
                break;
            }
        }
        m_issuesList->setFocus();
        return false;
    }
    if (!saved) {
        showError(saved.error().message);
        FormFeedback::markInvalid(m_nameEdit, saved.error().field == QLatin1String("name"));
        return false;
    }
    FormFeedback::markInvalid(m_nameEdit, false);
    m_loaded = messageTemplate;
    m_loading = true;
    m_nameEdit->setText(messageTemplate.name); // trimmed by the repository
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
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(nullptr);
    }
    load(Template());
    m_nameEdit->setFocus();
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
    m_nameEdit->setFocus();
    m_nameEdit->selectAll();
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
    m_nameEdit->setText(version.name);
    m_subjectEdit->setText(version.subject);
    m_htmlEdit->setPlainText(version.htmlBody);
    m_textEdit->setPlainText(version.textBody);
    m_modified = true;
    if (save())
        m_stateLabel->setText(tr("Version %1 restored as version %2.").arg(version.version).arg(m_loaded.version));
}

void TemplatesPage::generateText()
{
    const QString generated = HtmlToText::convert(m_htmlEdit->toPlainText());
    if (!m_textEdit->toPlainText().trimmed().isEmpty() && m_textEdit->toPlainText() != generated
        && MessageBox::question(this, tr("Generate text from HTML"),
                                tr("Replace the plain-text body with text generated from the HTML body? "
                                   "Edit ▸ Undo (Ctrl+Z) in the text body brings it back."))
               != QMessageBox::Yes)
        return;
    QTextCursor cursor(m_textEdit->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(generated); // one undo step, unlike setPlainText
    m_textEdit->setFocus();
}

bool TemplatesPage::confirmLeave()
{
    if (!m_modified)
        return true;
    const QString name = m_nameEdit->text().trimmed().isEmpty() ? tr("New template") : m_nameEdit->text().trimmed();
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
    FormFeedback::showError(m_errorLabel, message);
}

void TemplatesPage::clearError()
{
    FormFeedback::clearError(m_errorLabel);
}

void TemplatesPage::updateActions()
{
    const bool saved = m_loaded.id > 0;
    m_duplicateButton->setEnabled(saved);
    m_deleteButton->setEnabled(saved);
    m_historyButton->setEnabled(saved);
    m_saveButton->setEnabled(m_modified || !saved);
    QString state;
    if (!saved)
        state = tr("New template, not saved yet.");
    else
        state = tr("Version %1, saved %2.")
                    .arg(m_loaded.version)
                    .arg(QLocale().toString(m_loaded.updatedAt.toLocalTime(), QLocale::ShortFormat));
    if (m_modified && saved)
        state += QLatin1Char(' ') + tr("Unsaved changes.");
    m_stateLabel->setText(state);
}

} // namespace herald
