#include "PersonalDictionary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace herald {

PersonalDictionary::PersonalDictionary(const QString& profileId, const QString& folder)
    : m_path(pathFor(profileId, folder))
{
}

QString PersonalDictionary::pathFor(const QString& profileId, const QString& folder)
{
    const QString base = folder.isEmpty()
        ? QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("dictionaries"))
        : folder;
    return QDir(base).filePath(profileId + QLatin1String(".txt"));
}

Status PersonalDictionary::load()
{
    m_words.clear();
    QFile file(m_path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Kind::Io, tr("Could not read your dictionary %1: %2").arg(m_path, file.errorString()));
    for (const QString& line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        const QString word = line.trimmed();
        if (!word.isEmpty() && !m_words.contains(word))
            m_words << word;
    }
    return {};
}

Status PersonalDictionary::add(const QString& word)
{
    const QString trimmed = word.trimmed();
    if (trimmed.isEmpty() || m_words.contains(trimmed))
        return {};
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return Error::make(Error::Kind::Io, tr("Could not create the folder for your dictionary %1").arg(m_path));
    QSaveFile file(m_path);
    QStringList words = m_words;
    words << trimmed;
    if (!file.open(QIODevice::WriteOnly) || file.write(words.join(QLatin1Char('\n')).toUtf8() + '\n') < 0 || !file.commit())
        return Error::make(Error::Kind::Io, tr("Could not save “%1” in your dictionary %2: %3")
                                                .arg(trimmed, m_path, file.errorString()));
    m_words = words;
    return {};
}

} // namespace herald
