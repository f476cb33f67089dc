#include "TeamMemberDialog.h"

#include "common/FormFeedback.h"
#include "team/TeamRepository.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace herald {

TeamMemberDialog::TeamMemberDialog(Database& database, QWidget* parent) : QDialog(parent), m_database(database)
{
    build(true);
}

TeamMemberDialog::TeamMemberDialog(Database& database, const QString& login, const QString& role, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
{
    build(false);
    m_nameEdit->setText(login);
    m_nameEdit->setReadOnly(true);
    m_roleCombo->setCurrentIndex(std::max(0, m_roleCombo->findData(role)));
}

void TeamMemberDialog::build(bool adding)
{
    m_adding = adding;
    setObjectName(QStringLiteral("teamMemberDialog"));
    setWindowTitle(adding ? tr("Add a Person") : tr("Change Role"));
    setStyleSheet(FormFeedback::styleSheet());

    auto* form = new QWidget(this);
    m_nameEdit = new QLineEdit(form);
    m_nameEdit->setObjectName(QStringLiteral("teamNameEdit"));
    m_nameEdit->setPlaceholderText(tr("e.g. alice"));
    m_roleCombo = new QComboBox(form);
    m_roleCombo->setObjectName(QStringLiteral("teamRoleCombo"));
    for (const QString& role : TeamRepository::roles())
        m_roleCombo->addItem(TeamRepository::roleTitle(role), role);
    m_roleCombo->setCurrentIndex(1); // editor: the usual new colleague
    auto* roleNote = FormFeedback::createNoteLabel(QStringLiteral("teamRoleNote"), form);
    roleNote->setText(tr("Viewers read; editors write nonprofits, templates and drafts; senders also send; admins "
                         "also manage providers, erasure and the team; a worker runs 'herald worker' and 'herald intake', a public "
                         "endpoint 'herald serve'."));
    auto* layout = new QFormLayout(form);
    layout->addRow(tr("&Login name:"), m_nameEdit);
    layout->addRow(tr("&Role:"), m_roleCombo);
    layout->addRow(QString(), roleNote);
    if (adding) {
        m_passwordRadio = new QRadioButton(tr("Set a &password (Herald makes a strong one, shown once)"), form);
        m_passwordRadio->setObjectName(QStringLiteral("teamPasswordRadio"));
        m_passwordRadio->setChecked(true);
        m_noPasswordRadio = new QRadioButton(tr("&No password (certificate or peer authentication)"), form);
        m_noPasswordRadio->setObjectName(QStringLiteral("teamNoPasswordRadio"));
        layout->addRow(tr("Sign-in:"), m_passwordRadio);
        layout->addRow(QString(), m_noPasswordRadio);
    }
    m_errorLabel = FormFeedback::createErrorLabel(QStringLiteral("teamMemberError"), form);
    layout->addRow(m_errorLabel);

    // After adding: the password, once.
    auto* shown = new QWidget(this);
    m_passwordIntro = new QLabel(shown);
    m_passwordIntro->setObjectName(QStringLiteral("teamPasswordIntro"));
    m_passwordIntro->setWordWrap(true);
    m_passwordEdit = new QLineEdit(shown);
    m_passwordEdit->setObjectName(QStringLiteral("initialPasswordEdit"));
    m_passwordEdit->setReadOnly(true);
    QFont mono = m_passwordEdit->font();
    mono.setFamily(QStringLiteral("monospace"));
    m_passwordEdit->setFont(mono);
    auto* copy = new QPushButton(tr("&Copy"), shown);
    copy->setObjectName(QStringLiteral("copyPasswordButton"));
    connect(copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_passwordEdit->text());
        m_passwordEdit->selectAll();
    });
    auto* passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_passwordEdit, 1);
    passwordRow->addWidget(copy);
    auto* shownLayout = new QVBoxLayout(shown);
    shownLayout->addWidget(m_passwordIntro);
    shownLayout->addLayout(passwordRow);
    shownLayout->addStretch(1);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(form);
    m_pages->addWidget(shown);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(adding ? tr("&Add") : tr("&Change role"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("teamMemberOkButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TeamMemberDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TeamMemberDialog::reject);

    auto* main = new QVBoxLayout(this);
    main->addWidget(m_pages);
    main->addWidget(m_buttons);
    setMinimumWidth(480);
}

void TeamMemberDialog::accept()
{
    if (m_pages->currentIndex() == 1) { // the password was shown: done
        QDialog::accept();
        return;
    }
    FormFeedback::clearError(m_errorLabel);
    TeamRepository team(m_database);
    const QString login = m_nameEdit->text().trimmed();
    const QString role = m_roleCombo->currentData().toString();
    if (login.isEmpty()) {
        FormFeedback::markInvalid(m_nameEdit, true);
        FormFeedback::showError(m_errorLabel, tr("Give the person a login name."));
        return;
    }
    if (!m_adding) {
        if (const Status changed = team.setRole(login, role); !changed) {
            FormFeedback::showError(m_errorLabel, FormFeedback::tidyServerText(changed.error().message));
            return;
        }
        emit teamChanged();
        QDialog::accept();
        return;
    }
    const auto choice = m_noPasswordRadio->isChecked() ? TeamRepository::Password::None
                                                       : TeamRepository::Password::Generate;
    const auto added = team.add(login, role, choice);
    if (!added) {
        FormFeedback::markInvalid(m_nameEdit, added.error().kind != Error::Kind::Permission);
        FormFeedback::showError(m_errorLabel, FormFeedback::tidyServerText(added.error().message));
        return;
    }
    emit teamChanged();
    if (added->isEmpty()) {
        QDialog::accept();
        return;
    }
    showPassword(login, added.value());
}

void TeamMemberDialog::showPassword(const QString& login, const QString& password)
{
    // Nothing keeps it (PostgreSQL has its hash only), so this is the one moment to hand it over.
    m_passwordIntro->setText(tr("%1 was added. Give them this password now: Herald does not keep it and will not "
                                "show it again. They can change it later with their PostgreSQL client.")
                                 .arg(login));
    m_passwordEdit->setText(password);
    m_pages->setCurrentIndex(1);
    m_buttons->button(QDialogButtonBox::Cancel)->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Done"));
    m_passwordEdit->setFocus();
    m_passwordEdit->selectAll();
}

} // namespace herald
