#include "TemplateEditor.h"

#include "common/FormFeedback.h"
#include "common/MessageBox.h"
#include "common/SpellHighlighter.h"
#include "common/SpellLineEdit.h"
#include "common/SpellingMenu.h"
#include "compose/HtmlToText.h"
#include "compose/TemplateValidator.h"
#include "spelling/SpellingSession.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
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
    m_htmlEdit = codeEditor(QStringLiteral("htmlEdit"), this);
    m_htmlEdit->setPlaceholderText(tr("<p>Dear {{name}},</p> … <a href=\"{{unsubscribe_url}}\">Unsubscribe</a> "
                                      "{{postal_address}}"));
    m_textEdit = codeEditor(QStringLiteral("textEdit"), this);
    m_textEdit->setPlaceholderText(tr("Dear {{name}}, … Unsubscribe: {{unsubscribe_url}} {{postal_address}}"));
    m_generateButton = new QPushButton(tr("&Generate text from HTML"), this);
    m_generateButton->setObjectName(QStringLiteral("generateTextButton"));
    m_generateButton->setToolTip(tr("Writes the plain-text body from the HTML body: paragraphs, lists, links as "
                                    "\"text (url)\"; {{placeholders}} are kept."));
    connect(m_generateButton, &QPushButton::clicked, this, &TemplateEditor::generateText);

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

    auto* htmlHeader = new QHBoxLayout;
    auto* htmlLabel = new QLabel(tr("&HTML body:"), this);
    htmlLabel->setBuddy(m_htmlEdit);
    htmlHeader->addWidget(htmlLabel);
    htmlHeader->addStretch();
    auto* textHeader = new QHBoxLayout;
    auto* textLabel = new QLabel(tr("&Plain-text body:"), this);
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

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(htmlHeader);
    layout->addWidget(m_htmlEdit, 3);
    layout->addLayout(textHeader);
    layout->addWidget(m_textEdit, 2);
    layout->addWidget(m_issuesLabel);
    layout->addWidget(m_issuesList);
    layout->addWidget(m_spellingLabel);
    layout->addWidget(m_errorLabel);
    layout->addLayout(actions);

    connect(m_nameEdit, &QLineEdit::textChanged, this, &TemplateEditor::changed);
    connect(m_subjectEdit, &QLineEdit::textChanged, this, &TemplateEditor::changed);
    connect(m_htmlEdit, &QPlainTextEdit::textChanged, this, &TemplateEditor::changed);
    connect(m_textEdit, &QPlainTextEdit::textChanged, this, &TemplateEditor::changed);
    setTabOrder(m_nameEdit, m_subjectEdit);
    setTabOrder(m_subjectEdit, m_htmlEdit);
    setTabOrder(m_htmlEdit, m_textEdit);
    setTabOrder(m_textEdit, m_generateButton);
    setTabOrder(m_generateButton, m_issuesList);
    setTabOrder(m_issuesList, m_historyButton);
    setTabOrder(m_historyButton, m_saveButton);
}

void TemplateEditor::setSpelling(SpellingSession* session)
{
    m_spelling = session;
    m_subjectEdit->setSpelling(session);
    if (!session)
        return;
    new SpellHighlighter(m_htmlEdit->document(), *session, WordTokenizer::Markup::Html);
    new SpellHighlighter(m_textEdit->document(), *session, WordTokenizer::Markup::PlainText);
    SpellingMenu::attach(m_htmlEdit, *session, WordTokenizer::Markup::Html);
    SpellingMenu::attach(m_textEdit, *session, WordTokenizer::Markup::PlainText);
    // Said once the dictionary is first used (setContent), not here: loading it would slow opening the window.
    connect(session, &SpellingSession::changed, this, &TemplateEditor::showSpellingProblem);
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

void TemplateEditor::setContent(const Template& messageTemplate)
{
    m_nameEdit->setText(messageTemplate.name);
    m_subjectEdit->setText(messageTemplate.subject);
    m_htmlEdit->setPlainText(messageTemplate.htmlBody);
    m_textEdit->setPlainText(messageTemplate.textBody);
    showSpellingProblem();
}

Template TemplateEditor::edited(const Template& base) const
{
    Template messageTemplate = base;
    messageTemplate.name = m_nameEdit->text();
    messageTemplate.subject = m_subjectEdit->text();
    messageTemplate.htmlBody = m_htmlEdit->toPlainText();
    messageTemplate.textBody = m_textEdit->toPlainText();
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
