#pragma once

#include <QLocale>
#include <QString>

namespace herald {

// Which Hunspell dictionary checks a text, and where dictionaries are read from. Herald checks English (en_US),
// Spanish (es_ES) and French (fr_FR), the dictionaries of Debian's hunspell-en-us, hunspell-es and hunspell-fr.
class SpellLanguage
{
public:
    // The dictionary for a template: its own language when it has one ("es", "fr_CA", …), else the interface's
    // (QLocale(), which Config::Language sets); a language Herald has no dictionary for falls back to English.
    static QString dictionaryFor(const QString& templateLanguage, const QLocale& interfaceLocale = QLocale());
    // /usr/share/hunspell, or HERALD_HUNSPELL_DIR when set (a packaged build that ships its own).
    static QString systemFolder();
};

} // namespace herald
