#include "SpellingSession.h"

#include "SpellLanguage.h"

namespace herald {

SpellingSession::SpellingSession(const QString& profileId, QObject* parent)
    : SpellingSession(profileId, Folders(), parent)
{
}

SpellingSession::SpellingSession(const QString& profileId, const Folders& folders, QObject* parent)
    : QObject(parent)
    , m_dictionaryFolder(folders.dictionaries.isEmpty() ? SpellLanguage::systemFolder() : folders.dictionaries)
    , m_dictionary(SpellLanguage::dictionaryFor(QString()))
    , m_personal(profileId, folders.personal)
{
    if (const Status loaded = m_personal.load(); !loaded)
        m_personalProblem = loaded.error().message;
}

SpellingSession::~SpellingSession() = default;

void SpellingSession::setDictionary(const QString& dictionary)
{
    if (dictionary == m_dictionary)
        return;
    m_dictionary = dictionary;
    m_checker.reset();
    emit changed();
}

SpellChecker* SpellingSession::checker() const
{
    if (!m_checker) {
        m_checker = std::make_unique<SpellChecker>(m_dictionary, m_dictionaryFolder);
        for (const QString& word : m_personal.words())
            m_checker->accept(word);
    }
    return m_checker.get();
}

QString SpellingSession::problem() const
{
    const QString& unavailable = checker()->unavailableReason();
    return unavailable.isEmpty() ? m_personalProblem : unavailable;
}

bool SpellingSession::isMisspelt(const QString& word) const { return !checker()->check(word); }

QList<WordSpan> SpellingSession::misspeltAmong(const QString& text, const QList<WordSpan>& words) const
{
    QList<WordSpan> wrong;
    for (const WordSpan& word : words) {
        if (isMisspelt(text.mid(word.start, word.length)))
            wrong << word;
    }
    return wrong;
}

QList<WordSpan> SpellingSession::misspelt(const QString& text, WordTokenizer::Markup markup) const
{
    return misspeltAmong(text, WordTokenizer::words(text, markup));
}

QList<WordSpan> SpellingSession::misspeltHtml(const QString& line, WordTokenizer::HtmlState* state) const
{
    return misspeltAmong(line, WordTokenizer::htmlWords(line, state));
}

QStringList SpellingSession::suggest(const QString& word) const { return checker()->suggest(word); }

Status SpellingSession::addToDictionary(const QString& word)
{
    if (const Status added = m_personal.add(word); !added)
        return added;
    checker()->accept(word.trimmed());
    emit changed();
    return {};
}

} // namespace herald
