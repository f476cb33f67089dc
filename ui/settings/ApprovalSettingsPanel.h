#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace herald {

class Database;

// Settings → Approval of large sends: the team server's threshold above which a campaign needs a second person's
// approval before it is queued or scheduled (kept in the database and enforced by it; schema 24). Administrators
// change it; everyone else sees it. On a database on this computer approval does not apply, and the panel says so.
class ApprovalSettingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ApprovalSettingsPanel(Database& database, QWidget* parent = nullptr);

public slots:
    void reload();
    // Stores the threshold (or off); false, with the error shown, when the database refused it.
    bool save();

private:
    void updateControls();

    Database& m_database;
    QCheckBox* m_enabledCheck;
    QSpinBox* m_thresholdSpin;
    QPushButton* m_saveButton;
    QLabel* m_noteLabel;
    QLabel* m_errorLabel;
    QLabel* m_statusLabel;
    bool m_mayChange = false;
};

} // namespace herald
