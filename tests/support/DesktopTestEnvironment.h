#pragma once

// For window tests only (they link herald_ui): the desktop a test's MainWindow runs on.

#include "config/Config.h"
#include "shell/Translations.h"
#include "storage/SecretStore.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QWidget>

namespace herald::test {

// Settings, data and offline stores under `dir`, never the user's; no keychain (no D-Bus in tests, and the
// dialogs must say so); the interface in `language`, or left as it is when empty (tests that switch it).
inline void useTestDesktop(const QTemporaryDir& dir, const QString& language = QStringLiteral("en_US"))
{
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(QStringLiteral("data"))));
    QApplication::setOrganizationName(QStringLiteral("Herald"));
    QApplication::setApplicationName(QStringLiteral("Herald"));
    if (!language.isEmpty())
        Translations::install(*qApp, language);
    SecretStore::instance().setKeychainDisabled(true);
    Config::instance().useFile(dir.filePath(QStringLiteral("herald.ini")));
}

// The rows of a test run once per language of the interface: English, Spanish and French (column "language").
inline void addLanguageRows()
{
    QTest::addColumn<QString>("language");
    for (const char* language : {"en", "es", "fr"})
        QTest::newRow(language) << QString::fromLatin1(language);
}

// The interface in one language for a scope (screenshots in each language): Herald's and Qt's own translations
// (dialog buttons) for `language` ("es", "fr"; English needs none) and QLocale's default; removed again at the end,
// so English comes back whole (translators installed for good would leave untranslated strings in the last language).
// Build windows inside the scope.
class ScopedLanguage
{
public:
    explicit ScopedLanguage(const QString& language)
    {
        const QLocale locale(language);
        QLocale::setDefault(locale);
        if (locale.language() == QLocale::English)
            return;
        m_loaded = m_herald.load(locale, QStringLiteral("herald"), QStringLiteral("_"), QStringLiteral(":/i18n"))
            && QCoreApplication::installTranslator(&m_herald);
        if (m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qt);
    }
    ~ScopedLanguage()
    {
        QCoreApplication::removeTranslator(&m_qt);
        QCoreApplication::removeTranslator(&m_herald);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    ScopedLanguage(const ScopedLanguage&) = delete;
    ScopedLanguage& operator=(const ScopedLanguage&) = delete;
    bool isLoaded() const { return m_loaded; }

private:
    QTranslator m_herald;
    QTranslator m_qt;
    bool m_loaded = true;
};

#ifdef HERALD_SCREENSHOT_DIR
// Saves what `widget` shows, once pending layout requests are done, as HERALD_SCREENSHOT_DIR/`name` (a PNG to look at).
inline void saveScreenshot(QWidget* widget, const QString& name)
{
    const QString dir = QStringLiteral(HERALD_SCREENSHOT_DIR);
    QVERIFY(QDir().mkpath(dir));
    QCoreApplication::processEvents();
    QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
}
#endif

} // namespace herald::test
