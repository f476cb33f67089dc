#pragma once

#include "PersonalDictionary.h"
#include "SpellChecker.h"
#include "WordTokenizer.h"

#include <QObject>

#include <memory>

namespace herald {

// Spell checking as one window uses it: the dictionary of the language being written (loaded on first use, so
// opening the window stays quick) and the connection profile's personal words. Every highlighter and context
// menu of the window asks the same session, and changed() tells them to look again (another language, a word
// added). GUI thread only, like Hunspell itself.
class SpellingSession : public QObject
{
    Q_OBJECT
public:
    struct Folders
    {
        QString dictionaries; // empty: SpellLanguage::systemFolder()
        QString personal;     // empty: PersonalDictionary's default
    };

    explicit SpellingSession(const QString& profileId, QObject* parent = nullptr);
    SpellingSession(const QString& profileId, const Folders& folders, QObject* parent = nullptr);
    ~SpellingSession() override;

    // "en_US", "es_ES", "fr_FR" (SpellLanguage::dictionaryFor).
    void setDictionary(const QString& dictionary);
    const QString& dictionary() const { return m_dictionary; }
    // Why nothing is being checked (the dictionary is missing), or why the personal dictionary could not be
    // read; empty when all is well.
    QString problem() const;

    // The words of `text` to mark as misspelt.
    QList<WordSpan> misspelt(const QString& text, WordTokenizer::Markup markup = WordTokenizer::Markup::PlainText) const;
    QList<WordSpan> misspeltHtml(const QString& line, WordTokenizer::HtmlState* state) const;
    bool isMisspelt(const QString& word) const;
    QStringList suggest(const QString& word) const;
    // Keeps `word` in the profile's personal dictionary and stops marking it.
    Status addToDictionary(const QString& word);

signals:
    void changed();

private:
    SpellChecker* checker() const;
    QList<WordSpan> misspeltAmong(const QString& text, const QList<WordSpan>& words) const;

    QString m_dictionaryFolder;
    QString m_dictionary;
    PersonalDictionary m_personal;
    QString m_personalProblem;
    mutable std::unique_ptr<SpellChecker> m_checker;
};

} // namespace herald
