#include "VisualFormatter.h"

#include "emailhtml/EditorFormats.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextEdit>
#include <QTextList>

namespace herald {

namespace {
// QTextDocument's own sizes for <h1>..<h3> (QTextHtmlParser), so typed headings look like loaded ones.
int sizeAdjustment(int headingLevel) { return headingLevel > 0 ? 4 - headingLevel : 0; }
} // namespace

void VisualFormatter::mergeFormat(const QTextCharFormat& format)
{
    m_editor->mergeCurrentCharFormat(format); // the selection, or what is typed next
}

void VisualFormatter::setBlockStyle(int headingLevel)
{
    QTextCursor cursor = m_editor->textCursor();
    cursor.beginEditBlock();
    QTextBlockFormat block;
    block.setHeadingLevel(headingLevel);
    cursor.mergeBlockFormat(block);
    QTextCursor whole = cursor;
    whole.setPosition(m_editor->document()->findBlock(cursor.selectionStart()).position());
    whole.setPosition(m_editor->document()->findBlock(cursor.selectionEnd()).position()
                          + m_editor->document()->findBlock(cursor.selectionEnd()).length() - 1,
                      QTextCursor::KeepAnchor);
    QTextCharFormat characters;
    characters.setFontWeight(headingLevel > 0 ? QFont::Bold : QFont::Normal);
    characters.setProperty(QTextFormat::FontSizeAdjustment, sizeAdjustment(headingLevel));
    whole.mergeCharFormat(characters);
    m_editor->mergeCurrentCharFormat(characters);
    cursor.endEditBlock();
}

int VisualFormatter::blockStyle() const
{
    const int level = m_editor->textCursor().blockFormat().headingLevel();
    return level >= 1 && level <= 3 ? level : 0;
}

void VisualFormatter::setBold(bool on)
{
    QTextCharFormat format;
    format.setFontWeight(on ? QFont::Bold : QFont::Normal);
    mergeFormat(format);
}

void VisualFormatter::setItalic(bool on)
{
    QTextCharFormat format;
    format.setFontItalic(on);
    mergeFormat(format);
}

void VisualFormatter::setUnderline(bool on)
{
    QTextCharFormat format;
    format.setFontUnderline(on);
    mergeFormat(format);
}

void VisualFormatter::setColour(QTextCursor cursor, const QColor& colour)
{
    QTextCharFormat format;
    format.setForeground(colour);
    m_editor->setTextCursor(cursor);
    m_editor->mergeCurrentCharFormat(format);
}

void VisualFormatter::setAlignment(Qt::Alignment alignment)
{
    m_editor->setAlignment(alignment | Qt::AlignAbsolute);
}

void VisualFormatter::toggleList(QTextListFormat::Style style)
{
    QTextCursor cursor = m_editor->textCursor();
    cursor.beginEditBlock();
    QTextList* list = cursor.currentList();
    if (list && list->format().style() == style) {
        // Out of the list: every block of the selection becomes a paragraph again.
        QTextBlock block = m_editor->document()->findBlock(cursor.selectionStart());
        const QTextBlock last = m_editor->document()->findBlock(cursor.selectionEnd());
        while (block.isValid()) {
            if (QTextList* in = block.textList())
                in->remove(block);
            QTextCursor at(block);
            QTextBlockFormat format = block.blockFormat();
            format.setIndent(0);
            at.setBlockFormat(format);
            if (block == last)
                break;
            block = block.next();
        }
    } else if (list) {
        QTextListFormat format = list->format();
        format.setStyle(style);
        list->setFormat(format);
    } else {
        QTextListFormat format;
        format.setStyle(style);
        cursor.createList(format);
    }
    cursor.endEditBlock();
}

void VisualFormatter::insertRule()
{
    QTextCursor cursor = m_editor->textCursor();
    cursor.beginEditBlock();
    if (cursor.block().length() > 1)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    QTextBlockFormat rule;
    rule.setProperty(QTextFormat::BlockTrailingHorizontalRulerWidth, QTextLength(QTextLength::PercentageLength, 100));
    cursor.setBlockFormat(rule);
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    cursor.endEditBlock();
    m_editor->setTextCursor(cursor);
}

EditorLink VisualFormatter::linkAtCursor() const
{
    const QTextCursor cursor = m_editor->textCursor();
    EditorLink link;
    link.range = cursor;
    link.text = cursor.selectedText();
    struct Piece
    {
        int from;
        int to;
        QString href;
    };
    QList<Piece> pieces;
    for (auto it = cursor.block().begin(); !it.atEnd(); ++it)
        pieces.append({it.fragment().position(), it.fragment().position() + it.fragment().length(),
                       it.fragment().charFormat().anchorHref()});
    // The link after the cursor, else the one that ends at it.
    const int position = cursor.position();
    qsizetype at = -1;
    for (qsizetype i = 0; i < pieces.size() && at < 0; ++i) {
        if (!pieces.at(i).href.isEmpty() && pieces.at(i).from <= position && position < pieces.at(i).to)
            at = i;
    }
    for (qsizetype i = 0; i < pieces.size() && at < 0; ++i) {
        if (!pieces.at(i).href.isEmpty() && pieces.at(i).from < position && position <= pieces.at(i).to)
            at = i;
    }
    if (at < 0)
        return link;
    qsizetype first = at;
    qsizetype last = at;
    while (first > 0 && pieces.at(first - 1).href == pieces.at(at).href)
        --first;
    while (last + 1 < pieces.size() && pieces.at(last + 1).href == pieces.at(at).href)
        ++last;
    link.href = pieces.at(at).href;
    link.range.setPosition(pieces.at(first).from);
    link.range.setPosition(pieces.at(last).to, QTextCursor::KeepAnchor);
    link.text = link.range.selectedText();
    return link;
}

void VisualFormatter::setLink(QTextCursor range, const QString& text, const QString& href)
{
    QTextCharFormat format = range.charFormat();
    format.setAnchor(true);
    format.setAnchorHref(href);
    format.setForeground(linkColour());
    format.setFontUnderline(true);
    format.setBackground(QBrush());
    range.beginEditBlock();
    range.insertText(text, format);
    range.endEditBlock();
    QTextCharFormat plain = format;
    plain.setAnchor(false);
    plain.setAnchorHref(QString());
    plain.setForeground(QBrush());
    plain.setFontUnderline(false);
    m_editor->setTextCursor(range);
    m_editor->setCurrentCharFormat(plain); // typing on after the link is no longer the link
}

void VisualFormatter::removeLink(QTextCursor range)
{
    QTextCharFormat format;
    format.setAnchor(false);
    format.setAnchorHref(QString());
    format.setForeground(QBrush());
    format.setBackground(QBrush());
    format.setFontUnderline(false);
    range.mergeCharFormat(format);
}

void VisualFormatter::insertButton(QTextCursor at, const QString& label, const QString& href, const QColor& colour)
{
    at.beginEditBlock();
    at.insertText(label, EditorFormats::button(href, colour));
    at.endEditBlock();
    m_editor->setTextCursor(at);
    m_editor->setCurrentCharFormat(QTextCharFormat());
}

void VisualFormatter::insertImage(QTextCursor at, const QString& src, const QString& alt, int width)
{
    at.insertImage(EditorFormats::image(src, alt, width));
    m_editor->setTextCursor(at);
}

} // namespace herald
