#include "FeedbackMailboxPanel.h"

#include "common/RoleGate.h"
#include "deliverability/MailboxSettings.h"
#include "sending/FeedbackIntakeRunner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace herald {

FeedbackMailboxPanel::FeedbackMailboxPanel(Database& database, FeedbackIntakeRunner& runner, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_runner(runner)
    , m_hostEdit(new QLineEdit(this))
    , m_portSpin(new QSpinBox(this))
    , m_tlsCombo(new QComboBox(this))
    , m_userEdit(new QLineEdit(this))
    , m_passwordEdit(new QLineEdit(this))
    , m_folderEdit(new QLineEdit(this))
    , m_verifyCheck(new QCheckBox(tr("Check the server's certificate"), this))
    , m_thresholdSpin(new QDoubleSpinBox(this))
    , m_minimumSpin(new QSpinBox(this))
    , m_saveButton(new QPushButton(tr("&Save mailbox"), this))
    , m_checkButton(new QPushButton(tr("Check &now"), this))
    , m_resultLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("feedbackMailboxPanel"));
    m_hostEdit->setObjectName(QStringLiteral("intakeHostEdit"));
    m_hostEdit->setPlaceholderText(tr("imap.example.org"));
    m_portSpin->setObjectName(QStringLiteral("intakePortSpin"));
    m_portSpin->setRange(1, 65535);
    m_tlsCombo->setObjectName(QStringLiteral("intakeTlsCombo"));
    m_tlsCombo->addItem(tr("TLS (port 993)"), int(MailboxSettings::Tls::Implicit));
    m_tlsCombo->addItem(tr("STARTTLS (port 143)"), int(MailboxSettings::Tls::StartTls));
    m_tlsCombo->addItem(tr("None (this computer only)"), int(MailboxSettings::Tls::None));
    m_userEdit->setObjectName(QStringLiteral("intakeUserEdit"));
    m_passwordEdit->setObjectName(QStringLiteral("intakePasswordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setPlaceholderText(tr("kept in the system keychain"));
    m_folderEdit->setObjectName(QStringLiteral("intakeFolderEdit"));
    m_verifyCheck->setObjectName(QStringLiteral("intakeVerifyCheck"));
    m_thresholdSpin->setObjectName(QStringLiteral("complaintThresholdSpin"));
    m_thresholdSpin->setRange(0.01, 10.0);
    m_thresholdSpin->setDecimals(2);
    m_thresholdSpin->setSingleStep(0.05);
    m_thresholdSpin->setSuffix(QStringLiteral(" %"));
    m_minimumSpin->setObjectName(QStringLiteral("complaintMinimumSpin"));
    m_minimumSpin->setRange(0, 10000000);
    m_minimumSpin->setSingleStep(100);
    m_saveButton->setObjectName(QStringLiteral("saveIntakeButton"));
    m_checkButton->setObjectName(QStringLiteral("checkIntakeButton"));
    m_resultLabel->setObjectName(QStringLiteral("intakeResultLabel"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextFormat(Qt::PlainText);
    connect(m_tlsCombo, &QComboBox::currentIndexChanged, this, [this] {
        const auto tls = MailboxSettings::Tls(m_tlsCombo->currentData().toInt());
        if (m_portSpin->value() == 993 || m_portSpin->value() == 143)
            m_portSpin->setValue(tls == MailboxSettings::Tls::Implicit ? 993 : 143);
    });

    auto* box = new QGroupBox(tr("Bounces and complaints"), this);
    auto* intro = new QLabel(tr("Herald reads delivery failures, spam complaints and emailed unsubscribes from this "
                                "mailbox (use it as the sender's bounce and feedback-loop address). Messages are "
                                "flagged, never deleted; what Herald does not understand stays unread for you."),
                             box);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("IMAP &server:"), m_hostEdit);
    form->addRow(tr("&Port:"), m_portSpin);
    form->addRow(tr("&Encryption:"), m_tlsCombo);
    form->addRow(QString(), m_verifyCheck);
    form->addRow(tr("&User:"), m_userEdit);
    form->addRow(tr("Pass&word:"), m_passwordEdit);
    form->addRow(tr("&Folder:"), m_folderEdit);
    form->addRow(tr("Pause a campaign above a complaint &rate of:"), m_thresholdSpin);
    form->addRow(tr("…once it has &sent at least (messages):"), m_minimumSpin);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_checkButton);
    buttons->addWidget(m_saveButton);
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(intro);
    boxLayout->addLayout(form);
    boxLayout->addLayout(buttons);
    boxLayout->addWidget(m_resultLabel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box);

    connect(m_saveButton, &QPushButton::clicked, this, &FeedbackMailboxPanel::save);
    RoleGate::require(SessionRole::Right::Administer, { m_saveButton, m_checkButton });
    connect(m_checkButton, &QPushButton::clicked, this, [this] {
        if (m_runner.isRunning())
            m_runner.cancel();
        else
            checkNow();
    });
    // The runner also reads the mailbox on its own while sending: the label says what the latest pass found.
    connect(&m_runner, &FeedbackIntakeRunner::started, this, [this](const QString& text) {
        m_checkButton->setText(tr("&Stop"));
        showResult(text, false);
    });
    connect(&m_runner, &FeedbackIntakeRunner::finished, this, [this](const QString& text, bool problem) {
        m_checkButton->setText(tr("Check &now"));
        showResult(text, problem);
    });
    reload();
}

void FeedbackMailboxPanel::reload()
{
    auto settings = MailboxSettings::load(m_database);
    if (!settings) {
        showResult(settings.error().message, true);
        return;
    }
    m_hostEdit->setText(settings->host);
    m_portSpin->setValue(settings->port);
    m_tlsCombo->setCurrentIndex(m_tlsCombo->findData(int(settings->tls)));
    m_userEdit->setText(settings->username);
    m_passwordEdit->clear();
    m_folderEdit->setText(settings->folder);
    m_verifyCheck->setChecked(settings->verifyCertificate);
    m_thresholdSpin->setValue(settings->complaintRateThreshold * 100);
    m_minimumSpin->setValue(settings->complaintMinimumSent);
}

bool FeedbackMailboxPanel::save()
{
    MailboxSettings settings;
    settings.host = m_hostEdit->text().trimmed();
    settings.port = m_portSpin->value();
    settings.tls = MailboxSettings::Tls(m_tlsCombo->currentData().toInt());
    settings.username = m_userEdit->text().trimmed();
    settings.folder = m_folderEdit->text().trimmed();
    settings.verifyCertificate = m_verifyCheck->isChecked();
    settings.complaintRateThreshold = m_thresholdSpin->value() / 100.0;
    settings.complaintMinimumSent = m_minimumSpin->value();
    if (const Status saved = settings.save(m_database); !saved) {
        showResult(saved.error().message, true);
        return false;
    }
    if (!m_passwordEdit->text().isEmpty()) {
        if (const Status stored = MailboxSettings::storePassword(m_passwordEdit->text()); !stored) {
            showResult(tr("Saved, but the password is kept for this session only: %1").arg(stored.error().message), true);
            m_passwordEdit->clear();
            return true;
        }
        m_passwordEdit->clear();
    }
    showResult(tr("Saved."), false);
    return true;
}

void FeedbackMailboxPanel::checkNow()
{
    if (save())
        m_runner.runNow();
}

void FeedbackMailboxPanel::showResult(const QString& text, bool problem)
{
    m_resultLabel->setText(text);
    m_resultLabel->setStyleSheet(problem ? QStringLiteral("QLabel { color: #b3261e; }") : QString());
}

} // namespace herald
