#pragma once

#include <QString>

namespace herald {

// Keeps a spreadsheet from evaluating a CSV cell Herald wrote (OWASP CSV injection): a cell starting with
// = + - @ tab or CR (a formula to Excel, LibreOffice, Google Sheets) is written behind a single quote, which
// spreadsheets read as "text"; reading strips that quote again, so what Herald exports it imports unchanged.
class SpreadsheetCell
{
public:
    // The cell as written: with a leading ' when it starts with a formula character, after any quotes of its own
    // (so that restored() gives back exactly this text).
    static QString neutralised(const QString& cell);
    // The cell as read: without the ' neutralised() put before a formula character; anything else unchanged.
    static QString restored(const QString& cell);
};

} // namespace herald
