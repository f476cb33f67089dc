#pragma once

#include <QColor>
#include <QDialog>

class QLabel;
class QLineEdit;

namespace herald {

// Insert a button (a styled link, EditorFormats::button): its label, the address it leads to (checked as a
// link's, LinkDialog::urlProblem) and its colour (#rrggbb, or picked with the colour dialog). Opened with open().
class ButtonDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ButtonDialog(QWidget* parent = nullptr);

    QString label() const;
    QString href() const;
    QColor colour() const;

    void accept() override;

private:
    void chooseColour();

    QLineEdit* m_labelEdit;
    QLineEdit* m_urlEdit;
    QLineEdit* m_colourEdit;
    QLabel* m_errorLabel;
};

} // namespace herald
