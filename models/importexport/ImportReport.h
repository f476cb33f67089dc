#pragma once

#include "domain/Error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace herald {

// Why a row of an imported file was not stored.
enum class ImportProblem {
    BadEmail,
    MissingName,
    MissingKey, // no EIN when importing by EIN
    WrongColumnCount,
    InvalidUtf8,
    FieldTooLong,
    InvalidValue, // an EIN, status, reason or date that cannot be read
    UnterminatedQuote, // a quoted field never closed
    Duplicate, // the other key (EIN or email) belongs to another row
};

// The key written to files ("bad_email").
QString toString(ImportProblem problem);
// The problem's name for people ("Bad email address").
QString label(ImportProblem problem);

// One row of the file that was not stored.
struct RejectedRow
{
    qint64 line = 0; // physical line where the record starts
    ImportProblem problem = ImportProblem::InvalidValue;
    QString field; // the field at fault, when there is one
    QString message;

    // The message as reports show it: control characters of the values it quotes escaped ("\r\n"), one line.
    QString shownMessage() const;
};

// What an import did, as a value a dialog or the command line shows: rows added, updated, skipped because
// nothing changed, and every rejected row with its line and reason. Batches are committed whole, so when the
// import was cancelled or failed, everything up to committedThroughLine is stored and nothing after it.
struct ImportReport
{
    Q_DECLARE_TR_FUNCTIONS(herald::ImportReport)
public:
    qint64 added = 0;
    qint64 updated = 0;
    qint64 skipped = 0; // already there, unchanged
    qint64 markedUnmailable = 0; // addresses erased before: stored as unsubscribed
    QList<RejectedRow> rejected;
    qint64 batchesCommitted = 0;
    qint64 committedThroughLine = 0;
    bool cancelled = false;
    std::optional<Error> failure; // why the import stopped early

    bool completed() const { return !cancelled && !failure; }
    qint64 rowsRead() const { return added + updated + skipped + rejected.size(); }
    // "1,234 added, 5 updated, 0 skipped, 2 rejected" and how it ended.
    QString summary() const;
    // line,problem,field,message – one row per rejected row.
    Status writeRejectedCsv(const QString& path) const;
};

} // namespace herald
