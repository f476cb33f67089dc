#pragma once

#include <QList>

namespace herald {

// One page of a list read with keyset pagination: the rows, where the following page starts, and whether this
// page was the last. Cursor is the repository's "after this sort key and id".
template<typename Row, typename Cursor>
struct KeysetPage
{
    QList<Row> rows;
    Cursor next; // pass back for the following page
    bool atEnd = false;

    // The page that reading at most `limit` rows after `after` gave; cursorOf(row) is where a page after row starts.
    template<typename CursorOf>
    static KeysetPage read(QList<Row> rows, const Cursor& after, int limit, CursorOf cursorOf)
    {
        KeysetPage page;
        page.atEnd = rows.size() < limit;
        page.next = rows.isEmpty() ? after : cursorOf(rows.last());
        page.rows = std::move(rows);
        return page;
    }
};

} // namespace herald
