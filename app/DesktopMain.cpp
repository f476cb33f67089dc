#include "DesktopMain.h"

#include "common/MessageBox.h"
#include "config/Config.h"
#include "shell/DatabaseOpener.h"
#include "shell/MainWindow.h"
#include "shell/Translations.h"
#include "storage/ProfileStore.h"
#include "storage/SecretStore.h"
#include "sync/LocalStore.h"
#include "sync/OfflineController.h"
#include "sync/OfflineMode.h"

#include <QApplication>
#include <QIcon>

namespace herald {

namespace {
// The installed theme icon where there is one, else the sizes built into the program.
QIcon applicationIcon()
{
    QIcon builtIn;
    for (const char* size : {"16x16", "32x32", "48x48", "256x256"})
        builtIn.addFile(QStringLiteral(":/icons/%1/apps/org.heraldmail.Herald.png").arg(QLatin1String(size)));
    return QIcon::fromTheme(QStringLiteral("org.heraldmail.Herald"), builtIn);
}
} // namespace

int runDesktop(int& argc, char** argv)
{
    QApplication app(argc, argv);
    // Before Config::instance(): QSettings finds its file by these names.
    QApplication::setOrganizationName(QStringLiteral("Herald"));
    QApplication::setApplicationName(QStringLiteral("Herald"));
    QApplication::setApplicationVersion(QStringLiteral(HERALD_VERSION));
    QApplication::setApplicationDisplayName(QStringLiteral("Herald"));
    QApplication::setDesktopFileName(QStringLiteral("org.heraldmail.Herald")); // Wayland finds the icon through it
    QApplication::setWindowIcon(applicationIcon());
    Translations::install(app, Config::instance().get(Config::Language).toString());

    ProfileStore profiles(Config::instance());
    DatabaseOpener opener(profiles, SecretStore::instance());
    std::unique_ptr<Database> database;
    bool offline = false;
    bool reopenSameProfile = false; // going offline or online again keeps the database (and its password)
    // Switching profiles in Settings, or between online and offline, closes the window and comes back here.
    for (;;) {
        if (!reopenSameProfile) {
            database = opener.openActive(nullptr, &offline);
            if (!database)
                return 1;
        } else if (!offline && !database->open()) {
            offline = true; // gone again before the window opened
        }
        reopenSameProfile = false;
        // A PostgreSQL profile keeps drafts and read copies on this computer for when its server is away.
        std::unique_ptr<LocalStore> store;
        if (database->backend() == Backend::Postgres) {
            store = std::make_unique<LocalStore>(database->profile());
            if (const Status opened = store->open(); !opened) {
                MessageBox::warning(nullptr, QApplication::translate("DesktopMain", "Offline Drafts Unavailable"),
                    opened.error().message);
                if (offline)
                    return 1;
                store.reset();
            }
        }
        OfflineMode::setActive(offline, database->profile().location());
        bool switching = false;
        int exitCode = 0;
        {
            MainWindow window(offline ? store->database() : *database, profiles);
            QObject::connect(&window, &MainWindow::profileSwitchRequested, &window, [&window, &switching] {
                switching = true;
                window.close();
                QCoreApplication::exit(0); // even if another top-level window is still open
            });
            if (store) {
                auto* controller = new OfflineController(window, *database, *store, offline);
                QObject::connect(controller, &OfflineController::switchRequested, &window,
                    [&window, &switching, &reopenSameProfile, &offline](bool toOffline) {
                        if (!window.close())
                            return; // the user kept the window (unsaved changes)
                        switching = true;
                        reopenSameProfile = true;
                        offline = toOffline;
                        QCoreApplication::exit(0);
                    });
            }
            window.show();
            exitCode = app.exec();
        } // the window and its models go before the database they read
        OfflineMode::setActive(false);
        if (!switching)
            return exitCode;
    }
}

} // namespace herald
