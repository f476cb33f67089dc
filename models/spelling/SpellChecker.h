#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>

class Hunspell;

namespace herald {

// One Hunspell dictionary (<folder>/<dictionary>.aff and .dic), asked in UTF-8. A dictionary that is missing or
// unreadable leaves the checker off, with unavailableReason() saying which file and which package brings it;
// an off checker finds every word correct, so nothing is underlined rather than everything.
class SpellChecker
{
    Q_DECLARE_TR_FUNCTIONS(herald::SpellChecker)
public:
    static constexpr int DefaultSuggestions = 5;

    SpellChecker(const QString& dictionary, const QString& folder);
    ~SpellChecker();
    SpellChecker(const SpellChecker&) = delete;
    SpellChecker& operator=(const SpellChecker&) = delete;

    const QString& dictionary() const { return m_dictionary; }
    bool isAvailable() const { return m_hunspell != nullptr; }
    const QString& unavailableReason() const { return m_unavailableReason; }

    bool check(const QString& word) const;
    // The dictionary's best guesses, at most `limit`.
    QStringList suggest(const QString& word, int limit = DefaultSuggestions) const;
    // Accepts `word` from now on (the personal dictionary's words; not written anywhere).
    void accept(const QString& word);

private:
    QString m_dictionary;
    QString m_unavailableReason;
    std::unique_ptr<Hunspell> m_hunspell;
};

} // namespace herald
