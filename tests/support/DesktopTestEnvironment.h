#pragma once

// For window tests only (they link herald_ui): the desktop a test's MainWindow runs on.

#include "config/Config.h"
#include "shell/Translations.h"
#include "storage/SecretStore.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>

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

} // namespace herald::test
