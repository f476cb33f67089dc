#include "MainWindow.h"

#include "CampaignsPage.h"
#include "ConnectionMonitor.h"
#include "FeedbackIntakeRunner.h"
#include "FeedbackMailboxPanel.h"
#include "MessageBox.h"
#include "NonprofitsPage.h"
#include "PlaceholderPage.h"
#include "ProvidersPanel.h"
#include "SendingController.h"
#include "SendingMonitor.h"
#include "SendingPage.h"
#include "SettingsPage.h"
#include "TemplatesPage.h"
#include "config/Config.h"
#include "storage/Database.h"
#include "storage/ProfileStore.h"

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

namespace herald {

MainWindow::MainWindow(Database& database, ProfileStore& profiles, QWidget* parent)
    : QMainWindow(parent)
    , m_database(database)
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
        m_pages->setCurrentIndex(row);
    });
    m_navigation->setCurrentRow(Nonprofits);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

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
    m_templatesPage = new TemplatesPage(m_database, m_pages);
    addPage(Templates, tr("Templates"), m_templatesPage);
    addPage(Campaigns, tr("Campaigns"), new CampaignsPage(m_database, m_pages));
    m_sendingPage = new SendingPage(m_database, m_pages);
    m_sendingController = new SendingController(m_database, this);
    connect(m_sendingPage->monitor(), &SendingMonitor::progressRead, m_sendingController,
        &SendingController::campaignsRead);
    connect(m_sendingController, &SendingController::stateChanged, m_sendingPage, &SendingPage::showEngineState);
    addPage(Sending, tr("Sending"), m_sendingPage);
    addPage(Dashboard, tr("Dashboard"),
        new PlaceholderPage(tr("Dashboard"),
            tr("Here you will see the queue drain, the sending rate, the failure rate and the "
               "delivery results of finished campaigns."),
            m_pages));
    m_settingsPage = new SettingsPage(profiles, m_database.profile().id, m_pages);
    connect(m_settingsPage, &SettingsPage::switchRequested, this, &MainWindow::profileSwitchRequested);
    auto* providers = new ProvidersPanel(m_database, m_settingsPage);
    connect(providers, &ProvidersPanel::providersChanged, m_sendingController, &SendingController::providersChanged);
    m_settingsPage->addSection(providers);
    // Reads the feedback mailbox on "Check now" and every few minutes while a campaign is sending.
    auto* intake = new FeedbackIntakeRunner(m_database, this);
    connect(m_sendingPage->monitor(), &SendingMonitor::progressRead, intake, &FeedbackIntakeRunner::campaignsRead);
    connect(intake, &FeedbackIntakeRunner::finished, m_sendingPage, &SendingPage::showIntakeResult);
    m_settingsPage->addSection(new FeedbackMailboxPanel(m_database, *intake, m_settingsPage));
    // Settings gains a section per feature: it scrolls rather than squeezing them into the window.
    auto* settingsScroll = new QScrollArea(m_pages);
    settingsScroll->setWidgetResizable(true);
    settingsScroll->setFrameShape(QFrame::NoFrame);
    settingsScroll->setWidget(m_settingsPage);
    addPage(Settings, tr("Settings"), settingsScroll);
}

void MainWindow::buildMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
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
    statusBar()->addWidget(m_profileLabel, 1);
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

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::showPage(Page page)
{
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
