#include "MainWindow.h"

#include "ConnectionMonitor.h"
#include "campaigns/CampaignsPage.h"
#include "common/MessageBox.h"
#include "common/RoleGate.h"
#include "config/Config.h"
#include "dashboard/AlertBanner.h"
#include "dashboard/AlertMonitor.h"
#include "dashboard/DashboardPage.h"
#include "database/BackupAction.h"
#include "database/MoveToServerDialog.h"
#include "nonprofits/NonprofitsPage.h"
#include "nonprofits/SampleDataActions.h"
#include "sending/FeedbackIntakeRunner.h"
#include "sending/SendingController.h"
#include "sending/SendingMonitor.h"
#include "sending/SendingPage.h"
#include "sending/SuppressionsPage.h"
#include "settings/AlertSettingsPanel.h"
#include "settings/ApprovalSettingsPanel.h"
#include "settings/BrandingSettingsPanel.h"
#include "settings/EngagementSettingsPanel.h"
#include "settings/FeedbackMailboxPanel.h"
#include "settings/LanguageSection.h"
#include "settings/ProvidersPanel.h"
#include "settings/SenderDomainsPanel.h"
#include "settings/SettingsPage.h"
#include "settings/TeamPanel.h"
#include "storage/Database.h"
#include "storage/ProfileStore.h"
#include "templates/TemplatesPage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

namespace herald {

MainWindow::MainWindow(Database& database, ProfileStore& profiles, QWidget* parent)
    : QMainWindow(parent)
    , m_database(database)
    , m_profiles(profiles)
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    // Ends with the application's name, so the platform does not append it a second time.
    setWindowTitle(tr("%1 — Herald").arg(database.profile().name));

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setFixedWidth(170);
    m_navigation->setSpacing(2);
    m_navigation->setStyleSheet(QStringLiteral(
        "QListWidget#navigation { background: palette(alternate-base); border-right: 1px solid palette(mid);"
        " padding-top: 8px; outline: 0; }"
        "QListWidget#navigation::item { padding: 7px 14px; border-radius: 4px; margin: 0 6px; }"
        "QListWidget#navigation::item:selected { background: palette(highlight); color: palette(highlighted-text); }"));
    m_pages->setObjectName(QStringLiteral("pages"));

    readRole();
    buildPages(profiles);
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        // Leaving the templates page with unsaved changes asks first; Cancel stays.
        if (m_pages->currentIndex() == Templates && row != Templates && !m_templatesPage->confirmLeave()) {
            const QSignalBlocker blocker(m_navigation);
            m_navigation->setCurrentRow(Templates);
            return;
        }
        if (row == Templates && m_pages->currentIndex() != Templates)
            m_templatesPage->refresh(); // nonprofits or identities may have changed elsewhere
        if (row == Suppressions && m_pages->currentIndex() != Suppressions)
            m_suppressionsPage->refresh(); // bounces, unsubscribes and erasures add entries elsewhere
        m_pages->setCurrentIndex(row);
    });
    m_navigation->setCurrentRow(Nonprofits);

    auto* central = new QWidget(this);
    m_bannerArea = new QVBoxLayout(central);
    m_bannerArea->setContentsMargins(0, 0, 0, 0);
    m_bannerArea->setSpacing(0);
    auto* layout = new QHBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    auto* pagesColumn = new QWidget(central);
    auto* pagesLayout = new QVBoxLayout(pagesColumn);
    pagesLayout->setContentsMargins(0, 0, 0, 0);
    pagesLayout->setSpacing(0);
    pagesLayout->addWidget(m_pages, 1);
    layout->addWidget(pagesColumn, 1);
    m_bannerArea->addLayout(layout, 1);
    setCentralWidget(central);
    buildAlerts(pagesColumn);

    buildMenus();
    buildStatusBar();

    const int checkSeconds = Config::instance().get(Config::ConnectionCheckSeconds).toInt();
    m_monitor = new ConnectionMonitor(database, checkSeconds, this);
    connect(m_monitor, &ConnectionMonitor::connectionLost, this, &MainWindow::showUnreachable);
    connect(m_monitor, &ConnectionMonitor::connectionRestored, this, [this] {
        // The monitor has its own connection: make this thread's usable again, then read fresh rows.
        (void)m_database.ping();
        showConnected();
        m_nonprofitsPage->refresh();
    });

    resize(1280, 800);
    restoreGeometry(Config::instance().get(Config::MainWindowGeometry).toByteArray());
    restoreState(Config::instance().get(Config::MainWindowState).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(Page page, const QString& title, QWidget* widget)
{
    Q_ASSERT(m_pages->count() == page);
    Q_UNUSED(page)
    m_pages->addWidget(widget);
    auto* item = new QListWidgetItem(title, m_navigation);
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(title).arg(m_pages->count()));
}

void MainWindow::buildPages(ProfileStore& profiles)
{
    m_nonprofitsPage = new NonprofitsPage(m_database, m_pages);
    addPage(Nonprofits, tr("Nonprofits"), m_nonprofitsPage);
    m_suppressionsPage = new SuppressionsPage(m_database, m_pages);
    addPage(Suppressions, tr("Suppressions"), m_suppressionsPage);
    m_templatesPage = new TemplatesPage(m_database, m_pages);
    addPage(Templates, tr("Templates"), m_templatesPage);
    addPage(Campaigns, tr("Campaigns"), new CampaignsPage(m_database, m_pages));
    m_sendingPage = new SendingPage(m_database, m_pages);
    m_sendingController = new SendingController(m_database, this);
    connect(m_sendingPage->monitor(), &SendingMonitor::progressRead, m_sendingController,
        &SendingController::campaignsRead);
    connect(m_sendingController, &SendingController::stateChanged, m_sendingPage, &SendingPage::showEngineState);
    addPage(Sending, tr("Sending"), m_sendingPage);
    m_dashboardPage = new DashboardPage(m_database, m_pages);
    addPage(Dashboard, tr("Dashboard"), m_dashboardPage);
    m_settingsPage = new SettingsPage(profiles, m_database.profile().id, m_pages);
    // The welcome panel's "Connect to your team's server": profiles live in Settings; adding one opens its dialog.
    connect(m_nonprofitsPage, &NonprofitsPage::connectServerRequested, this, [this] {
        showPage(Settings);
        m_settingsPage->addProfile();
    });
    connect(m_settingsPage, &SettingsPage::switchRequested, this, &MainWindow::profileSwitchRequested);
    auto* providers = new ProvidersPanel(m_database, m_settingsPage);
    connect(providers, &ProvidersPanel::providersChanged, m_sendingController, &SendingController::providersChanged);
    m_settingsPage->addSection(providers);
    auto* senderDomains = new SenderDomainsPanel(m_database, m_settingsPage);
    // A new DKIM key takes effect at once: the engine restarts with it like with a changed provider.
    connect(senderDomains, &SenderDomainsPanel::keyStored, m_sendingController, &SendingController::providersChanged);
    m_settingsPage->addSection(senderDomains);
    auto* alertSettings = new AlertSettingsPanel(m_database, m_settingsPage);
    connect(alertSettings, &AlertSettingsPanel::thresholdsSaved, m_dashboardPage, &DashboardPage::setThresholds);
    m_settingsPage->addSection(alertSettings);
    // Reads the feedback mailbox on "Check now" and every few minutes while a campaign is sending.
    auto* intake = new FeedbackIntakeRunner(m_database, this);
    connect(m_sendingPage->monitor(), &SendingMonitor::progressRead, intake, &FeedbackIntakeRunner::campaignsRead);
    connect(intake, &FeedbackIntakeRunner::finished, m_sendingPage, &SendingPage::showIntakeResult);
    m_settingsPage->addSection(new FeedbackMailboxPanel(m_database, *intake, m_settingsPage));
    m_settingsPage->addSection(new EngagementSettingsPanel(m_database, m_settingsPage));
    m_settingsPage->addSection(new BrandingSettingsPanel(m_database, m_settingsPage));
    m_settingsPage->addSection(new ApprovalSettingsPanel(m_database, m_settingsPage));
    m_settingsPage->addSection(new TeamPanel(m_database, m_settingsPage));
    m_settingsPage->addSection(new LanguageSection(m_settingsPage));
    // Scrolls: with all its sections it is taller than a small window.
    auto* settingsScroll = new QScrollArea(m_pages);
    settingsScroll->setObjectName(QStringLiteral("settingsScroll"));
    settingsScroll->setFrameShape(QFrame::NoFrame);
    settingsScroll->setWidgetResizable(true);
    settingsScroll->setWidget(m_settingsPage);
    addPage(Settings, tr("Settings"), settingsScroll);
}

void MainWindow::readRole()
{
    // One round trip. When it fails the window restricts nothing: the server still refuses what the role may not.
    auto role = SessionRole::read(m_database);
    if (!role)
        m_roleProblem = role.error().message;
    m_roleGate = new RoleGate(role ? role.value() : SessionRole(), this);
}

void MainWindow::buildAlerts(QWidget* pagesColumn)
{
    // Above the pages: whatever page is open, an alert shows.
    m_alertBanner = new AlertBanner(pagesColumn);
    static_cast<QVBoxLayout*>(pagesColumn->layout())->insertWidget(0, m_alertBanner);
    connect(m_alertBanner, &AlertBanner::dashboardRequested, this, [this] { showPage(Dashboard); });
    m_alertMonitor = new AlertMonitor(m_database, AlertMonitor::DefaultIntervalMs, this);
    connect(m_alertMonitor, &AlertMonitor::alertsChanged, m_alertBanner, &AlertBanner::showAlerts);
    connect(m_alertMonitor, &AlertMonitor::thresholdsChanged, m_dashboardPage, &DashboardPage::setThresholds);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_trayIcon = new QSystemTrayIcon(windowIcon().isNull() ? QApplication::windowIcon() : windowIcon(), this);
        m_trayIcon->setToolTip(tr("Herald"));
        m_trayIcon->show();
        connect(m_trayIcon, &QSystemTrayIcon::messageClicked, this, [this] {
            showPage(Dashboard);
            raise();
            activateWindow();
        });
    }
    connect(m_alertMonitor, &AlertMonitor::alertRaised, this, [this](const Alert& alert) {
        if (m_trayIcon && QSystemTrayIcon::supportsMessages())
            m_trayIcon->showMessage(alert.title(), alert.detail, QSystemTrayIcon::Warning);
    });
    // Threshold changes take effect at once rather than at the next check.
    for (auto* panel : m_settingsPage->findChildren<AlertSettingsPanel*>())
        connect(panel, &AlertSettingsPanel::thresholdsSaved, m_alertMonitor, &AlertMonitor::checkNow);
}

void MainWindow::buildMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* move = fileMenu->addAction(tr("&Move to a Team Server…"), this, [this] {
        MoveToServerDialog dialog(m_database, m_profiles, this);
        dialog.exec();
    });
    move->setObjectName(QStringLiteral("moveToServerAction"));
    auto* backup = new BackupAction(m_database, this);
    fileMenu->addAction(tr("&Back Up…"), backup, &BackupAction::run)->setObjectName(QStringLiteral("backupAction"));
    fileMenu->addSeparator();
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* goMenu = menuBar()->addMenu(tr("&Go"));
    for (int page = 0; page < PageCount; ++page) {
        QAction* action = goMenu->addAction(m_navigation->item(page)->text());
        action->setObjectName(QStringLiteral("showPage%1").arg(page + 1));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + page)));
        connect(action, &QAction::triggered, this, [this, page] { showPage(Page(page)); });
    }

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    SampleDataActions* sample = m_nonprofitsPage->sampleData();
    QAction* loadSample = helpMenu->addAction(tr("&Load Sample Data"), this, [this, sample] {
        showPage(Nonprofits);
        sample->load();
    });
    loadSample->setObjectName(QStringLiteral("loadSampleAction"));
    QAction* removeSample = helpMenu->addAction(tr("&Remove Sample Data…"), sample, &SampleDataActions::remove);
    removeSample->setObjectName(QStringLiteral("removeSampleAction"));
    // Whether there is sample data is one quick query: asked when the menu opens and when rows come or go.
    auto updateSampleActions = [sample, loadSample, removeSample] {
        const bool loaded = sample->isLoaded();
        loadSample->setEnabled(!loaded && !sample->isLoading());
        removeSample->setEnabled(loaded && !sample->isLoading());
    };
    connect(helpMenu, &QMenu::aboutToShow, this, updateSampleActions);
    connect(sample, &SampleDataActions::loadingStarted, this, updateSampleActions);
    connect(sample, &SampleDataActions::changed, this, updateSampleActions);
    updateSampleActions();
    RoleGate::require(SessionRole::Right::EditContent, { loadSample, removeSample });
    helpMenu->addSeparator();
    QAction* about = helpMenu->addAction(tr("&About Herald"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::buildStatusBar()
{
    const ConnectionProfile& profile = m_database.profile();
    m_profileLabel = new QLabel(tr("%1 — %2").arg(profile.name, profile.location()), this);
    m_profileLabel->setObjectName(QStringLiteral("profileStatusLabel"));
    m_profileLabel->setTextFormat(Qt::PlainText);
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionStatusLabel"));
    m_connectionLabel->setTextFormat(Qt::PlainText);
    m_roleLabel = new QLabel(m_roleGate->role().signedInText(), this);
    m_roleLabel->setObjectName(QStringLiteral("roleStatusLabel"));
    m_roleLabel->setTextFormat(Qt::PlainText);
    m_roleLabel->setToolTip(m_roleProblem.isEmpty() ? tr("What you may do is decided by the database's roles; actions "
                                                         "your role may not take are disabled and say who may.")
                                                    : m_roleProblem);
    statusBar()->addWidget(m_profileLabel, 1);
    statusBar()->addPermanentWidget(m_roleLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
    showConnected();
}

void MainWindow::showConnected()
{
    m_connectionLabel->setText(tr("Connected"));
    m_connectionLabel->setToolTip(tr("Herald checks the connection every few seconds."));
    m_connectionLabel->setStyleSheet(QStringLiteral("QLabel { color: #1b5e20; padding: 0 6px; }"));
}

void MainWindow::showUnreachable(const QString& error)
{
    m_connectionLabel->setText(tr("Server unreachable — reconnecting…"));
    m_connectionLabel->setToolTip(error);
    m_connectionLabel->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; padding: 0 6px; }"));
}

void MainWindow::setBanner(QWidget* banner)
{
    m_bannerArea->insertWidget(0, banner);
}

void MainWindow::showOffline(const QString& text, const QString& detail)
{
    m_connectionLabel->setText(text);
    m_connectionLabel->setToolTip(detail);
    m_connectionLabel->setStyleSheet(QStringLiteral("QLabel { color: #8a5a00; padding: 0 6px; }"));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::showPage(Page page)
{
    // A page switched off (offline, it needs the server) stays off from the Go menu's shortcuts too.
    if (!(m_navigation->item(page)->flags() & Qt::ItemIsEnabled))
        return;
    m_navigation->setCurrentRow(page);
}

void MainWindow::showAbout()
{
    MessageBox::information(this, tr("About Herald"),
        tr("Herald %1\nEmail campaigns for nonprofit organisations.\n\nData: %2 (%3)")
            .arg(QApplication::applicationVersion(), m_database.profile().name, m_database.profile().location()));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_templatesPage->confirmLeave()) {
        event->ignore();
        return;
    }
    if (m_sendingController->isSending()) {
        const auto answer = MessageBox::question(this, tr("Sending in Progress"),
            tr("Herald is sending a campaign. Stop sending and quit? Messages not sent yet stay in the queue and go "
               "out the next time Herald or a worker sends."),
            MessageBox::Buttons(QMessageBox::Yes | QMessageBox::No), QMessageBox::No,
            { { QMessageBox::Yes, tr("Stop sending and quit") }, { QMessageBox::No, tr("Keep open") } });
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    // Leased rows go back to the queue before the window (and the database) goes away.
    m_sendingController->shutDown();
    Config::instance().set(Config::MainWindowGeometry, saveGeometry());
    Config::instance().set(Config::MainWindowState, saveState());
    Config::instance().settings().sync();
    QMainWindow::closeEvent(event);
}

} // namespace herald
