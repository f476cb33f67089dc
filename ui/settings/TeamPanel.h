#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace herald {

class Database;

// Settings → Team: the people of this database's team server, their role and when Herald last saw them; Add…,
// Change role…, Remove… (asked first) and the Audit log. The server decides who may: a refusal shows as Herald's
// sentence. On the embedded database it says it is one person on this computer; the audit log is still there.
class TeamPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TeamPanel(Database& database, QWidget* parent = nullptr);

public slots:
    void reload();
    // Dialogs open without blocking (QDialog::open), so a test finds them with findChild.
    void addPerson();
    void changeRole();
    void removeSelected();
    void showAuditLog();

private:
    QString selectedLogin() const;
    QString selectedRole() const;
    void updateButtons();
    void showError(const QString& message);

    Database& m_database;
    QTreeWidget* m_list;
    QLabel* m_noteLabel;
    QLabel* m_errorLabel;
    QPushButton* m_addButton;
    QPushButton* m_roleButton;
    QPushButton* m_removeButton;
    QPushButton* m_auditButton;
};

} // namespace herald
