#pragma once

#include "storage/ConnectionProfile.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLineEdit;

namespace herald {

// Asks for the password of a PostgreSQL profile and says why Herald has to ask (nothing saved,
// no keychain, the server refused the last one).
class PasswordDialog : public QDialog
{
    Q_OBJECT
public:
    struct Answer
    {
        bool accepted = false;
        QString password;
        bool saveInKeychain = false;
    };

    PasswordDialog(const ConnectionProfile& profile, const QString& reason, QWidget* parent = nullptr);
    Answer answer() const;

    // Shows the dialog and waits; a test sets the answer beforehand with setNextAnswer.
    static Answer ask(QWidget* parent, const ConnectionProfile& profile, const QString& reason);
    static void setNextAnswer(const Answer& answer);
    static void clearNextAnswer();
    // Why the last ask() asked, answered or not (tests check the wording).
    static QString lastReason();

private:
    QLineEdit* m_passwordEdit;
    QCheckBox* m_saveCheck;

    static std::optional<Answer> s_nextAnswer;
    static QString s_lastReason;
};

} // namespace herald
