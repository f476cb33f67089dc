#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace herald {

// Asks which tags to add to, or remove from, the selected nonprofits. Accepted with the button pressed.
class BulkTagDialog : public QDialog
{
    Q_OBJECT
public:
    BulkTagDialog(int selectedCount, QWidget* parent = nullptr);

    enum class Change { Add, Remove };
    Change change() const { return m_change; }
    QStringList tags() const;

private:
    void finish(Change change);

    QLineEdit* m_tagsEdit;
    QLabel* m_errorLabel;
    Change m_change = Change::Add;
};

} // namespace herald
