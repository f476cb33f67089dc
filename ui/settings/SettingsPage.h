#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace herald {

class ProfileDialog;
class ProfileStore;

// Where Herald keeps its data: the connection profiles (this computer, PostgreSQL servers), which one
// opens at start, and adding, editing or removing servers. Switching now is the app's job: the page
// only asks for it (switchRequested).
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    // openProfileId: the profile this window is using, marked "Open now".
    SettingsPage(ProfileStore& profiles, const QString& openProfileId, QWidget* parent = nullptr);

    // Another part of the settings (the mail providers), below the profiles.
    void addSection(QWidget* section);

public slots:
    // Dialogs open without blocking (QDialog::open), so a test finds them with findChild.
    void addProfile();
    void editSelected();
    void removeSelected();
    void makeSelectedActive();
    void reloadProfiles();

signals:
    // The user made another profile active and wants Herald to reopen on it now.
    void switchRequested();

private:
    QString selectedId() const;
    void selectProfile(const QString& id);
    void updateButtons();
    void openDialog(ProfileDialog* dialog);

    ProfileStore& m_profiles;
    QString m_openProfileId;
    QTreeWidget* m_profileList;
    QPushButton* m_addButton;
    QPushButton* m_editButton;
    QPushButton* m_removeButton;
    QPushButton* m_activateButton;
    QLabel* m_noteLabel;
};

} // namespace herald
