#include "PasswordDialog.h"

#include "storage/SecretStore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald {

std::optional<PasswordDialog::Answer> PasswordDialog::s_nextAnswer;
QString PasswordDialog::s_lastReason;

PasswordDialog::PasswordDialog(const ConnectionProfile& profile, const QString& reason, QWidget* parent)
    : QDialog(parent)
    , m_passwordEdit(new QLineEdit(this))
    , m_saveCheck(new QCheckBox(tr("Save password in the system keychain"), this))
{
    setWindowTitle(tr("Password for %1").arg(profile.name));

    auto* intro = new QLabel(tr("Herald needs the password of user <b>%1</b> on <b>%2</b>.")
                                 .arg(profile.user.toHtmlEscaped(), profile.location().toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    auto* why = new QLabel(reason, this);
    why->setObjectName(QStringLiteral("reasonLabel"));
    why->setTextFormat(Qt::PlainText);
    why->setWordWrap(true);
    why->setVisible(!reason.isEmpty());
    QPalette muted = why->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    why->setPalette(muted);

    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setPlaceholderText(tr("Leave empty if the server needs none"));
    m_saveCheck->setObjectName(QStringLiteral("savePasswordCheck"));
    QString keychainProblem;
    const bool keychain = SecretStore::instance().isKeychainAvailable(&keychainProblem);
    m_saveCheck->setEnabled(keychain);
    m_saveCheck->setChecked(keychain);
    if (!keychain)
        m_saveCheck->setToolTip(keychainProblem);

    auto* form = new QFormLayout;
    form->addRow(tr("&Password:"), m_passwordEdit);
    form->addRow(QString(), m_saveCheck);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(why);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

PasswordDialog::Answer PasswordDialog::answer() const
{
    return { result() == QDialog::Accepted, m_passwordEdit->text(), m_saveCheck->isChecked() };
}

PasswordDialog::Answer PasswordDialog::ask(QWidget* parent, const ConnectionProfile& profile, const QString& reason)
{
    s_lastReason = reason;
    if (s_nextAnswer) {
        const Answer scripted = *s_nextAnswer;
        s_nextAnswer.reset();
        return scripted;
    }
    PasswordDialog dialog(profile, reason, parent);
    dialog.exec();
    return dialog.answer();
}

void PasswordDialog::setNextAnswer(const Answer& answer)
{
    s_nextAnswer = answer;
}

void PasswordDialog::clearNextAnswer()
{
    s_nextAnswer.reset();
}

QString PasswordDialog::lastReason()
{
    return s_lastReason;
}

} // namespace herald
