#pragma once

#include <QList>
#include <QtGlobal>

namespace herald {

// Finds the clicks of one message that a program made by fetching its links all at once.
//
// The rule: a burst is any span of at most one second (WindowMs, both ends included) in which
// min(trackedLinks, MinimumDistinctLinks) distinct links of the message were fetched; every click in such a span
// belongs to the burst. So in a message of two links both fetched within a second is a burst (every link at
// once), and in a longer message any three different links within a second are. A person opens one link, looks at
// the page, comes back: that takes seconds per link. Repeated fetches of one link (a double click, a retry) never
// make a burst alone.
//
// Input: the clicks of one message (for anonymous tokens: of one campaign from one truncated client address and
// User-Agent class) as time and link number, and how many tracked links the message has, the hidden trap link
// included. A message with fewer than two links has no bursts.
class BurstDetector
{
public:
    static constexpr qint64 WindowMs = 1000;
    static constexpr int MinimumDistinctLinks = 3;

    struct Click
    {
        qint64 atMs = 0;    // when it arrived, in milliseconds on any one clock
        int linkNumber = 0; // which of the message's tracked links
    };

    // One flag per click, in the order given (any order; they are sorted by time inside).
    static QList<bool> inBurst(const QList<Click>& clicks, int trackedLinks);
};

} // namespace herald
