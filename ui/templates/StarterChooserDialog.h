#pragma once

#include "domain/Template.h"
#include "templates/Branding.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QListWidget;

namespace herald {

class PreviewBrowser;

// What "New template" starts from: Blank, or one of the starter designs (StarterDesigns) in the organisation's
// branding, each with its description and a preview of the message. Enter or double-click picks, Esc cancels.
class StarterChooserDialog : public QDialog
{
    Q_OBJECT
public:
    explicit StarterChooserDialog(const Branding& branding, QWidget* parent = nullptr);

    // The template to start from (valid after accepted()): an empty one for Blank.
    Template chosen() const;

private:
    void showPreview();
    QString currentId() const;

    QHash<QString, Template> m_starters; // by id, built once in the branding
    QListWidget* m_list;
    QLabel* m_subjectLabel;
    PreviewBrowser* m_preview;
};

} // namespace herald
