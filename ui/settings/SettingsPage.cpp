#include "SettingsPage.h"

#include "ProfileDialog.h"
#include "common/ColumnWidths.h"
#include "common/MessageBox.h"
#include "common/PageTitle.h"
#include "storage/ProfileStore.h"
#include "storage/SecretStore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace herald {

namespace {
constexpr int IdRole = Qt::UserRole;
enum Column { NameColumn, KindColumn, LocationColumn, StateColumn };

// "This computer" is fixed: it cannot be edited or removed.
bool isEmbedded(const QString& id)
{
    return id == ProfileStore::embeddedProfile().id;
}
} // namespace

SettingsPage::SettingsPage(ProfileStore& profiles, const QString& openProfileId, QWidget* parent)
    : QWidget(parent)
    , m_profiles(profiles)
    , m_openProfileId(openProfileId)
    , m_profileList(new QTreeWidget(this))
    , m_addButton(new QPushButton(tr("Add &PostgreSQL server…"), this))
    , m_editButton(new QPushButton(tr("&Edit…"), this))
    , m_removeButton(new QPushButton(tr("&Remove"), this))
    , m_activateButton(new QPushButton(tr("&Make active"), this))
    , m_noteLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsPage"));
    auto* title = new PageTitle(tr("Settings"), this);

    auto* sectionTitle = new QLabel(tr("<b>Connection profiles</b>"), this);
    auto* intro = new QLabel(tr("Herald keeps its data on this computer, or on a PostgreSQL server your team "
                                "shares. Passwords are kept in the system keychain, never in the settings file."),
        this);
    intro->setWordWrap(true);

    m_profileList->setObjectName(QStringLiteral("profileList"));
    m_profileList->setRootIsDecorated(false);
    m_profileList->setUniformRowHeights(true);
    m_profileList->setAlternatingRowColors(true);
    m_profileList->setMaximumHeight(260); // a handful of profiles; the rest of the page stays for providers
    m_profileList->setStyleSheet(QStringLiteral("QTreeView::item { padding: 4px 2px; }"));
    m_profileList->setHeaderLabels({ tr("Name"), tr("Kind"), tr("Location"), tr("State") });
    m_profileList->header()->setStretchLastSection(false);
    m_profileList->header()->setSectionResizeMode(LocationColumn, QHeaderView::Stretch);
    setColumnWidthFittingHeader(m_profileList->header(), NameColumn, 200);
    setColumnWidthFittingHeader(m_profileList->header(), KindColumn, 120);
    setColumnWidthFittingHeader(m_profileList->header(), StateColumn, 200);
    connect(m_profileList, &QTreeWidget::itemSelectionChanged, this, &SettingsPage::updateButtons);
    connect(m_profileList, &QTreeWidget::itemDoubleClicked, this, &SettingsPage::editSelected);

    m_addButton->setObjectName(QStringLiteral("addProfileButton"));
    m_editButton->setObjectName(QStringLiteral("editProfileButton"));
    m_removeButton->setObjectName(QStringLiteral("removeProfileButton"));
    m_activateButton->setObjectName(QStringLiteral("activateProfileButton"));
    m_activateButton->setToolTip(tr("Open this profile when Herald starts"));
    connect(m_addButton, &QPushButton::clicked, this, &SettingsPage::addProfile);
    connect(m_editButton, &QPushButton::clicked, this, &SettingsPage::editSelected);
    connect(m_removeButton, &QPushButton::clicked, this, &SettingsPage::removeSelected);
    connect(m_activateButton, &QPushButton::clicked, this, &SettingsPage::makeSelectedActive);

    m_noteLabel->setObjectName(QStringLiteral("profileNoteLabel"));
    m_noteLabel->setWordWrap(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    buttons->addWidget(m_activateButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(title);
    layout->addSpacing(8);
    layout->addWidget(sectionTitle);
    layout->addWidget(intro);
    layout->addWidget(m_profileList, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_noteLabel);
    layout->addStretch(1);

    reloadProfiles();
    selectProfile(m_openProfileId);
}

void SettingsPage::addSection(QWidget* section)
{
    auto* layout = static_cast<QVBoxLayout*>(this->layout());
    section->setParent(this);
    // Above the closing stretch, with the same gap between every section.
    layout->insertSpacing(layout->count() - 1, 16);
    layout->insertWidget(layout->count() - 1, section, 1);
}

void SettingsPage::reloadProfiles()
{
    const QString keep = selectedId();
    const QString activeId = m_profiles.activeId();
    m_profileList->clear();
    for (const ConnectionProfile& profile : m_profiles.all()) {
        const bool open = profile.id == m_openProfileId;
        const bool active = profile.id == activeId || (isEmbedded(profile.id) && activeId.isEmpty());
        QString state;
        if (open && active)
            state = tr("Open now");
        else if (open)
            state = tr("Open now; not at next start");
        else if (active)
            state = tr("Opens at next start");
        auto* item = new QTreeWidgetItem(m_profileList);
        item->setText(NameColumn, profile.name);
        item->setText(KindColumn, profile.backend == Backend::Postgres ? tr("PostgreSQL") : tr("This computer"));
        item->setText(LocationColumn, profile.location());
        item->setToolTip(LocationColumn, profile.location());
        item->setText(StateColumn, state);
        item->setData(NameColumn, IdRole, profile.id);
        if (open) {
            QFont bold = item->font(NameColumn);
            bold.setBold(true);
            item->setFont(NameColumn, bold);
        }
    }
    selectProfile(keep.isEmpty() ? m_openProfileId : keep);
    updateButtons();
}

QString SettingsPage::selectedId() const
{
    const QList<QTreeWidgetItem*> selected = m_profileList->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->data(NameColumn, IdRole).toString();
}

void SettingsPage::selectProfile(const QString& id)
{
    for (int i = 0; i < m_profileList->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_profileList->topLevelItem(i);
        if (item->data(NameColumn, IdRole).toString() == id) {
            m_profileList->setCurrentItem(item);
            return;
        }
    }
}

void SettingsPage::updateButtons()
{
    const QString id = selectedId();
    const bool editable = !id.isEmpty() && !isEmbedded(id);
    m_editButton->setEnabled(editable);
    m_removeButton->setEnabled(editable);
    m_activateButton->setEnabled(!id.isEmpty() && id != m_profiles.activeId());
}

void SettingsPage::openDialog(ProfileDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ConnectionProfile saved = dialog->profile();
        reloadProfiles();
        selectProfile(saved.id);
        m_noteLabel->setText(saved.id == m_openProfileId
                ? tr("Changes to “%1” take effect when Herald opens it again.").arg(saved.name)
                : QString());
    });
    dialog->open();
}

void SettingsPage::addProfile()
{
    openDialog(new ProfileDialog(m_profiles, this));
}

void SettingsPage::editSelected()
{
    const QString id = selectedId();
    if (id.isEmpty() || isEmbedded(id))
        return;
    openDialog(new ProfileDialog(m_profiles, m_profiles.find(id), this));
}

void SettingsPage::removeSelected()
{
    const QString id = selectedId();
    if (id.isEmpty() || isEmbedded(id))
        return;
    const ConnectionProfile profile = m_profiles.find(id);
    const auto answer = MessageBox::question(this, tr("Remove Profile"),
        tr("Remove the profile “%1” (%2)? Its saved password leaves the keychain too. The data on the server "
           "is not touched.")
            .arg(profile.name, profile.location()),
        MessageBox::Buttons(QMessageBox::Yes | QMessageBox::No), QMessageBox::No,
        { { QMessageBox::Yes, tr("Remove") }, { QMessageBox::No, tr("Keep") } });
    if (answer != QMessageBox::Yes)
        return;
    m_profiles.remove(id);
    if (Status forgotten = SecretStore::instance().remove(SecretStore::profileKey(id)); !forgotten)
        MessageBox::warning(this, tr("Password Not Removed"), forgotten.error().message);
    m_noteLabel->setText(id == m_openProfileId ? tr("Herald keeps using “%1” until it closes; it opens "
                                                    "“This computer” next time.")
                                                     .arg(profile.name)
                                               : QString());
    reloadProfiles();
}

void SettingsPage::makeSelectedActive()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    const ConnectionProfile profile = m_profiles.find(id);
    m_profiles.setActiveId(id);
    reloadProfiles();
    if (id == m_openProfileId) {
        m_noteLabel->clear();
        return;
    }
    m_noteLabel->setText(tr("“%1” opens the next time Herald starts.").arg(profile.name));
    const auto answer = MessageBox::question(this, tr("Switch Profile"),
        tr("“%1” is now the active profile. Switch to it now? Herald closes this connection and opens %2.")
            .arg(profile.name, profile.location()),
        MessageBox::Buttons(QMessageBox::Yes | QMessageBox::No), QMessageBox::Yes,
        { { QMessageBox::Yes, tr("Switch now") }, { QMessageBox::No, tr("At next start") } });
    if (answer == QMessageBox::Yes)
        emit switchRequested();
}

} // namespace herald
