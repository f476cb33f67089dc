#pragma once

#include "VisualFormatter.h"

#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QToolBar;

namespace herald {

class VisualEditor;

// The visual editor's toolbar, two rows: paragraph/heading style, bold, italic, underline, text colour,
// alignment and lists; then link, image, button, rule, undo and redo. Each action has a shortcut shown in its
// tooltip, live while the focus is in `shortcutArea` (Qt::WidgetWithChildrenShortcut: never colliding with the
// main window's Ctrl+1..9 pages or its page shortcuts), and follows the format at the cursor.
class EditorToolbar : public QWidget
{
    Q_OBJECT
public:
    EditorToolbar(VisualEditor* editor, QWidget* shortcutArea, QWidget* parent = nullptr);

    // Offers "Media library…" in the image dialog: the picker returns an src such as "media:logo.png", or "".
    void setImagePicker(const std::function<QString(QWidget*)>& picker) { m_imagePicker = picker; }
    QAction* action(const QString& objectName) const;

private:
    QAction* makeAction(QToolBar* bar, const QString& objectName, const QString& text, const QKeySequence& shortcut,
                       const std::function<void()>& run);
    void buildFormatRow(QToolBar* bar);
    void buildInsertRow(QToolBar* bar);
    void updateState();
    void chooseColour();
    void editLink();
    void insertImage();
    void insertButton();

    VisualEditor* m_editor;
    QWidget* m_shortcutArea;
    VisualFormatter m_formatter;
    QComboBox* m_styleCombo;
    QList<QAction*> m_actions;
    std::function<QString(QWidget*)> m_imagePicker;
};

} // namespace herald
