#pragma once

#include "compose/TemplateIssue.h"
#include "domain/Template.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTimer;

namespace herald {

class FieldMenu;
class HtmlBodyEditor;
class SpellLineEdit;
class SpellingSession;
class TemplateLanguageBox;
class TextBodyEditor;

// The Templates page's editor: name, subject, the HTML body (visual editor and source, HtmlBodyEditor) and the
// plain-text body (TextBodyEditor); the Insert field menu, inserting into the field last edited; the issues
// TemplateValidator finds, listed with line:column and jumping to the spot when activated; the page's error and
// state lines; Save and History; spell checking of the subject and both bodies. What to do on an edit, Save or
// History is the page's.
class TemplateEditor : public QWidget
{
    Q_OBJECT
public:
    explicit TemplateEditor(QWidget* parent = nullptr);

    QLineEdit* nameEdit() const { return m_nameEdit; }
    // Underlines misspelt words in the subject and both bodies, with suggestions on right-click.
    void setSpelling(SpellingSession* session);
    // Fills the four fields; name, subject and text body as edits (changed() follows), the HTML body as loaded
    // (HtmlBodyEditor::load: the visual editor when it can hold it, else the source with the reason).
    void setContent(const Template& messageTemplate);
    // The placeholders' values for the nonprofit the preview shows, for the Insert field menu.
    void setFieldValues(const QHash<QString, QString>& values);
    // Lets the image dialog offer the media library: the picker returns an src such as "media:logo.png", or "".
    void setImagePicker(const std::function<QString(QWidget*)>& picker);
    HtmlBodyEditor* htmlBody() const { return m_htmlBody; }
    // `base` with the fields as they are on screen.
    Template edited(const Template& base) const;

    const TemplateIssues& issues() const { return m_issues; }
    // Validates now, or once typing pauses.
    void validate();
    void validateSoon();
    // Selects the first error in the issues list and gives the list the focus.
    void focusFirstError();

    void showError(const QString& message);
    void clearError();
    void setState(const QString& state);
    void setActions(bool canSave, bool hasHistory);

public slots:
    // Writes the plain-text body from the HTML body, asking first when that replaces other text.
    void generateText();

signals:
    void changed();
    void saveRequested();
    void historyRequested();

private:
    // Checks spelling in the template's language.
    void followLanguage();
    void jumpToIssue(QListWidgetItem* item);
    void showSpellingProblem();
    void insertField(const QString& placeholder);
    QWidget* buildHtmlHeader();

    TemplateIssues m_issues;
    QLineEdit* m_nameEdit;
    SpellLineEdit* m_subjectEdit;
    TemplateLanguageBox* m_languageBox = nullptr;
    HtmlBodyEditor* m_htmlBody;
    TextBodyEditor* m_textBody;
    FieldMenu* m_fieldMenu;
    QLabel* m_pasteLabel;
    QPointer<QWidget> m_lastEdited; // where Insert field puts a placeholder
    QListWidget* m_issuesList;
    QLabel* m_issuesLabel;
    QLabel* m_errorLabel;
    QLabel* m_spellingLabel;
    SpellingSession* m_spelling = nullptr;
    QLabel* m_stateLabel;
    QPushButton* m_saveButton;
    QPushButton* m_historyButton;
    QTimer* m_validateTimer;
};

} // namespace herald
