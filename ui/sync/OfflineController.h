#pragma once

#include <QObject>
#include <QPointer>

namespace herald {

class Database;
class LocalStore;
class MainWindow;
class OfflineBanner;
class SyncConflictDialog;
class SyncController;

// Offline drafting in the window of a PostgreSQL profile. Online: syncs the offline store at start, and when the
// server stops answering asks for the window to be reopened on the offline store. Offline: shows the banner,
// switches off what needs the server (with the reason), retries the server with growing pauses, syncs with
// progress when it is back, opens the conflicts side by side, then asks for the window to be reopened online.
// Adds a Sync menu (Sync Now, Resolve Conflicts…, Sync Log…).
class OfflineController : public QObject
{
    Q_OBJECT
public:
    OfflineController(MainWindow& window, Database& server, LocalStore& store, bool offline);
    ~OfflineController() override;

    bool isOffline() const { return m_offline; }
    OfflineBanner* banner() const { return m_banner; }
    SyncController& sync() const { return *m_sync; }
    // The conflict dialog while it is open.
    SyncConflictDialog* conflictDialog() const;

public slots:
    void resolveConflicts();
    void showSyncLog();

signals:
    // The window should be reopened online (false) or on the offline store (true).
    void switchRequested(bool offline);

private:
    void buildMenu();
    void disableServerFeatures();
    void serverLost(const QString& error);
    void syncFinished();
    bool hasUnsavedChanges() const;
    void requestSwitch(bool offline);

    MainWindow& m_window;
    Database& m_server;
    LocalStore& m_store;
    bool m_offline;
    bool m_switchRequested = false;
    OfflineBanner* m_banner;
    SyncController* m_sync;
    QPointer<SyncConflictDialog> m_conflictDialog;
};

} // namespace herald
