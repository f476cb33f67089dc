#include "SpellLanguage.h"

namespace herald {

namespace {
QString dictionaryForLanguage(QLocale::Language language)
{
    switch (language) {
    case QLocale::Spanish:
        return QStringLiteral("es_ES");
    case QLocale::French:
        return QStringLiteral("fr_FR");
    default:
        return QStringLiteral("en_US");
    }
}
} // namespace

QString SpellLanguage::dictionaryFor(const QString& templateLanguage, const QLocale& interfaceLocale)
{
    const QLocale locale = templateLanguage.isEmpty() ? interfaceLocale : QLocale(templateLanguage);
    return dictionaryForLanguage(locale.language());
}

QString SpellLanguage::systemFolder()
{
    const QString configured = qEnvironmentVariable("HERALD_HUNSPELL_DIR");
    return configured.isEmpty() ? QStringLiteral("/usr/share/hunspell") : configured;
}

} // namespace herald
