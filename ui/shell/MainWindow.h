#pragma once

#include <QMainWindow>
#include <QString>

class QLabel;
class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;
class QVBoxLayout;

namespace herald {

class AlertBanner;
class AlertMonitor;
class ConnectionMonitor;
class DashboardPage;
class Database;
class NonprofitsPage;
class ProfileStore;
class RoleGate;
class SendingController;
class SendingPage;
class SettingsPage;
class SuppressionsPage;
class TemplatesPage;

// Herald's window: a sidebar of pages (Ctrl+1…7), the pages themselves, and a status bar saying which
// profile is open and whether its server answers.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Page { Nonprofits, Suppressions, Templates, Campaigns, Sending, Dashboard, Settings, PageCount };

    MainWindow(Database& database, ProfileStore& profiles, QWidget* parent = nullptr);
    ~MainWindow() override;

    Page currentPage() const;
    void showPage(Page page);
    AlertMonitor* alertMonitor() const { return m_alertMonitor; }

    // A strip shown above the pages (the offline banner); the window takes it.
    void setBanner(QWidget* banner);
    // The status bar says the window works offline; `detail` is its tooltip.
    void showOffline(const QString& text, const QString& detail);
    ConnectionMonitor* connectionMonitor() const { return m_monitor; }

signals:
    // The user made another profile active and wants it now: whoever opened the database reopens.
    void profileSwitchRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildPages(ProfileStore& profiles);
    void buildMenus();
    void buildStatusBar();
    void readRole();
    void addPage(Page page, const QString& title, QWidget* widget);
    void showConnected();
    void showUnreachable(const QString& error);
    void showAbout();
    void buildAlerts(QWidget* pagesColumn);

    Database& m_database;
    ProfileStore& m_profiles;
    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    QVBoxLayout* m_bannerArea = nullptr;
    NonprofitsPage* m_nonprofitsPage = nullptr;
    SettingsPage* m_settingsPage = nullptr;
    SuppressionsPage* m_suppressionsPage = nullptr;
    TemplatesPage* m_templatesPage = nullptr;
    SendingPage* m_sendingPage = nullptr;
    SendingController* m_sendingController = nullptr;
    QLabel* m_profileLabel = nullptr;
    QLabel* m_connectionLabel = nullptr;
    QLabel* m_roleLabel = nullptr; // "Signed in as alice (editor)"
    RoleGate* m_roleGate = nullptr;
    QString m_roleProblem; // why the role could not be read, when it could not
    ConnectionMonitor* m_monitor = nullptr;
    DashboardPage* m_dashboardPage = nullptr;
    AlertMonitor* m_alertMonitor = nullptr;
    AlertBanner* m_alertBanner = nullptr;
    QSystemTrayIcon* m_trayIcon = nullptr; // where the platform has a tray
};

} // namespace herald
