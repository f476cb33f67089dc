#include "ProvidersPanel.h"

#include "ProviderDialog.h"
#include "common/ColumnWidths.h"
#include "common/MessageBox.h"
#include "common/RoleGate.h"
#include "sending/SendEngineFactory.h"
#include "storage/ProviderRepository.h"
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
enum Column { NameColumn, KindColumn, HostColumn, LimitColumn, PriorityColumn, StateColumn };

QString hostText(const Provider& provider)
{
    if (provider.kind == Provider::Kind::Http && provider.host.isEmpty())
        return QStringLiteral("api.sendgrid.com");
    if (provider.host.contains(QLatin1String("://")))
        return provider.host;
    return QStringLiteral("%1:%2").arg(provider.host).arg(provider.port);
}
} // namespace

ProvidersPanel::ProvidersPanel(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_list(new QTreeWidget(this))
    , m_addButton(new QPushButton(tr("Add pro&vider…"), this))
    , m_editButton(new QPushButton(tr("E&dit provider…"), this))
    , m_removeButton(new QPushButton(tr("Remove provider"), this))
    , m_noteLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("providersPanel"));
    auto* title = new QLabel(tr("<b>Mail providers</b>"), this);
    auto* intro = new QLabel(tr("The SMTP servers and mail APIs Herald sends through, tried in order of priority; "
                                "when one fails, the next takes over. Passwords and API keys are kept in the "
                                "system keychain."),
                             this);
    intro->setWordWrap(true);

    m_list->setObjectName(QStringLiteral("providerList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setMaximumHeight(200);
    m_list->setHeaderLabels({tr("Name"), tr("Kind"), tr("Host"), tr("Limit"), tr("Priority"), tr("State")});
    m_list->header()->setSectionResizeMode(HostColumn, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    setColumnWidthFittingHeader(m_list->header(), NameColumn, 180);
    setColumnWidthFittingHeader(m_list->header(), KindColumn, 90);
    setColumnWidthFittingHeader(m_list->header(), LimitColumn, 110);
    setColumnWidthFittingHeader(m_list->header(), PriorityColumn, 70);
    setColumnWidthFittingHeader(m_list->header(), StateColumn, 180);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ProvidersPanel::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &ProvidersPanel::editSelected);

    m_addButton->setObjectName(QStringLiteral("addProviderButton"));
    m_editButton->setObjectName(QStringLiteral("editProviderButton"));
    m_removeButton->setObjectName(QStringLiteral("removeProviderButton"));
    connect(m_addButton, &QPushButton::clicked, this, &ProvidersPanel::addProvider);
    connect(m_editButton, &QPushButton::clicked, this, &ProvidersPanel::editSelected);
    connect(m_removeButton, &QPushButton::clicked, this, &ProvidersPanel::removeSelected);
    RoleGate::require(SessionRole::Right::Administer, { m_addButton, m_editButton, m_removeButton });
    m_noteLabel->setObjectName(QStringLiteral("providerNoteLabel"));
    m_noteLabel->setWordWrap(true);
    m_noteLabel->setTextFormat(Qt::PlainText);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_noteLabel);
    reload();
}

void ProvidersPanel::reload()
{
    const qint64 keep = selectedId();
    auto providers = ProviderRepository(m_database).list();
    m_list->clear();
    if (!providers) {
        m_noteLabel->setText(providers.error().message);
        updateButtons();
        return;
    }
    m_providers = providers.value();
    for (const Provider& provider : std::as_const(m_providers)) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(NameColumn, provider.name);
        item->setText(KindColumn, provider.kind == Provider::Kind::Smtp ? tr("SMTP") : tr("SendGrid"));
        item->setText(HostColumn, hostText(provider));
        item->setText(LimitColumn, tr("%1 msgs/s").arg(provider.ratePerSecond, 0, 'g', 6));
        item->setText(PriorityColumn, QString::number(provider.priority));
        QString state = provider.enabled ? tr("In use") : tr("Off");
        if (provider.enabled && (provider.kind == Provider::Kind::Http || !provider.username.isEmpty())
            && SendEngineFactory::providerSecret(provider).isEmpty())
            state = tr("In use, but no secret saved");
        item->setText(StateColumn, state);
        item->setData(NameColumn, IdRole, provider.id);
    }
    if (m_providers.isEmpty())
        m_noteLabel->setText(tr("No provider yet: add your organisation's SMTP server or a SendGrid API key to send."));
    select(keep);
    updateButtons();
}

qint64 ProvidersPanel::selectedId() const
{
    const QList<QTreeWidgetItem*> selected = m_list->selectedItems();
    return selected.isEmpty() ? 0 : selected.first()->data(NameColumn, IdRole).toLongLong();
}

void ProvidersPanel::select(qint64 id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(NameColumn, IdRole).toLongLong() == id) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            return;
        }
    }
}

void ProvidersPanel::updateButtons()
{
    const bool selected = selectedId() != 0;
    m_editButton->setEnabled(selected);
    m_removeButton->setEnabled(selected);
}

void ProvidersPanel::openDialog(ProviderDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Provider saved = dialog->provider();
        m_noteLabel->clear();
        reload();
        select(saved.id);
        emit providersChanged();
    });
    dialog->open();
}

void ProvidersPanel::addProvider() { openDialog(new ProviderDialog(m_database, this)); }

void ProvidersPanel::editSelected()
{
    const qint64 id = selectedId();
    for (const Provider& provider : std::as_const(m_providers)) {
        if (provider.id == id)
            return openDialog(new ProviderDialog(m_database, provider, this));
    }
}

void ProvidersPanel::removeSelected()
{
    const qint64 id = selectedId();
    const auto found = std::find_if(m_providers.cbegin(), m_providers.cend(), [id](const Provider& p) { return p.id == id; });
    if (found == m_providers.cend())
        return;
    const Provider provider = *found;
    const auto answer = MessageBox::question(this, tr("Remove Provider"),
        tr("Remove the provider “%1” (%2)? Its password or API key leaves the keychain too. Messages already "
           "sent through it are not touched.").arg(provider.name, hostText(provider)),
        MessageBox::Buttons(QMessageBox::Yes | QMessageBox::No), QMessageBox::No,
        {{QMessageBox::Yes, tr("Remove")}, {QMessageBox::No, tr("Keep")}});
    if (answer != QMessageBox::Yes)
        return;
    if (Status removed = ProviderRepository(m_database).remove(provider.id); !removed) {
        m_noteLabel->setText(removed.error().message);
        return;
    }
    (void)SecretStore::instance().remove(SendEngineFactory::secretKey(provider));
    m_noteLabel->setText(tr("“%1” was removed.").arg(provider.name));
    reload();
    emit providersChanged();
}

} // namespace herald
