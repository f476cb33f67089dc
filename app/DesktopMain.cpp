#include "DesktopMain.h"

#include "DatabaseOpener.h"
#include "MainWindow.h"
#include "Translations.h"
#include "config/Config.h"
#include "storage/ProfileStore.h"
#include "storage/SecretStore.h"

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
    // Switching profiles in Settings closes the window and comes back here to open the new one.
    for (;;) {
        std::unique_ptr<Database> database = opener.openActive();
        if (!database)
            return 1;
        bool switching = false;
        int exitCode = 0;
        {
            MainWindow window(*database, profiles);
            QObject::connect(&window, &MainWindow::profileSwitchRequested, &window, [&window, &switching] {
                switching = true;
                window.close();
                QCoreApplication::exit(0); // even if another top-level window is still open
            });
            window.show();
            exitCode = app.exec();
        } // the window and its models go before the database they read
        if (!switching)
            return exitCode;
    }
}

} // namespace herald
