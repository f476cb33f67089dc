#include "TextBodyEditor.h"

#include "common/MessageBox.h"
#include "common/SpellHighlighter.h"
#include "common/SpellingMenu.h"
#include "compose/HtmlToText.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>
#include <QVBoxLayout>

namespace herald {

TextBodyEditor::TextBodyEditor(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit(this))
    , m_generateButton(new QPushButton(tr("&Generate text from HTML"), this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("textBodyEditor"));
    m_edit->setObjectName(QStringLiteral("textEdit"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setTabChangesFocus(true);
    m_edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_edit->setPlaceholderText(tr("Dear {{name}}, … Unsubscribe: {{unsubscribe_url}} {{postal_address}}"));
    m_generateButton->setObjectName(QStringLiteral("generateTextButton"));
    m_generateButton->setToolTip(tr("Writes the plain-text body from the HTML body: paragraphs, lists, links as "
                                    "\"text (url)\"; {{placeholders}} are kept."));
    connect(m_generateButton, &QPushButton::clicked, this, &TextBodyEditor::generate);
    m_note->setObjectName(QStringLiteral("textBodyNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setText(tr("Edited by hand: the text body no longer follows the HTML body. Generate text from HTML "
                       "makes it follow again."));
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->hide();

    auto* header = new QHBoxLayout;
    auto* label = new QLabel(tr("&Plain-text body:"), this);
    label->setBuddy(m_edit);
    header->addWidget(label);
    header->addStretch();
    header->addWidget(m_generateButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_note);
    layout->addWidget(m_edit, 1);
    setTabOrder(m_edit, m_generateButton);

    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        updateNote();
        emit changed();
    });
}

void TextBodyEditor::setSpelling(SpellingSession& session)
{
    new SpellHighlighter(m_edit->document(), session, WordTokenizer::Markup::PlainText);
    SpellingMenu::attach(m_edit, session, WordTokenizer::Markup::PlainText);
}

void TextBodyEditor::load(const QString& text, const QString& html)
{
    m_html = html;
    m_generated = HtmlToText::convert(html);
    m_edit->setPlainText(text);
}

QString TextBodyEditor::text() const { return m_edit->toPlainText(); }

QString TextBodyEditor::textFor(const QString& html) const
{
    if (html == m_html || !followsHtml())
        return text();
    return HtmlToText::convert(html);
}

bool TextBodyEditor::followsHtml() const
{
    return m_edit->toPlainText().trimmed().isEmpty() || m_edit->toPlainText() == m_generated;
}

void TextBodyEditor::followHtml(const QString& html)
{
    if (html == m_html)
        return;
    const bool follows = followsHtml();
    m_html = html;
    m_generated = HtmlToText::convert(html);
    if (follows && m_edit->toPlainText() != m_generated)
        setText(m_generated);
    updateNote();
}

void TextBodyEditor::setText(const QString& text)
{
    QTextCursor cursor(m_edit->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(text); // one undo step, unlike setPlainText
}

void TextBodyEditor::generate()
{
    if (!followsHtml()
        && MessageBox::question(this, tr("Generate text from HTML"),
                                tr("Replace the plain-text body with text generated from the HTML body? "
                                   "Edit ▸ Undo (Ctrl+Z) in the text body brings it back."))
               != QMessageBox::Yes)
        return;
    setText(m_generated);
    m_edit->setFocus();
}

void TextBodyEditor::updateNote() { m_note->setVisible(!followsHtml()); }

} // namespace herald
