#include "TeamPanel.h"

#include "AuditLogDialog.h"
#include "TeamMemberDialog.h"
#include "common/ColumnWidths.h"
#include "common/FormFeedback.h"
#include "common/MessageBox.h"
#include "team/TeamRepository.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace herald {

namespace {
enum Column { LoginColumn, RoleColumn, LastSeenColumn };
constexpr int RoleRole = Qt::UserRole;
} // namespace

TeamPanel::TeamPanel(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_list(new QTreeWidget(this))
    , m_noteLabel(new QLabel(this))
    , m_errorLabel(FormFeedback::createErrorLabel(QStringLiteral("teamError"), this))
    , m_addButton(new QPushButton(tr("&Add person…"), this))
    , m_roleButton(new QPushButton(tr("Change r&ole…"), this))
    , m_removeButton(new QPushButton(tr("Remo&ve…"), this))
    , m_auditButton(new QPushButton(tr("A&udit log…"), this))
{
    setObjectName(QStringLiteral("teamPanel"));
    auto* title = new QLabel(tr("<b>Team</b>"), this);
    m_noteLabel->setObjectName(QStringLiteral("teamNote"));
    m_noteLabel->setWordWrap(true);

    m_list->setObjectName(QStringLiteral("teamList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setMaximumHeight(220);
    m_list->setHeaderLabels({tr("Login"), tr("Role"), tr("Last seen")});
    m_list->header()->setStretchLastSection(true);
    setColumnWidthFittingHeader(m_list->header(), LoginColumn, 220);
    setColumnWidthFittingHeader(m_list->header(), RoleColumn, 140);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &TeamPanel::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &TeamPanel::changeRole);

    m_addButton->setObjectName(QStringLiteral("addPersonButton"));
    m_roleButton->setObjectName(QStringLiteral("changeRoleButton"));
    m_removeButton->setObjectName(QStringLiteral("removePersonButton"));
    m_auditButton->setObjectName(QStringLiteral("auditLogButton"));
    m_auditButton->setToolTip(tr("Who did what: role changes, sends, erasures, provider changes; searchable, "
                                 "exportable to CSV"));
    connect(m_addButton, &QPushButton::clicked, this, &TeamPanel::addPerson);
    connect(m_roleButton, &QPushButton::clicked, this, &TeamPanel::changeRole);
    connect(m_removeButton, &QPushButton::clicked, this, &TeamPanel::removeSelected);
    connect(m_auditButton, &QPushButton::clicked, this, &TeamPanel::showAuditLog);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_roleButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    buttons->addWidget(m_auditButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_noteLabel);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addWidget(m_errorLabel);

    const bool server = TeamRepository(m_database).isTeamServer();
    m_list->setVisible(server);
    m_addButton->setVisible(server);
    m_roleButton->setVisible(server);
    m_removeButton->setVisible(server);
    m_noteLabel->setText(server ? tr("Each person logs in to the server as their own PostgreSQL role; the server "
                                     "allows what their role may do. Only admins may add, change or remove people.")
                                : TeamRepository::onePersonSentence());
    reload();
}

void TeamPanel::reload()
{
    FormFeedback::clearError(m_errorLabel);
    TeamRepository team(m_database);
    if (!team.isTeamServer())
        return;
    const QString keep = selectedLogin();
    m_list->clear();
    const auto people = team.list();
    if (!people) {
        showError(people.error().message);
        updateButtons();
        return;
    }
    for (const TeamMember& person : people.value()) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(LoginColumn, person.login);
        item->setText(RoleColumn, TeamRepository::roleTitle(person.role));
        item->setData(RoleColumn, RoleRole, person.role);
        QString seen = person.lastSeen.isValid()
                           ? QLocale().toString(person.lastSeen.toLocalTime(), QLocale::ShortFormat)
                           : tr("Never");
        if (!person.canLogin)
            seen = tr("%1 (cannot log in)").arg(seen);
        item->setText(LastSeenColumn, seen);
        if (person.login == keep)
            item->setSelected(true);
    }
    updateButtons();
}

QString TeamPanel::selectedLogin() const
{
    const auto items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->text(LoginColumn);
}

QString TeamPanel::selectedRole() const
{
    const auto items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(RoleColumn, RoleRole).toString();
}

void TeamPanel::updateButtons()
{
    const bool selected = !selectedLogin().isEmpty();
    m_roleButton->setEnabled(selected);
    m_removeButton->setEnabled(selected);
}

void TeamPanel::showError(const QString& message)
{
    FormFeedback::showError(m_errorLabel, FormFeedback::tidyServerText(message));
}

void TeamPanel::addPerson()
{
    auto* dialog = new TeamMemberDialog(m_database, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TeamMemberDialog::teamChanged, this, &TeamPanel::reload);
    dialog->open();
}

void TeamPanel::changeRole()
{
    const QString login = selectedLogin();
    if (login.isEmpty())
        return;
    auto* dialog = new TeamMemberDialog(m_database, login, selectedRole(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TeamMemberDialog::teamChanged, this, &TeamPanel::reload);
    dialog->open();
}

void TeamPanel::removeSelected()
{
    const QString login = selectedLogin();
    if (login.isEmpty())
        return;
    const auto answer = MessageBox::question(
        this, tr("Remove %1").arg(login),
        tr("Remove %1 from the team? Their login is dropped from the server: they can no longer connect. What they "
           "own in this database passes to its owner; the audit log keeps what they did.")
            .arg(login),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No, {{QMessageBox::Yes, tr("Remove")}});
    if (answer != QMessageBox::Yes)
        return;
    if (const Status removed = TeamRepository(m_database).remove(login); !removed) {
        showError(removed.error().message);
        return;
    }
    reload();
}

void TeamPanel::showAuditLog()
{
    auto* dialog = new AuditLogDialog(m_database, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace herald
