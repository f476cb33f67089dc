#pragma once

#include <QKeySequence>
#include <QList>
#include <QTextEdit>

namespace herald {

// The HTML body as a writer sees it: a QTextEdit over the document EmailHtmlWriter writes from (EditorFormats).
// Pastes go through PasteCleaner and EditorImport, so a word processor's or a web page's HTML arrives as
// headings, emphasis, lists and links only; an image on the clipboard is refused with a sentence (pasteRefused).
// The editor's own shortcuts (setReservedShortcuts) win over the text edit's key bindings (Ctrl+K, Ctrl+U).
class VisualEditor : public QTextEdit
{
    Q_OBJECT
public:
    explicit VisualEditor(QWidget* parent = nullptr);

    void setReservedShortcuts(const QList<QKeySequence>& shortcuts) { m_reserved = shortcuts; }

signals:
    void pasteRefused(const QString& reason);

protected:
    bool event(QEvent* event) override;
    // Return at the end of a heading starts a paragraph, as in a word processor (QTextEdit would go on with the heading).
    void keyPressEvent(QKeyEvent* event) override;
    bool canInsertFromMimeData(const QMimeData* source) const override;
    void insertFromMimeData(const QMimeData* source) override;

private:
    QList<QKeySequence> m_reserved;
};

} // namespace herald
