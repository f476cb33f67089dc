#pragma once

#include <QColor>
#include <QString>
#include <QTextCursor>
#include <QTextListFormat>

class QTextEdit;

namespace herald {

// A link in the visual editor: its text and address, and where it stands (the cursor selects it).
struct EditorLink
{
    QString text;
    QString href;
    QTextCursor range; // the link, or the editor's cursor (and selection) when there is none
    bool exists() const { return !href.isEmpty(); }
};

// What the toolbar does to the visual editor's document, in the formats TextDocumentReader reads back:
// heading levels on blocks, lists, alignment, bold/italic/underline/colour on the selection (or on what is typed
// next), links, buttons, images and rules. Each change is one undo step.
class VisualFormatter
{
public:
    explicit VisualFormatter(QTextEdit* editor)
        : m_editor(editor)
    {
    }

    // 0: paragraph, 1..3: heading.
    void setBlockStyle(int headingLevel);
    int blockStyle() const;
    void setBold(bool on);
    void setItalic(bool on);
    void setUnderline(bool on);
    void setColour(QTextCursor cursor, const QColor& colour);
    void setAlignment(Qt::Alignment alignment);
    // Puts the blocks of the selection in a list of `style`, or out of it when they already are.
    void toggleList(QTextListFormat::Style style);
    void insertRule();

    EditorLink linkAtCursor() const;
    // Replaces `link.range` (or inserts at the cursor) with `text` linking to `href`.
    void setLink(QTextCursor range, const QString& text, const QString& href);
    void removeLink(QTextCursor range);
    void insertButton(QTextCursor at, const QString& label, const QString& href, const QColor& colour);
    void insertImage(QTextCursor at, const QString& src, const QString& alt, int width);

    static QColor linkColour() { return QColor(0x1a, 0x5f, 0xb4); }

private:
    void mergeFormat(const QTextCharFormat& format);

    QTextEdit* m_editor;
};

} // namespace herald
