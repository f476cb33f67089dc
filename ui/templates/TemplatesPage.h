#pragma once

#include "compose/TemplateIssue.h"
#include "domain/Template.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace herald {

class Database;
class TemplatePreview;

// The templates: a list (name, version, last saved) with New, Duplicate and Delete; an editor for name,
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

public slots:
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
    QWidget* buildEditor();
    void loadList(qint64 selectId);
    void selectionChanged();
    void load(const Template& messageTemplate);
    Template edited() const;
    void editorChanged();
    void validate();
    void jumpToIssue(QListWidgetItem* item);
    void restore(const Template& version);
    void showError(const QString& message);
    void clearError();
    void updateActions();
    qint64 selectedId() const;

    Database& m_database;
    Template m_loaded; // as last read or saved; id 0 for a new template not saved yet
    bool m_modified = false;
    bool m_loading = false;
    TemplateIssues m_issues;
    QTreeWidget* m_list;
    QPushButton* m_newButton;
    QPushButton* m_duplicateButton;
    QPushButton* m_deleteButton;
    QLineEdit* m_nameEdit;
    QLineEdit* m_subjectEdit;
    QPlainTextEdit* m_htmlEdit;
    QPlainTextEdit* m_textEdit;
    QPushButton* m_generateButton;
    QListWidget* m_issuesList;
    QLabel* m_issuesLabel;
    QLabel* m_errorLabel;
    QLabel* m_stateLabel;
    QPushButton* m_saveButton;
    QPushButton* m_historyButton;
    TemplatePreview* m_preview;
    QTimer* m_validateTimer;
    QWidget* m_editor;
};

} // namespace herald
