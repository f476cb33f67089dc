#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTimer;

namespace herald {

class EditorToolbar;
class SpellingSession;
class VisualEditor;

// A template's HTML body in two tabs kept in step: "Visual" (VisualEditor with its toolbar) and "HTML source".
// Visual edits are written to the source as email-safe HTML (EmailHtmlWriter) once typing pauses; source edits
// reach the visual document when EditorImport accepts them. HTML the visual editor cannot hold opens in the source
// tab, the visual tab off and a sentence above saying why. Nothing is rewritten unless the writer edits visually:
// html() is the source text as loaded or typed until then.
class HtmlBodyEditor : public QWidget
{
    Q_OBJECT
public:
    explicit HtmlBodyEditor(QWidget* parent = nullptr);

    // The HTML as stored: not an edit (no changed()).
    void load(const QString& html);
    // The HTML to save: the source, or what the visual document writes when the source has not caught up yet.
    QString html() const;
    bool isVisualAvailable() const;
    bool isVisualCurrent() const;

    VisualEditor* visualEditor() const { return m_visual; }
    QPlainTextEdit* sourceEdit() const { return m_source; }
    EditorToolbar* toolbar() const { return m_toolbar; }
    QTabWidget* tabs() const { return m_tabs; }
    // The editor of the tab shown.
    QWidget* currentEditor() const;

    void setSpelling(SpellingSession& session);
    // Shows the source with the cursor at line:column (1-based).
    void goToSource(int line, int column);

signals:
    void changed();
    // The source text changed (after visual edits: once typing pauses).
    void sourceChanged();

private:
    void visualEdited();
    void sourceEdited();
    void writeSource();
    void importSource();
    void tabChanged(int index);

    QLabel* m_reasonLabel;
    QTabWidget* m_tabs;
    VisualEditor* m_visual;
    EditorToolbar* m_toolbar;
    QPlainTextEdit* m_source;
    QTimer* m_writeTimer;
    QTimer* m_importTimer;
    bool m_syncing = false;
};

} // namespace herald
