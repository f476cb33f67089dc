#include "ProfileDialog.h"

#include "ConnectionTestRow.h"
#include "common/FormFeedback.h"
#include "common/MessageBox.h"
#include "storage/Database.h"
#include "storage/ProfileStore.h"
#include "storage/SecretStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace herald {

namespace {
const QStringList& sslModes()
{
    static const QStringList modes = { QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
        QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full") };
    return modes;
}
} // namespace

ProfileDialog::ProfileDialog(ProfileStore& profiles, QWidget* parent)
    : ProfileDialog(profiles,
        ConnectionProfile::postgres(QString(), QStringLiteral("localhost"), 5432, QStringLiteral("herald"), QString()),
        parent)
{
    setWindowTitle(tr("Add PostgreSQL Server"));
}

ProfileDialog::ProfileDialog(ProfileStore& profiles, const ConnectionProfile& profile, QWidget* parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_original(profile)
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(tr("Edit %1").arg(profile.name));
    setStyleSheet(FormFeedback::styleSheet());
    buildForm();
    load(profile);
}

void ProfileDialog::buildForm()
{
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setPlaceholderText(tr("e.g. Office server"));
    m_hostEdit = new QLineEdit(this);
    m_hostEdit->setObjectName(QStringLiteral("hostEdit"));
    m_hostEdit->setPlaceholderText(tr("db.example.org"));
    m_portSpin = new QSpinBox(this);
    m_portSpin->setObjectName(QStringLiteral("portSpin"));
    m_portSpin->setRange(1, 65535);
    m_databaseEdit = new QLineEdit(this);
    m_databaseEdit->setObjectName(QStringLiteral("databaseEdit"));
    m_userEdit = new QLineEdit(this);
    m_userEdit->setObjectName(QStringLiteral("userEdit"));
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);

    m_savePasswordCheck = new QCheckBox(tr("Save password in the system keychain"), this);
    m_savePasswordCheck->setObjectName(QStringLiteral("savePasswordCheck"));
    m_keychainLabel = FormFeedback::createNoteLabel(QStringLiteral("keychainLabel"), this);
    QString keychainProblem;
    const bool keychain = SecretStore::instance().isKeychainAvailable(&keychainProblem);
    m_savePasswordCheck->setEnabled(keychain);
    m_savePasswordCheck->setChecked(keychain);
    m_keychainLabel->setText(keychainProblem);
    m_keychainLabel->setVisible(!keychain);

    m_sslModeCombo = new QComboBox(this);
    m_sslModeCombo->setObjectName(QStringLiteral("sslModeCombo"));
    m_sslModeCombo->addItem(QString(), QString()); // the default for the host; text set by updateDefaultSslEntry
    for (const QString& mode : sslModes())
        m_sslModeCombo->addItem(mode, mode);
    m_sslModeCombo->setToolTip(tr("verify-full checks the server's certificate and name, so a password never "
                                  "goes to an impostor. prefer is enough on this computer."));
    connect(m_hostEdit, &QLineEdit::textChanged, this, &ProfileDialog::updateDefaultSslEntry);

    for (QLineEdit* edit : { m_nameEdit, m_hostEdit, m_databaseEdit, m_userEdit, m_passwordEdit })
        connect(edit, &QLineEdit::textEdited, this, [edit] { FormFeedback::markInvalid(edit, false); });

    auto* portLabel = new QLabel(tr("&Port:"), this);
    portLabel->setBuddy(m_portSpin);
    auto* hostRow = new QHBoxLayout;
    hostRow->addWidget(m_hostEdit, 1);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_portSpin);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Name:"), m_nameEdit);
    auto* hostLabel = new QLabel(tr("&Host:"), this); // a row holding a layout gets no buddy by itself
    hostLabel->setBuddy(m_hostEdit);
    form->addRow(hostLabel, hostRow);
    form->addRow(tr("&Database:"), m_databaseEdit);
    form->addRow(tr("&User:"), m_userEdit);
    form->addRow(tr("Pass&word:"), m_passwordEdit);
    form->addRow(QString(), m_savePasswordCheck);
    form->addRow(QString(), m_keychainLabel);
    form->addRow(tr("&SSL mode:"), m_sslModeCombo);

    m_testRow = new ConnectionTestRow(this);
    connect(m_testRow, &ConnectionTestRow::testRequested, this, &ProfileDialog::testConnection);
    connect(m_testRow, &ConnectionTestRow::finished, this, &ProfileDialog::testFinished);

    m_errorLabel = FormFeedback::createErrorLabel(QStringLiteral("errorLabel"), this);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(m_testRow);
    layout->addWidget(m_errorLabel);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

void ProfileDialog::load(const ConnectionProfile& profile)
{
    m_nameEdit->setText(profile.name);
    m_hostEdit->setText(profile.host);
    m_portSpin->setValue(profile.port);
    m_databaseEdit->setText(profile.database);
    m_userEdit->setText(profile.user);
    m_sslModeCombo->setCurrentIndex(qMax(0, m_sslModeCombo->findData(profile.sslMode)));
    updateDefaultSslEntry();
    if (!profile.id.isEmpty()) {
        // The keychain or this session may already hold it; the field shows dots, never the text.
        if (auto saved = SecretStore::instance().read(SecretStore::profileKey(profile.id)))
            m_passwordEdit->setText(saved.value());
    }
}

void ProfileDialog::updateDefaultSslEntry()
{
    m_sslModeCombo->setItemText(
        0, tr("Default for this host (%1)").arg(ConnectionProfile::defaultSslMode(m_hostEdit->text().trimmed())));
}

ConnectionProfile ProfileDialog::profile() const
{
    ConnectionProfile profile = m_original;
    profile.backend = Backend::Postgres;
    profile.name = m_nameEdit->text().trimmed();
    profile.host = m_hostEdit->text().trimmed();
    profile.port = m_portSpin->value();
    profile.database = m_databaseEdit->text().trimmed();
    profile.user = m_userEdit->text().trimmed();
    profile.sslMode = m_sslModeCombo->currentData().toString();
    return profile;
}

QString ProfileDialog::password() const
{
    return m_passwordEdit->text();
}

bool ProfileDialog::isTesting() const
{
    return m_testRow->isTesting();
}

void ProfileDialog::showError(const QString& message, QWidget* field)
{
    FormFeedback::showError(m_errorLabel, message);
    if (field) {
        FormFeedback::markInvalid(field, true);
        field->setFocus(Qt::OtherFocusReason);
    }
}

void ProfileDialog::accept()
{
    FormFeedback::clearError(m_errorLabel);
    const ConnectionProfile typed = profile();
    if (typed.name.isEmpty())
        return showError(tr("The profile needs a name."), m_nameEdit);
    bool taken = false;
    const ConnectionProfile other = m_profiles.findByName(typed.name, &taken);
    if (taken && other.id != typed.id)
        return showError(tr("There is already a profile named '%1'.").arg(other.name), m_nameEdit);
    if (typed.database.isEmpty())
        return showError(tr("The database name is not set."), m_databaseEdit);
    QString problem;
    if (!typed.isValid(&problem))
        return showError(problem, nullptr);

    m_profiles.save(typed);
    SecretStore& secrets = SecretStore::instance();
    const QString key = SecretStore::profileKey(typed.id);
    if (m_savePasswordCheck->isChecked()) {
        if (Status saved = secrets.write(key, password()); !saved)
            MessageBox::warning(this, tr("Password Not Saved"), saved.error().message);
    } else {
        // Not to be kept: take any earlier copy out of the keychain, keep this one for the session.
        if (Status removed = secrets.remove(key); !removed)
            MessageBox::warning(this, tr("Password Not Removed"), removed.error().message);
        if (!password().isEmpty())
            secrets.rememberForSession(key, password());
    }
    QDialog::accept();
}

void ProfileDialog::testConnection()
{
    if (isTesting())
        return;
    ConnectionProfile probed = profile();
    if (probed.name.isEmpty())
        probed.name = probed.location(); // a name is only needed to save, not to test
    QString problem;
    if (!probed.isValid(&problem)) {
        m_testRow->showResult(false, problem);
        return;
    }
    const QString secret = password();
    m_testRow->start(tr("Connecting to %1…").arg(probed.location()), [probed, secret] { return Database::probe(probed, secret); });
}

} // namespace herald
