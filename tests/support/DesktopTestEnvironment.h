#pragma once

// For window tests only (they link herald_ui): the desktop a test's MainWindow runs on.

#include "config/Config.h"
#include "shell/Translations.h"
#include "storage/SecretStore.h"

#include <QApplication>
#include <QDir>
#include <QFile>
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

// The interface and the number formats in `language` from now on.
inline void useLanguage(const QString& language)
{
    Translations::install(*qApp, language);
    QLocale::setDefault(QLocale(language));
}

// The interface in one language for a scope (screenshots in each language): Herald's `qmFile` (":/i18n/herald_es.qm";
// empty: English) and QLocale's default for `language`; English again at the end. Build windows inside the scope.
class ScopedLanguage
{
public:
    ScopedLanguage(const QString& qmFile, const QString& language)
    {
        m_loaded = qmFile.isEmpty() || (m_translator.load(qmFile) && QCoreApplication::installTranslator(&m_translator));
        QLocale::setDefault(QLocale(language));
    }
    ~ScopedLanguage()
    {
        QCoreApplication::removeTranslator(&m_translator);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    ScopedLanguage(const ScopedLanguage&) = delete;
    ScopedLanguage& operator=(const ScopedLanguage&) = delete;
    bool isLoaded() const { return m_loaded; }

private:
    QTranslator m_translator;
    bool m_loaded = false;
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
