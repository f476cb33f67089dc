#pragma once

#include "domain/Error.h"

#include <QList>
#include <QStringList>

namespace herald {

// Writes a large CSV of nonprofits shaped like the IRS extracts (EIN, NAME, EMAIL, STREET, CITY, STATE, ZIP):
// names, streets and city/state/ZIP triples drawn from the real files, names varied into chapters, EINs unique
// with leading zeros, emails derived from name and EIN under example.org. The same seed gives the same file.
class NonprofitFileGenerator
{
public:
    // Reads the vocabulary from the IRS extracts in `irsDir`.
    Status load(const QString& irsDir);
    Status write(const QString& path, qint64 rows, quint32 seed = 2026) const;

    static QStringList header();

private:
    struct Place
    {
        QString city;
        QString state;
        QString zip;
    };
    QStringList m_names;
    QStringList m_streets;
    QList<Place> m_places;
};

} // namespace herald
