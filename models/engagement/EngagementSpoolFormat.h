#pragma once

#include "EngagementRecord.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>

#include <optional>

namespace herald {

// How an event is written in `herald serve`'s spool: one line of PostgreSQL COPY's text format per event, in
// engagement_events' column order, so a spooled segment goes to COPY as it is (PostgresCopy::addFormattedRows) and
// the request thread formats each event once. Reading a segment keeps the well-formed lines only: the last line of a
// segment cut off by a kill -9 (no newline yet) and anything else that is not an event are skipped and counted.
class EngagementSpoolFormat
{
public:
    // engagement_events' columns, in the order of a line's fields.
    static const QStringList& columns();

    static void append(QByteArray& out, const EngagementRecord& event);

    struct Lines
    {
        QByteArray rows;       // the well-formed lines, each with its newline
        qsizetype count = 0;   // events in `rows`
        qsizetype skipped = 0; // lines that were not events (a cut-off last line counts)
    };
    static Lines wellFormed(const QByteArray& segment);

    // One well-formed line (without its newline) as an event.
    static std::optional<EngagementRecord> parse(QByteArrayView line);
};

} // namespace herald
