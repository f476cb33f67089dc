#pragma once

#include "domain/Template.h"

#include <QWidget>

#include <functional>

class QPushButton;
class QTreeWidget;

namespace herald {

class Database;
class TemplateEditor;
class TemplatePreview;

// The templates: a list (name, version, last saved) with New (blank or a starter design), Duplicate and Delete; an editor for name,
// subject, HTML and plain-text bodies whose issues (TemplateValidator) are listed with line:column and
// jump to the spot; Save (Ctrl+S) refuses a template with errors and otherwise stores a new version;
// History shows the versions and restores one; a live preview renders for a chosen nonprofit.
class TemplatesPage : public QWidget
{
    Q_OBJECT
public:
    explicit TemplatesPage(Database& database, QWidget* parent = nullptr);

    bool isModified() const { return m_modified; }
    // Asks what to do with unsaved changes (Save / Discard / Cancel); false when the user stays.
    bool confirmLeave();
    // Lets the image dialog offer the media library: the picker returns an src such as "media:logo.png", or "".
    void setImagePicker(const std::function<QString(QWidget*)>& picker);

public slots:
    // Offers Blank and the starter designs (StarterChooserDialog, opened without blocking).
    void newTemplate();
    void duplicateTemplate();
    void deleteTemplate();
    bool save();
    // Opens the history dialog without blocking (QDialog::open), so a test finds it with findChild.
    void showHistory();
    void generateText();
    // Reads the list again, keeping the selection.
    void refresh();

private:
    QWidget* buildList();
    void loadList(qint64 selectId);
    void selectionChanged();
    void load(const Template& messageTemplate);
    // A new template, not saved yet, with the content of `start` (empty: blank).
    void startTemplate(const Template& start);
    Template edited() const;
    void editorChanged();
    void restore(const Template& version);
    void showError(const QString& message);
    void clearError();
    void updateActions();
    qint64 selectedId() const;

    Database& m_database;
    Template m_loaded; // as last read or saved; id 0 for a new template not saved yet
    bool m_modified = false;
    bool m_loading = false;
    QTreeWidget* m_list;
    QPushButton* m_newButton;
    QPushButton* m_duplicateButton;
    QPushButton* m_deleteButton;
    TemplatePreview* m_preview;
    TemplateEditor* m_editor;
};

} // namespace herald
