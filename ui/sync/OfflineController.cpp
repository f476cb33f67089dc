#include "OfflineController.h"

#include "OfflineBanner.h"
#include "OfflineMode.h"
#include "SyncConflictDialog.h"
#include "SyncController.h"
#include "SyncLogDialog.h"
#include "common/MessageBox.h"
#include "shell/ConnectionMonitor.h"
#include "shell/MainWindow.h"
#include "storage/Database.h"
#include "sync/LocalStore.h"
#include "templates/TemplatesPage.h"

#include <QAction>
#include <QListWidget>
#include <QMenuBar>
#include <QStatusBar>

namespace herald {

namespace {
// Widgets of the pages whose work needs the server: the offline store has no queue, no providers and only a
// read copy of the nonprofits, replaced at every sync.
const char* const ServerOnlyWidgets[] = {
    "addButton", "editButton", "deleteButton", "tagButton", "privacyButton", "importButton",
    "addProviderButton", "editProviderButton", "removeProviderButton",
};
} // namespace

OfflineController::OfflineController(MainWindow& window, Database& server, LocalStore& store, bool offline)
    : QObject(&window)
    , m_window(window)
    , m_server(server)
    , m_store(store)
    , m_offline(offline)
    , m_banner(new OfflineBanner(&window))
    , m_sync(new SyncController(server, store, this))
{
    window.setBanner(m_banner);
    buildMenu();
    connect(m_banner, &OfflineBanner::retryRequested, m_sync, &SyncController::retryNow);
    connect(m_banner, &OfflineBanner::goOnlineRequested, this, [this] { requestSwitch(false); });
    connect(m_banner, &OfflineBanner::workOfflineRequested, this, [this] { requestSwitch(true); });
    connect(m_banner, &OfflineBanner::resolveRequested, this, &OfflineController::resolveConflicts);
    connect(m_banner, &OfflineBanner::logRequested, this, &OfflineController::showSyncLog);
    connect(m_banner, &OfflineBanner::cancelSyncRequested, m_sync, &SyncController::cancelSync);
    connect(m_sync, &SyncController::syncProgress, m_banner, [this](int done, int total) {
        if (m_offline)
            m_banner->showSyncing(done, total);
    });
    connect(m_sync, &SyncController::syncFinished, this, &OfflineController::syncFinished);
    connect(m_sync, &SyncController::syncFailed, this, [this](const QString& error) {
        if (!m_offline) {
            m_window.statusBar()->showMessage(tr("Sync of the offline drafts failed: %1").arg(error), 15000);
            return;
        }
        // The server went away again, or the sync was stopped: what was synced is kept, the rest follows.
        m_banner->showOffline(m_server.profile().location(), error);
        m_sync->startReconnecting();
    });
    connect(m_sync, &SyncController::retryScheduled, m_banner, &OfflineBanner::showNextTry);
    connect(m_sync, &SyncController::serverBack, this, [this] {
        m_banner->showSyncing(0, 0);
        m_sync->syncNow();
    });

    if (m_offline) {
        const QString location = server.profile().location();
        m_banner->showOffline(location, tr("The server did not answer."));
        window.showOffline(tr("Offline — drafts are kept on this computer"),
                           tr("%1 cannot be reached; Herald retries in the background.").arg(location));
        disableServerFeatures();
        m_sync->startReconnecting();
    } else {
        connect(window.connectionMonitor(), &ConnectionMonitor::connectionLost, this, &OfflineController::serverLost);
        m_sync->syncNow(); // brings the drafts of an earlier offline session up, and the read copies down
    }
}

OfflineController::~OfflineController() = default;

SyncConflictDialog* OfflineController::conflictDialog() const { return m_conflictDialog; }

void OfflineController::buildMenu()
{
    QMenu* menu = new QMenu(tr("S&ync"), &m_window);
    menu->setObjectName(QStringLiteral("syncMenu"));
    QAction* now = menu->addAction(tr("Sync &Now"), m_sync, &SyncController::syncNow);
    now->setObjectName(QStringLiteral("syncNowAction"));
    if (m_offline) {
        now->setEnabled(false);
        now->setToolTip(OfflineMode::reason());
    }
    menu->addAction(tr("&Resolve Conflicts…"), this, &OfflineController::resolveConflicts)
        ->setObjectName(QStringLiteral("resolveConflictsAction"));
    menu->addAction(tr("Sync &Log…"), this, &OfflineController::showSyncLog)->setObjectName(QStringLiteral("syncLogAction"));
    // Before Help, where menus usually end.
    const QList<QAction*> menus = m_window.menuBar()->actions();
    m_window.menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), menu);
}

void OfflineController::disableServerFeatures()
{
    for (const char* name : ServerOnlyWidgets) {
        for (QWidget* widget : m_window.findChildren<QWidget*>(QString::fromLatin1(name)))
            OfflineMode::guard(widget);
    }
    // Whole pages that read the send queue or the suppression list, which live on the server only: their
    // navigation entries say why they are off.
    auto* navigation = m_window.findChild<QListWidget*>(QStringLiteral("navigation"));
    for (MainWindow::Page page : {MainWindow::Suppressions, MainWindow::Sending, MainWindow::Dashboard}) {
        if (QListWidgetItem* item = navigation ? navigation->item(page) : nullptr) {
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setToolTip(OfflineMode::reason());
        }
    }
}

bool OfflineController::hasUnsavedChanges() const
{
    const auto* templates = m_window.findChild<TemplatesPage*>();
    return templates && templates->isModified();
}

void OfflineController::requestSwitch(bool offline)
{
    if (m_switchRequested)
        return;
    m_switchRequested = true;
    emit switchRequested(offline);
}

void OfflineController::serverLost(const QString& error)
{
    if (m_offline || m_switchRequested)
        return;
    if (hasUnsavedChanges()) {
        m_banner->showLost(m_server.profile().location(), error);
        return;
    }
    requestSwitch(true);
}

void OfflineController::syncFinished()
{
    const SyncSummary summary = m_sync->lastResult().value();
    QStringList problems;
    if (!summary.failures.isEmpty())
        problems << tr("%n draft(s) could not sync; the sync log says why.", "", int(summary.failures.size()));
    // Said once, by the run that met the refusal; later runs leave those drafts alone.
    if (!summary.refused.isEmpty())
        problems << tr("%n draft(s) are kept on this computer: your role may not send them to the server; the sync "
                       "log says why.", "", int(summary.refused.size()));
    const QString failures = problems.join(QLatin1Char(' '));
    if (summary.newConflicts > 0) {
        resolveConflicts();
    } else if (m_offline && summary.openConflicts == 0 && failures.isEmpty() && !hasUnsavedChanges()) {
        requestSwitch(false);
        return;
    }
    if (m_offline)
        m_banner->showServerBack(summary.openConflicts, failures);
    else if (summary.openConflicts > 0)
        m_banner->showConflicts(summary.openConflicts);
    else
        m_banner->hide();
}

void OfflineController::resolveConflicts()
{
    if (m_conflictDialog)
        return;
    auto conflicts = m_sync->openConflicts();
    if (!conflicts) {
        MessageBox::warning(&m_window, tr("Sync Conflicts"), conflicts.error().message);
        return;
    }
    if (conflicts->isEmpty()) {
        MessageBox::information(&m_window, tr("Sync Conflicts"), tr("No conflicts are waiting."));
        return;
    }
    m_conflictDialog = new SyncConflictDialog(conflicts.value(),
                                              [this](qint64 id, Resolution resolution) {
                                                  return m_sync->resolve(id, resolution);
                                              },
                                              &m_window);
    m_conflictDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_conflictDialog, &QDialog::finished, this, [this] {
        // Keep both left new drafts to push, and a resolution may be the last thing keeping Herald offline.
        if (m_conflictDialog && m_conflictDialog->resolvedCount() > 0)
            m_sync->syncNow();
    });
    m_conflictDialog->open();
}

void OfflineController::showSyncLog()
{
    auto entries = m_store.logEntries();
    if (!entries) {
        MessageBox::warning(&m_window, tr("Sync Log"), entries.error().message);
        return;
    }
    auto open = m_store.openConflicts();
    auto* dialog = new SyncLogDialog(entries.value(), open ? int(open->size()) : 0, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace herald
