#include "engagement/BurstDetector.h"

#include <QHash>

#include <algorithm>
#include <numeric>
#include <vector>

namespace herald {

QList<bool> BurstDetector::inBurst(const QList<Click>& clicks, int trackedLinks)
{
    QList<bool> flags(clicks.size(), false);
    if (trackedLinks < 2)
        return flags;
    const int linksNeeded = std::min(trackedLinks, MinimumDistinctLinks);

    std::vector<qsizetype> byTime(clicks.size());
    std::iota(byTime.begin(), byTime.end(), 0);
    std::stable_sort(byTime.begin(), byTime.end(),
                     [&clicks](qsizetype a, qsizetype b) { return clicks[a].atMs < clicks[b].atMs; });

    // A window over the clicks sorted by time, at most WindowMs wide, ending at each click in turn.
    QHash<int, int> clicksPerLink;
    std::size_t first = 0;
    std::size_t firstUnflagged = 0;
    for (std::size_t last = 0; last < byTime.size(); ++last) {
        ++clicksPerLink[clicks[byTime[last]].linkNumber];
        while (clicks[byTime[last]].atMs - clicks[byTime[first]].atMs > WindowMs) {
            const int link = clicks[byTime[first]].linkNumber;
            if (--clicksPerLink[link] == 0)
                clicksPerLink.remove(link);
            ++first;
        }
        if (clicksPerLink.size() >= linksNeeded) {
            for (std::size_t i = std::max(first, firstUnflagged); i <= last; ++i)
                flags[byTime[i]] = true;
            firstUnflagged = last + 1;
        }
    }
    return flags;
}

} // namespace herald
