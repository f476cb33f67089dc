#pragma once

// For window tests only (they link herald_ui): the real MainWindow at its default size on a fresh test database,
// with settings and data under a temporary folder (DesktopTestEnvironment) — where most window tests start.

#include "DesktopTestEnvironment.h"
#include "TestDatabase.h"
#include "config/Config.h"
#include "shell/MainWindow.h"
#include "storage/ProfileStore.h"

#include <QCoreApplication>
#include <QScrollArea>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace herald::test {

class MainWindowFixture
{
public:
    static constexpr QSize DefaultSize{1254, 784};

    // From initTestCase: empty when the window is shown, else why not (QVERIFY2 on it).
    QString open()
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder");
        useTestDesktop(m_dir);
        m_scratch = std::make_unique<TestDatabase>();
        if (!m_scratch->isReady())
            return m_scratch->setupError();
        m_database = m_scratch->open();
        if (!m_database)
            return QStringLiteral("the test database did not open");
        m_profiles = std::make_unique<ProfileStore>(Config::instance());
        m_window = std::make_unique<MainWindow>(*m_database, *m_profiles);
        m_window->resize(DefaultSize);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return QStringLiteral("the window was not exposed");
        return {};
    }

    // From cleanupTestCase: the window goes before the database it reads.
    void close()
    {
        m_window.reset();
        m_database.reset();
        m_scratch.reset();
    }

    MainWindow& window() const { return *m_window; }
    Database& database() const { return *m_database; }
    ProfileStore& profiles() const { return *m_profiles; }
    template<typename T> T* find(const QString& name) const { return m_window->findChild<T*>(name); }
    template<typename T> T* find(const char* name) const { return find<T>(QString::fromLatin1(name)); }

    // Settings, scrolled so that `panelName` is at the top, as after following a hint to it; the panel, or nullptr.
    template<typename Panel> Panel* showSettingsPanel(const char* panelName)
    {
        m_window->showPage(MainWindow::Settings);
        auto* panel = find<Panel>(panelName);
        auto* scroll = find<QScrollArea>("settingsScroll");
        if (!panel || !scroll)
            return nullptr;
        QCoreApplication::processEvents();
        scroll->verticalScrollBar()->setValue(panel->mapTo(scroll->widget(), QPoint(0, 0)).y() - 12);
        return panel;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_scratch;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace herald::test
