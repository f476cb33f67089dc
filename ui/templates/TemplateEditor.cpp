#include "TemplateEditor.h"

#include "EditorToolbar.h"
#include "FieldMenu.h"
#include "HtmlBodyEditor.h"
#include "TemplateLanguageBox.h"
#include "TextBodyEditor.h"
#include "VisualEditor.h"
#include "common/FormFeedback.h"
#include "common/RoleGate.h"
#include "common/SpellLineEdit.h"
#include "compose/TemplateValidator.h"
#include "spelling/SpellLanguage.h"
#include "spelling/SpellingSession.h"

#include <QApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace herald {

namespace {
constexpr int ValidateDelayMs = 150;
constexpr int IssueRole = Qt::UserRole;

QString partTitle(const QString& part)
{
    if (part == QLatin1String("subject"))
        return TemplateEditor::tr("Subject");
    if (part == QLatin1String("html"))
        return TemplateEditor::tr("HTML body");
    return TemplateEditor::tr("Text body");
}

} // namespace

TemplateEditor::TemplateEditor(QWidget* parent)
    : QWidget(parent)
    , m_validateTimer(new QTimer(this))
{
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(ValidateDelayMs);
    connect(m_validateTimer, &QTimer::timeout, this, &TemplateEditor::validate);

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_subjectEdit = new SpellLineEdit(this);
    m_subjectEdit->setObjectName(QStringLiteral("subjectEdit"));
    m_subjectEdit->setPlaceholderText(tr("e.g. News for {{name}}"));
    m_htmlBody = new HtmlBodyEditor(this);
    m_textBody = new TextBodyEditor(this);
    m_fieldMenu = new FieldMenu(this);
    connect(m_fieldMenu, &FieldMenu::fieldChosen, this, &TemplateEditor::insertField);
    m_pasteLabel = new QLabel(this);
    m_pasteLabel->setObjectName(QStringLiteral("pasteRefusedLabel"));
    m_pasteLabel->setWordWrap(true);
    m_pasteLabel->setTextFormat(Qt::PlainText);
    m_pasteLabel->hide();
    connect(m_htmlBody->visualEditor(), &VisualEditor::pasteRefused, this, [this](const QString& reason) {
        m_pasteLabel->setText(reason);
        m_pasteLabel->show();
    });
    m_lastEdited = m_htmlBody->visualEditor();
    // Insert field goes where the writer was last typing, even once the focus is on the menu's button.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
        if (now && (now == m_subjectEdit || now == m_textBody->edit() || now == m_htmlBody->sourceEdit()
                    || now == m_htmlBody->visualEditor()))
            m_lastEdited = now;
    });

    m_issuesLabel = new QLabel(this);
    m_issuesLabel->setObjectName(QStringLiteral("issuesLabel"));
    m_issuesLabel->setWordWrap(true);
    m_issuesList = new QListWidget(this);
    m_issuesList->setObjectName(QStringLiteral("issuesList"));
    m_issuesList->setMaximumHeight(120);
    m_issuesList->setWordWrap(true);
    m_issuesList->setToolTip(tr("Press Enter or double-click an issue to go to it."));
    connect(m_issuesList, &QListWidget::itemActivated, this, &TemplateEditor::jumpToIssue);

    m_errorLabel = FormFeedback::createErrorLabel(QStringLiteral("templateErrorLabel"), this);
    m_spellingLabel = new QLabel(this);
    m_spellingLabel->setObjectName(QStringLiteral("spellingLabel"));
    m_spellingLabel->setWordWrap(true);
    m_spellingLabel->setTextFormat(Qt::PlainText);
    m_spellingLabel->hide();
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_stateLabel->setTextFormat(Qt::PlainText);
    m_stateLabel->setWordWrap(true); // long states must not widen the window
    m_saveButton = new QPushButton(tr("&Save"), this);
    m_saveButton->setObjectName(QStringLiteral("saveTemplateButton"));
    m_saveButton->setToolTip(tr("Saves a new version (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_historyButton = new QPushButton(tr("&History…"), this);
    m_historyButton->setObjectName(QStringLiteral("historyButton"));
    connect(m_saveButton, &QPushButton::clicked, this, &TemplateEditor::saveRequested);
    connect(m_historyButton, &QPushButton::clicked, this, &TemplateEditor::historyRequested);
    RoleGate::require(SessionRole::Right::EditContent, { m_saveButton });


    // The language beside the name, not on a row of its own: the editors need the height.
    m_languageBox = new TemplateLanguageBox(this);
    auto* languageLabel = new QLabel(tr("La&nguage:"), this);
    languageLabel->setBuddy(m_languageBox);
    auto* nameRow = new QHBoxLayout;
    nameRow->addWidget(m_nameEdit, 1);
    nameRow->addWidget(languageLabel);
    nameRow->addWidget(m_languageBox);
    auto* form = new QFormLayout;
    form->addRow(tr("Na&me:"), nameRow);
    form->addRow(tr("S&ubject:"), m_subjectEdit);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_stateLabel, 1);
    actions->addWidget(m_historyButton);
    actions->addWidget(m_saveButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(buildHtmlHeader());
    layout->addWidget(m_htmlBody, 3);
    layout->addWidget(m_pasteLabel);
    layout->addWidget(m_textBody, 2);
    layout->addWidget(m_issuesLabel);
    layout->addWidget(m_issuesList);
    layout->addWidget(m_spellingLabel);
    layout->addWidget(m_errorLabel);
    layout->addLayout(actions);

    connect(m_nameEdit, &QLineEdit::textChanged, this, &TemplateEditor::changed);
    connect(m_subjectEdit, &QLineEdit::textChanged, this, &TemplateEditor::changed);
    connect(m_languageBox, &TemplateLanguageBox::languageChanged, this, [this] {
        followLanguage();
        emit changed();
    });
    connect(m_htmlBody, &HtmlBodyEditor::changed, this, [this] {
        m_pasteLabel->hide();
        emit changed();
    });
    connect(m_htmlBody, &HtmlBodyEditor::sourceChanged, this, [this] { m_textBody->followHtml(m_htmlBody->html()); });
    connect(m_textBody, &TextBodyEditor::changed, this, &TemplateEditor::changed);
    setTabOrder(m_nameEdit, m_languageBox);
    setTabOrder(m_languageBox, m_subjectEdit);
    setTabOrder(m_subjectEdit, m_htmlBody);
    setTabOrder(m_htmlBody, m_textBody);
    setTabOrder(m_textBody, m_issuesList);
    setTabOrder(m_issuesList, m_historyButton);
    setTabOrder(m_historyButton, m_saveButton);
}

void TemplateEditor::setSpelling(SpellingSession* session)
{
    m_spelling = session;
    m_subjectEdit->setSpelling(session);
    if (!session)
        return;
    m_htmlBody->setSpelling(*session);
    m_textBody->setSpelling(*session);
    // Said once the dictionary is first used (setContent), not here: loading it would slow opening the window.
    connect(session, &SpellingSession::changed, this, &TemplateEditor::showSpellingProblem);
}

void TemplateEditor::followLanguage()
{
    if (m_spelling)
        m_spelling->setDictionary(SpellLanguage::dictionaryFor(m_languageBox->language()));
}

void TemplateEditor::showSpellingProblem()
{
    const QString problem = m_spelling ? m_spelling->problem() : QString();
    m_spellingLabel->setText(problem);
    m_spellingLabel->setVisible(!problem.isEmpty());
}

void TemplateEditor::validate()
{
    m_validateTimer->stop();
    m_issues = TemplateValidator::validate(edited(Template()));
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
    m_issuesList->setVisible(!m_issues.isEmpty()); // the room goes to the editors when there is nothing to list
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

void TemplateEditor::jumpToIssue(QListWidgetItem* item)
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
    if (issue.part == QLatin1String("html")) {
        m_htmlBody->goToSource(issue.line, issue.column);
        return;
    }
    QPlainTextEdit* editor = m_textBody->edit();
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

void TemplateEditor::setContent(const Template& messageTemplate)
{
    m_nameEdit->setText(messageTemplate.name);
    m_subjectEdit->setText(messageTemplate.subject);
    {
        const QSignalBlocker quiet(m_languageBox); // loading is no edit
        m_languageBox->setLanguage(messageTemplate.language);
    }
    followLanguage();
    m_htmlBody->load(messageTemplate.htmlBody);
    m_textBody->load(messageTemplate.textBody, messageTemplate.htmlBody);
    m_pasteLabel->hide();
    m_lastEdited = m_htmlBody->currentEditor();
    showSpellingProblem();
}

Template TemplateEditor::edited(const Template& base) const
{
    Template messageTemplate = base;
    messageTemplate.name = m_nameEdit->text();
    messageTemplate.subject = m_subjectEdit->text();
    messageTemplate.language = m_languageBox->language();
    messageTemplate.htmlBody = m_htmlBody->html();
    // While visual edits wait to reach the source, so does the text following it: saved as it will be.
    messageTemplate.textBody = m_textBody->textFor(messageTemplate.htmlBody);
    return messageTemplate;
}

void TemplateEditor::validateSoon() { m_validateTimer->start(); }

void TemplateEditor::focusFirstError()
{
    for (int row = 0; row < m_issuesList->count(); ++row) {
        if (m_issues.at(m_issuesList->item(row)->data(IssueRole).toInt()).severity
            == TemplateIssue::Severity::Error) {
            m_issuesList->setCurrentRow(row);
            break;
        }
    }
    m_issuesList->setFocus();
}

void TemplateEditor::generateText()
{
    m_textBody->followHtml(m_htmlBody->html()); // the visual editor's latest, even before the source caught up
    m_textBody->generate();
}

QWidget* TemplateEditor::buildHtmlHeader()
{
    auto* header = new QWidget(this);
    auto* label = new QLabel(tr("&HTML body:"), header);
    label->setBuddy(m_htmlBody->tabs());
    auto* insertField = new QPushButton(tr("Insert &Field"), header);
    insertField->setObjectName(QStringLiteral("insertFieldButton"));
    insertField->setToolTip(tr("Inserts a placeholder, such as {{name}}, where you were typing: subject, HTML "
                               "body or text body. Beside each, its value for the nonprofit the preview shows."));
    insertField->setMenu(m_fieldMenu);
    insertField->setFocusPolicy(Qt::TabFocus); // a click leaves the focus where the placeholder goes
    auto* layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addStretch();
    layout->addWidget(insertField);
    return header;
}

void TemplateEditor::setFieldValues(const QHash<QString, QString>& values) { m_fieldMenu->setValues(values); }

void TemplateEditor::setImagePicker(const std::function<QString(QWidget*)>& picker)
{
    m_htmlBody->toolbar()->setImagePicker(picker);
}

void TemplateEditor::insertField(const QString& placeholder)
{
    QWidget* target = m_lastEdited ? m_lastEdited.data() : m_htmlBody->currentEditor();
    // The HTML body's two editors are one field: the tab shown is the one to type in.
    if (target == m_htmlBody->visualEditor() || target == m_htmlBody->sourceEdit())
        target = m_htmlBody->currentEditor();
    if (target == m_subjectEdit)
        m_subjectEdit->insert(placeholder);
    else if (auto* plain = qobject_cast<QPlainTextEdit*>(target))
        plain->insertPlainText(placeholder);
    else if (auto* rich = qobject_cast<QTextEdit*>(target))
        rich->textCursor().insertText(placeholder);
    target->setFocus();
}

void TemplateEditor::showError(const QString& message)
{
    FormFeedback::showError(m_errorLabel, message);
}

void TemplateEditor::clearError()
{
    FormFeedback::clearError(m_errorLabel);
}

void TemplateEditor::setState(const QString& state) { m_stateLabel->setText(state); }

void TemplateEditor::setActions(bool canSave, bool hasHistory)
{
    m_historyButton->setEnabled(hasHistory);
    m_saveButton->setEnabled(canSave);
}

} // namespace herald
