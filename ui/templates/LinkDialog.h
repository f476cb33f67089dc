#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace herald {

// Insert or edit a link of the visual editor: its text and its address, checked before the dialog closes
// (http(s), mailto: or a {{placeholder}} such as {{unsubscribe_url}}); "Remove link" when editing one.
// Opened with open(); accepted() with removeRequested() false means "set the link".
class LinkDialog : public QDialog
{
    Q_OBJECT
public:
    LinkDialog(const QString& text, const QString& href, bool editing, QWidget* parent = nullptr);

    QString text() const;
    QString href() const;
    bool removeRequested() const { return m_remove; }

    // Why `url` cannot be a link in a message, or empty when it can.
    static QString urlProblem(const QString& url);

    void accept() override;

private:
    QLineEdit* m_textEdit;
    QLineEdit* m_urlEdit;
    QLabel* m_errorLabel;
    bool m_remove = false;
};

} // namespace herald
