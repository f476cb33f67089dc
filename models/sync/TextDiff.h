#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace herald {

// A line diff of two texts (longest common subsequence), for showing two versions of a body side by side.
class TextDiff
{
public:
    enum class Kind { Same, Removed, Added };
    struct Line
    {
        Kind kind;
        QString text;
    };

    // The lines of `mine` turned into `theirs`: Same lines in both, Removed only in mine, Added only in theirs.
    static QList<Line> lines(const QString& mine, const QString& theirs);
};

} // namespace herald
