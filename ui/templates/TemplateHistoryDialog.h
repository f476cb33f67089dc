#pragma once

#include "domain/Template.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace herald {

// A template's saved versions, newest first: pick one to read its subject and bodies, and restore it.
// Restoring does not change history; the page saves the restored text as a new version.
class TemplateHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    TemplateHistoryDialog(const QList<Template>& versions, QWidget* parent = nullptr);

    // The version picked with Restore (valid after accepted()).
    const Template& restored() const { return m_restored; }

private:
    void showVersion();

    QList<Template> m_versions;
    Template m_restored;
    QTreeWidget* m_list;
    QLabel* m_subjectLabel;
    QTabWidget* m_tabs;
    QPlainTextEdit* m_htmlView;
    QPlainTextEdit* m_textView;
    QPushButton* m_restoreButton;
};

} // namespace herald
