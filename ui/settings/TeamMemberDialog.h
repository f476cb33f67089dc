#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QStackedWidget;

namespace herald {

class Database;

// Adds a person to the team (name, role, a generated password or none for certificate or peer authentication),
// then shows the password once in a field that can be copied; or, for someone already there, changes their role.
// What the server refuses (an admin's right, a name taken) shows under the form as a sentence.
class TeamMemberDialog : public QDialog
{
    Q_OBJECT
public:
    // Adding a person.
    explicit TeamMemberDialog(Database& database, QWidget* parent = nullptr);
    // Changing `login`'s role, which is `role` now.
    TeamMemberDialog(Database& database, const QString& login, const QString& role, QWidget* parent = nullptr);

public slots:
    void accept() override;

signals:
    // The team changed on the server (added or role changed).
    void teamChanged();

private:
    void build(bool adding);
    void showPassword(const QString& login, const QString& password);

    Database& m_database;
    bool m_adding = true;
    QStackedWidget* m_pages = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QComboBox* m_roleCombo = nullptr;
    QRadioButton* m_passwordRadio = nullptr;
    QRadioButton* m_noPasswordRadio = nullptr;
    QLabel* m_errorLabel = nullptr;
    QLabel* m_passwordIntro = nullptr;
    QLineEdit* m_passwordEdit = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace herald
