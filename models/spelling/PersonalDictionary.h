#pragma once

#include "domain/Error.h"

#include <QCoreApplication>
#include <QStringList>

namespace herald {

// The words a user added with "Add to dictionary", one file per connection profile
// (<AppDataLocation>/dictionaries/<profile id>.txt, one word a line, UTF-8), beside the profile's other files
// (its offline store lives in <AppDataLocation>/offline/<profile id>.sqlite).
class PersonalDictionary
{
    Q_DECLARE_TR_FUNCTIONS(herald::PersonalDictionary)
public:
    // `folder` empty: <AppDataLocation>/dictionaries.
    explicit PersonalDictionary(const QString& profileId, const QString& folder = {});

    static QString pathFor(const QString& profileId, const QString& folder = {});
    const QString& path() const { return m_path; }

    // Reads the file; none yet is an empty dictionary.
    Status load();
    const QStringList& words() const { return m_words; }
    bool contains(const QString& word) const { return m_words.contains(word); }
    // Adds `word` and writes the file at once (a crash loses nothing the user added).
    Status add(const QString& word);

private:
    QString m_path;
    QStringList m_words;
};

} // namespace herald
