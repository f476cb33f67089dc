#include "SpellChecker.h"

#include <QDir>
#include <QFileInfo>

#include <hunspell.hxx>

namespace herald {

namespace {
// The Debian package that installs a dictionary, for the message when it is missing.
QString packageFor(const QString& dictionary)
{
    if (dictionary.startsWith(QLatin1String("es")))
        return QStringLiteral("hunspell-es");
    if (dictionary.startsWith(QLatin1String("fr")))
        return QStringLiteral("hunspell-fr");
    return QStringLiteral("hunspell-en-us");
}

// Apostrophes typed as ’ (word processors, phones) are checked as the ASCII ' the dictionaries list.
std::string toDictionary(const QString& word)
{
    QString normalised = word;
    normalised.replace(QChar(0x2019), QLatin1Char('\''));
    return normalised.toStdString();
}
} // namespace

SpellChecker::SpellChecker(const QString& dictionary, const QString& folder)
    : m_dictionary(dictionary)
{
    const QString affix = QDir(folder).filePath(dictionary + QLatin1String(".aff"));
    const QString words = QDir(folder).filePath(dictionary + QLatin1String(".dic"));
    for (const QString& file : {affix, words}) {
        if (!QFileInfo(file).isReadable()) {
            m_unavailableReason = tr("Spell checking is off for %1: the dictionary %2 is missing (install the "
                                     "package %3).").arg(dictionary, file, packageFor(dictionary));
            return;
        }
    }
    auto hunspell = std::make_unique<Hunspell>(QFile::encodeName(affix).constData(), QFile::encodeName(words).constData());
    // Herald speaks UTF-8 to Hunspell; the dictionaries Debian ships for these languages are UTF-8.
    if (QString::fromStdString(hunspell->get_dict_encoding()).compare(QLatin1String("UTF-8"), Qt::CaseInsensitive) != 0) {
        m_unavailableReason = tr("Spell checking is off for %1: the dictionary %2 is not in UTF-8 (it is in %3).")
                                  .arg(dictionary, affix, QString::fromStdString(hunspell->get_dict_encoding()));
        return;
    }
    m_hunspell = std::move(hunspell);
}

SpellChecker::~SpellChecker() = default;

bool SpellChecker::check(const QString& word) const
{
    return !m_hunspell || m_hunspell->spell(toDictionary(word));
}

QStringList SpellChecker::suggest(const QString& word, int limit) const
{
    QStringList suggestions;
    if (!m_hunspell)
        return suggestions;
    for (const std::string& suggestion : m_hunspell->suggest(toDictionary(word))) {
        if (suggestions.size() >= limit)
            break;
        suggestions << QString::fromStdString(suggestion);
    }
    return suggestions;
}

void SpellChecker::accept(const QString& word)
{
    if (m_hunspell)
        m_hunspell->add(toDictionary(word));
}

} // namespace herald
