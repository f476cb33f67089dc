#include "TextDiff.h"

#include <vector>

namespace herald {

QList<TextDiff::Line> TextDiff::lines(const QString& mine, const QString& theirs)
{
    const QStringList a = mine.split(QLatin1Char('\n'));
    const QStringList b = theirs.split(QLatin1Char('\n'));
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    // Bodies are at most a few thousand lines: the quadratic table is small enough.
    std::vector<std::vector<int>> common(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j)
            common[size_t(i)][size_t(j)] = a.at(i) == b.at(j)
                ? common[size_t(i + 1)][size_t(j + 1)] + 1
                : std::max(common[size_t(i + 1)][size_t(j)], common[size_t(i)][size_t(j + 1)]);
    }
    QList<Line> result;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n && j < m) {
        if (a.at(i) == b.at(j)) {
            result.append({Kind::Same, a.at(i)});
            ++i;
            ++j;
        } else if (common[size_t(i + 1)][size_t(j)] >= common[size_t(i)][size_t(j + 1)]) {
            result.append({Kind::Removed, a.at(i++)});
        } else {
            result.append({Kind::Added, b.at(j++)});
        }
    }
    while (i < n)
        result.append({Kind::Removed, a.at(i++)});
    while (j < m)
        result.append({Kind::Added, b.at(j++)});
    return result;
}

} // namespace herald
