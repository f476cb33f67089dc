#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
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

QStringList Translations::available()
{
    QStringList languages;
    const QStringList files = QDir(Prefix).entryList({QStringLiteral("herald_*.qm")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QString code = file.mid(7, file.size() - 7 - 3); // herald_<code>.qm
        if (code != QLatin1String("en"))
            languages << code;
    }
    return languages;
}

} // namespace herald
