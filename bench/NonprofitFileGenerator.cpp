#include "NonprofitFileGenerator.h"

#include "importexport/CsvReader.h"
#include "importexport/CsvWriter.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace herald {

QStringList NonprofitFileGenerator::header()
{
    return { QStringLiteral("EIN"), QStringLiteral("NAME"), QStringLiteral("EMAIL"), QStringLiteral("STREET"),
        QStringLiteral("CITY"), QStringLiteral("STATE"), QStringLiteral("ZIP") };
}

Status NonprofitFileGenerator::load(const QString& irsDir)
{
    const QStringList files = QDir(irsDir).entryList({ QStringLiteral("eo_*.csv") }, QDir::Files);
    for (const QString& name : files) {
        QFile file(QDir(irsDir).filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return Error::make(Error::Kind::Io, file.errorString());
        CsvReader reader(&file);
        CsvRecord record;
        reader.next(record); // EIN,NAME,ICO,STREET,CITY,STATE,ZIP,…
        while (reader.next(record)) {
            if (record.fields.size() < 7)
                continue;
            m_names << record.fields.at(1);
            m_streets << record.fields.at(3);
            m_places.append({ record.fields.at(4), record.fields.at(5), record.fields.at(6) });
        }
    }
    if (m_names.isEmpty())
        return Error::make(Error::Kind::Io, QStringLiteral("no IRS extracts (eo_*.csv) in %1").arg(irsDir));
    return {};
}

Status NonprofitFileGenerator::write(const QString& path, qint64 rows, quint32 seed) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(Error::Kind::Io, file.errorString());
    QRandomGenerator random(seed);
    static const QRegularExpression notSlug(QStringLiteral("[^a-z0-9]+"));
    CsvWriter writer(&file);
    writer.write(header());
    for (qint64 i = 0; i < rows; ++i) {
        // 7919 is prime to 10^9: every row gets its own nine-digit EIN, some with a leading zero.
        const QString ein = QStringLiteral("%1").arg((i * 7919 + 10000000) % 1000000000, 9, 10, QLatin1Char('0'));
        const Place& place = m_places.at(random.bounded(int(m_places.size())));
        // Chapters and posts: the same name many times, as in the real files.
        QString name = m_names.at(random.bounded(int(m_names.size())));
        switch (random.bounded(6)) {
        case 0:
            name += QStringLiteral(" CHAPTER ") + QString::number(random.bounded(1, 999));
            break;
        case 1:
            name += QStringLiteral(" POST ") + QString::number(random.bounded(1, 999));
            break;
        case 2:
            name += QStringLiteral(" OF ") + place.city;
            break;
        default:
            break;
        }
        QString slug = name.toLower().replace(notSlug, QStringLiteral("-")).left(24);
        while (slug.startsWith(QLatin1Char('-')) || slug.endsWith(QLatin1Char('-')))
            slug = slug.startsWith(QLatin1Char('-')) ? slug.mid(1) : slug.chopped(1);
        if (slug.isEmpty())
            slug = QStringLiteral("org");
        const QString email = QStringLiteral("info@%1-%2.example.org").arg(slug, ein);
        writer.write({ ein, name, email, m_streets.at(random.bounded(int(m_streets.size()))), place.city, place.state,
            place.zip });
    }
    if (!writer.flush())
        return Error::make(Error::Kind::Io, file.errorString());
    return {};
}

} // namespace herald
