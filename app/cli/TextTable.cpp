#include "TextTable.h"

#include "Output.h"

#include <algorithm>

namespace herald::cli {

TextTable::TextTable(const QStringList& header, const QList<bool>& numeric) : m_rows{header}, m_numeric(numeric) {}

void TextTable::print() const
{
    QList<qsizetype> widths(m_rows.first().size(), 0);
    for (const QStringList& row : m_rows)
        for (qsizetype column = 0; column < row.size() && column < widths.size(); ++column)
            widths[column] = std::max(widths[column], row.at(column).size());
    for (const QStringList& row : m_rows) {
        QStringList cells;
        for (qsizetype column = 0; column < row.size() && column < widths.size(); ++column)
            cells << (m_numeric.value(column) ? row.at(column).rightJustified(widths.at(column))
                                              : row.at(column).leftJustified(widths.at(column)));
        // Only the padding at the end goes: a first column aligned right keeps its leading spaces.
        QString line = cells.join(QStringLiteral("  "));
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        Output::line(line);
    }
}

} // namespace herald::cli
