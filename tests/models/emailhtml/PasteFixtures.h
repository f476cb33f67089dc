#pragma once

#include <QFile>
#include <QStringList>
#include <QTest>

namespace herald::test {

// The pastes kept in tests/data/paste: NAME.html as the clipboard holds it, NAME.expected.html cleaned.
inline QStringList pasteFixtureNames()
{
    return {QStringLiteral("libreoffice-writer"), QStringLiteral("word-web-page"), QStringLiteral("news-page")};
}

inline QString pasteFixture(const QString& fileName)
{
    QFile file(QStringLiteral(HERALD_TEST_DATA_DIR "/paste/") + fileName);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(fileName));
    return QString::fromUtf8(file.readAll());
}

inline void addPasteFixtureRows()
{
    QTest::addColumn<QString>("name");
    for (const QString& name : pasteFixtureNames())
        QTest::newRow(qPrintable(name)) << name;
}

} // namespace herald::test
