#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace herald {

class Database;
class FeedbackIntakeRunner;

// Settings → Bounces and complaints: the IMAP mailbox the intake reads (server, port, TLS, user, password in
// the keychain, folder) and the complaint rate at which a sending campaign pauses itself. "Check now" runs one
// intake pass (FeedbackIntakeRunner), with cancel, and says what it found or which server refused.
class FeedbackMailboxPanel : public QWidget
{
    Q_OBJECT

public:
    FeedbackMailboxPanel(Database& database, FeedbackIntakeRunner& runner, QWidget* parent = nullptr);

public slots:
    void reload();
    bool save();
    void checkNow();

private:
    void showResult(const QString& text, bool problem);

    Database& m_database;
    FeedbackIntakeRunner& m_runner;
    QLineEdit* m_hostEdit;
    QSpinBox* m_portSpin;
    QComboBox* m_tlsCombo;
    QLineEdit* m_userEdit;
    QLineEdit* m_passwordEdit;
    QLineEdit* m_folderEdit;
    QCheckBox* m_verifyCheck;
    QDoubleSpinBox* m_thresholdSpin;
    QSpinBox* m_minimumSpin;
    QPushButton* m_saveButton;
    QPushButton* m_checkButton;
    QLabel* m_resultLabel;
};

} // namespace herald
