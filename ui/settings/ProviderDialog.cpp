#include "ProviderDialog.h"

#include "ConnectionTestRow.h"
#include "common/FormFeedback.h"
#include "common/MessageBox.h"
#include "domain/ProviderValidator.h"
#include "sending/ProviderSecrets.h"
#include "sending/SendEngineFactory.h"
#include "sending/providers/TransportFactory.h"
#include "storage/ProviderRepository.h"
#include "storage/SecretStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace herald {

ProviderDialog::ProviderDialog(Database& database, QWidget* parent) : ProviderDialog(database, Provider(), parent)
{
    setWindowTitle(tr("Add Mail Provider"));
}

ProviderDialog::ProviderDialog(Database& database, const Provider& provider, QWidget* parent)
    : QDialog(parent), m_database(database), m_original(provider)
{
    setObjectName(QStringLiteral("providerDialog"));
    setWindowTitle(tr("Edit %1").arg(provider.name));
    setStyleSheet(FormFeedback::styleSheet());
    buildForm();
    load(provider);
}

void ProviderDialog::buildForm()
{
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setPlaceholderText(tr("e.g. Office mail server"));
    m_kindCombo = new QComboBox(this);
    m_kindCombo->setObjectName(QStringLiteral("kindCombo"));
    m_kindCombo->addItem(tr("SMTP server"), int(Provider::Kind::Smtp));
    m_kindCombo->addItem(tr("SendGrid (HTTP API)"), int(Provider::Kind::Http));
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, &ProviderDialog::updateForKind);
    connect(m_kindCombo, &QComboBox::activated, this, [this] {
        // A new SMTP provider starts signed (most relays do not sign for you).
        if (m_original.id == 0)
            m_dkimCheck->setChecked(m_kindCombo->currentData().toInt() == int(Provider::Kind::Smtp));
    });

    m_hostEdit = new QLineEdit(this);
    m_hostEdit->setObjectName(QStringLiteral("hostEdit"));
    m_portSpin = new QSpinBox(this);
    m_portSpin->setObjectName(QStringLiteral("portSpin"));
    m_portSpin->setRange(1, 65535);
    m_tlsCombo = new QComboBox(this);
    m_tlsCombo->setObjectName(QStringLiteral("tlsCombo"));
    m_tlsCombo->addItem(tr("Implicit TLS (SMTPS, usually port 465)"), int(Provider::Tls::Implicit));
    m_tlsCombo->addItem(tr("STARTTLS, required (usually port 587)"), int(Provider::Tls::StartTlsRequired));
    m_tlsCombo->addItem(tr("STARTTLS when offered"), int(Provider::Tls::StartTlsOptional));
    m_tlsCombo->addItem(tr("None: plain text (test servers on this computer only)"), int(Provider::Tls::None));
    m_verifyCheck = new QCheckBox(tr("&Verify the server's certificate"), this);
    m_verifyCheck->setObjectName(QStringLiteral("verifyCheck"));
    m_verifyCheck->setToolTip(tr("Turn off only for a relay of your own with a self-made certificate."));
    m_usernameEdit = new QLineEdit(this);
    m_usernameEdit->setObjectName(QStringLiteral("usernameEdit"));
    m_secretEdit = new QLineEdit(this);
    m_secretEdit->setObjectName(QStringLiteral("secretEdit"));
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_keychainLabel = FormFeedback::createNoteLabel(QStringLiteral("keychainLabel"), this);
    QString keychainProblem;
    const bool keychain = SecretStore::instance().isKeychainAvailable(&keychainProblem);
    m_keychainLabel->setText(keychain ? tr("Kept in the system keychain, never in the database.")
                                      : tr("%1 The secret is kept only until Herald closes.").arg(keychainProblem));

    m_rateSpin = new QDoubleSpinBox(this);
    m_rateSpin->setObjectName(QStringLiteral("rateSpin"));
    m_rateSpin->setRange(0.1, 100000);
    m_rateSpin->setDecimals(1);
    m_rateSpin->setSuffix(tr(" msgs/s"));
    m_burstSpin = new QSpinBox(this);
    m_burstSpin->setObjectName(QStringLiteral("burstSpin"));
    m_burstSpin->setRange(1, 100000);
    m_burstSpin->setToolTip(tr("How many messages may go at once after a quiet spell."));
    m_prioritySpin = new QSpinBox(this);
    m_prioritySpin->setObjectName(QStringLiteral("prioritySpin"));
    m_prioritySpin->setRange(0, 10000);
    m_prioritySpin->setToolTip(tr("Lower is tried first; the others take over when it fails."));
    m_connectionsSpin = new QSpinBox(this);
    m_connectionsSpin->setObjectName(QStringLiteral("connectionsSpin"));
    m_connectionsSpin->setRange(1, 64);
    m_connectionsSpin->setToolTip(tr("How many connections each sending process keeps open to this provider at "
                                     "once. Many providers limit this; more connections send faster."));
    m_enabledCheck = new QCheckBox(tr("&Use this provider"), this);
    m_enabledCheck->setObjectName(QStringLiteral("enabledCheck"));
    m_dkimCheck = new QCheckBox(tr("&Sign with the sender domain's DKIM key (Settings → Sender domains)"), this);
    m_dkimCheck->setObjectName(QStringLiteral("dkimCheck"));
    m_dkimCheck->setToolTip(tr("Turn off for a provider that signs with its own DKIM key, as most mail APIs do."));

    for (QLineEdit* edit : {m_nameEdit, m_hostEdit, m_usernameEdit, m_secretEdit})
        connect(edit, &QLineEdit::textEdited, this, [edit] { FormFeedback::markInvalid(edit, false); });

    auto* portLabel = new QLabel(tr("P&ort:"), this);
    portLabel->setBuddy(m_portSpin);
    auto* hostRow = new QHBoxLayout;
    hostRow->addWidget(m_hostEdit, 1);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_portSpin);
    auto* hostLabel = new QLabel(tr("&Host:"), this);
    hostLabel->setBuddy(m_hostEdit);
    m_secretLabel = new QLabel(this);
    m_secretLabel->setBuddy(m_secretEdit);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("&Kind:"), m_kindCombo);
    form->addRow(hostLabel, hostRow);
    form->addRow(tr("T&LS:"), m_tlsCombo);
    form->addRow(QString(), m_verifyCheck);
    form->addRow(tr("&User name:"), m_usernameEdit);
    form->addRow(m_secretLabel, m_secretEdit);
    form->addRow(QString(), m_keychainLabel);
    form->addRow(tr("&Rate:"), m_rateSpin);
    form->addRow(tr("&Burst:"), m_burstSpin);
    form->addRow(tr("&Priority:"), m_prioritySpin);
    form->addRow(tr("&Connections:"), m_connectionsSpin);
    form->addRow(QString(), m_enabledCheck);
    form->addRow(tr("DKIM:"), m_dkimCheck);

    m_testRow = new ConnectionTestRow(this);
    connect(m_testRow, &ConnectionTestRow::testRequested, this, &ProviderDialog::testConnection);
    connect(m_testRow, &ConnectionTestRow::finished, this, &ProviderDialog::testFinished);
    m_errorLabel = FormFeedback::createErrorLabel(QStringLiteral("errorLabel"), this);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProviderDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(m_testRow);
    layout->addWidget(m_errorLabel);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(600);
}

void ProviderDialog::load(const Provider& provider)
{
    m_nameEdit->setText(provider.name);
    m_kindCombo->setCurrentIndex(qMax(0, m_kindCombo->findData(int(provider.kind))));
    m_hostEdit->setText(provider.host);
    m_portSpin->setValue(provider.port);
    m_tlsCombo->setCurrentIndex(qMax(0, m_tlsCombo->findData(int(provider.tls))));
    m_verifyCheck->setChecked(provider.verifyCertificate);
    m_usernameEdit->setText(provider.username);
    m_rateSpin->setValue(provider.ratePerSecond);
    m_burstSpin->setValue(provider.burst);
    m_prioritySpin->setValue(provider.priority);
    m_connectionsSpin->setValue(provider.connections);
    m_enabledCheck->setChecked(provider.enabled);
    m_dkimCheck->setChecked(provider.dkimSign);
    if (provider.id != 0) {
        // The field shows dots, never the text.
        if (auto saved = SecretStore::instance().read(SendEngineFactory::secretKey(provider)))
            m_secretEdit->setText(saved.value());
    }
    updateForKind();
}

void ProviderDialog::updateForKind()
{
    const bool smtp = m_kindCombo->currentData().toInt() == int(Provider::Kind::Smtp);
    m_secretLabel->setText(smtp ? tr("Pass&word:") : tr("API &key:"));
    m_usernameEdit->setEnabled(smtp);
    // A mail API builds the message itself and signs it with its own key: Herald's signature would not fit.
    m_dkimCheck->setEnabled(smtp);
    if (!smtp)
        m_dkimCheck->setChecked(false);
    m_hostEdit->setPlaceholderText(smtp ? tr("smtp.example.org")
                                        : tr("empty for api.sendgrid.com, or a proxy's address"));
}

Provider ProviderDialog::provider() const
{
    Provider provider = m_original;
    provider.name = m_nameEdit->text().trimmed();
    provider.kind = Provider::Kind(m_kindCombo->currentData().toInt());
    provider.host = m_hostEdit->text().trimmed();
    provider.port = m_portSpin->value();
    provider.tls = Provider::Tls(m_tlsCombo->currentData().toInt());
    provider.verifyCertificate = m_verifyCheck->isChecked();
    provider.username = provider.kind == Provider::Kind::Smtp ? m_usernameEdit->text().trimmed() : QString();
    provider.ratePerSecond = m_rateSpin->value();
    provider.burst = m_burstSpin->value();
    provider.priority = m_prioritySpin->value();
    provider.connections = m_connectionsSpin->value();
    provider.enabled = m_enabledCheck->isChecked();
    provider.dkimSign = m_dkimCheck->isChecked();
    provider.secretRef = SecretStore::providerKey(provider.name);
    return provider;
}

QString ProviderDialog::secret() const { return m_secretEdit->text(); }

QWidget* ProviderDialog::fieldFor(const QString& name) const
{
    const QHash<QString, QWidget*> fields{{QStringLiteral("name"), m_nameEdit},
                                          {QStringLiteral("host"), m_hostEdit},
                                          {QStringLiteral("port"), m_portSpin},
                                          {QStringLiteral("rate_per_s"), m_rateSpin},
                                          {QStringLiteral("burst"), m_burstSpin},
                                          {QStringLiteral("connections"), m_connectionsSpin}};
    return fields.value(name);
}

void ProviderDialog::showError(const QString& message, QWidget* field)
{
    FormFeedback::showError(m_errorLabel, message);
    if (field) {
        FormFeedback::markInvalid(field, true);
        field->setFocus(Qt::OtherFocusReason);
    }
}

void ProviderDialog::accept()
{
    FormFeedback::clearError(m_errorLabel);
    Provider typed = provider();
    if (auto valid = ProviderValidator::validate(typed); !valid)
        return showError(valid.error().message, fieldFor(valid.error().field));
    ProviderRepository repository(m_database);
    const Status stored = typed.id == 0 ? repository.insert(typed) : repository.update(typed);
    if (!stored)
        return showError(stored.error().message, fieldFor(stored.error().field));

    // Without a keychain it is kept for this session, as the dialog says under the field.
    if (Status kept = ProviderSecrets::keep(m_original, typed, secret()); !kept)
        MessageBox::warning(this, tr("Secret Not Saved"), kept.error().message);
    m_original = typed;
    QDialog::accept();
}

void ProviderDialog::testConnection()
{
    if (isTesting())
        return;
    Provider probed = provider();
    if (probed.name.isEmpty())
        probed.name = tr("New provider"); // a name is only needed to save, not to test
    if (auto valid = ProviderValidator::validate(probed); !valid) {
        m_testRow->showResult(false, valid.error().message);
        return;
    }
    const QString typedSecret = secret();
    m_testRow->start(probed.kind == Provider::Kind::Smtp ? tr("Connecting to %1:%2…").arg(probed.host).arg(probed.port)
                                                         : tr("Asking SendGrid about the API key…"),
                     [probed, typedSecret] { return TransportFactory::create(probed, typedSecret)->probe(); });
}

bool ProviderDialog::isTesting() const { return m_testRow->isTesting(); }

} // namespace herald
