#include "VisualEditor.h"

#include "emailhtml/EditorImport.h"
#include "emailhtml/PasteCleaner.h"

#include <QKeyEvent>
#include <QMimeData>
#include <QTextBlock>

namespace herald {

VisualEditor::VisualEditor(QWidget* parent)
    : QTextEdit(parent)
{
    setObjectName(QStringLiteral("visualEdit"));
    setAcceptRichText(true);
    setTabChangesFocus(true);
    setAccessibleName(tr("HTML body, visual editor"));
}

bool VisualEditor::event(QEvent* event)
{
    // QTextEdit claims some Ctrl keys for its own bindings (on X11 Ctrl+K deletes to the line's end); ours go first.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const QKeySequence pressed(key->keyCombination());
        for (const QKeySequence& reserved : std::as_const(m_reserved)) {
            if (reserved.matches(pressed) == QKeySequence::ExactMatch) {
                event->ignore();
                return true;
            }
        }
    }
    return QTextEdit::event(event);
}

void VisualEditor::keyPressEvent(QKeyEvent* event)
{
    QTextCursor cursor = textCursor();
    const bool enter = (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && !(event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier));
    if (enter && cursor.blockFormat().headingLevel() > 0 && cursor.atBlockEnd() && !cursor.hasSelection()) {
        QTextBlockFormat paragraph = cursor.blockFormat();
        paragraph.setHeadingLevel(0);
        QTextCharFormat text = cursor.charFormat();
        text.setFontWeight(QFont::Normal);
        text.setProperty(QTextFormat::FontSizeAdjustment, 0);
        cursor.insertBlock(paragraph, text);
        setTextCursor(cursor);
        ensureCursorVisible();
        return;
    }
    QTextEdit::keyPressEvent(event);
}

bool VisualEditor::canInsertFromMimeData(const QMimeData* source) const
{
    return source->hasHtml() || source->hasText() || source->hasImage();
}

void VisualEditor::insertFromMimeData(const QMimeData* source)
{
    QString refusal = tr("The clipboard holds an image, which cannot be pasted into a message: put it in the media "
                         "library or on a web server and use Image… to insert it.");
    if (source->hasHtml()) {
        const auto html = EditorImport::editorHtml(PasteCleaner::clean(source->html()));
        if (html) {
            textCursor().insertHtml(html.value());
            ensureCursorVisible();
            return;
        }
        refusal = html.error().message;
    }
    if (source->hasText()) {
        textCursor().insertText(source->text());
        ensureCursorVisible();
        return;
    }
    emit pasteRefused(refusal);
}

} // namespace herald
