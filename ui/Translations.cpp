#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace herald {

namespace {
const QString Prefix = QStringLiteral(":/i18n");

// The translator lives as long as the application (its parent).
bool installTranslator(QCoreApplication& app, const QLocale& locale, const QString& name, const QString& folder)
{
    auto* translator = new QTranslator(&app);
    if (translator->load(locale, name, QStringLiteral("_"), folder) && QCoreApplication::installTranslator(translator))
        return true;
    delete translator;
    return false;
}
} // namespace

void Translations::install(QCoreApplication& app, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    // Installed first, so any other language installed after it takes precedence.
    installTranslator(app, QLocale(QLocale::English), QStringLiteral("herald"), Prefix);
    if (locale.language() != QLocale::English && locale.language() != QLocale::C) {
        installTranslator(app, locale, QStringLiteral("herald"), Prefix);
        installTranslator(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    }
}

} // namespace herald
