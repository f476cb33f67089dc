#pragma once

#include "Database.h"
#include "KeysetPage.h"
#include "SqlDialect.h"
#include "domain/Error.h"
#include "domain/Suppression.h"

#include <QList>

#include <optional>

class QSqlQuery;

namespace herald {

// Where the next page of suppressions starts: after this (created_at, email).
struct SuppressionCursor
{
    QDateTime createdAt;
    QString email;
    bool isStart() const { return email.isEmpty(); }
};

using SuppressionPage = KeysetPage<Suppression, SuppressionCursor>;

// Which suppressions a list shows: those whose address contains the search text (ignoring case), of one reason or
// of any. A complete address also finds its erased entry (the AnonymisedEmail hash), which holds no text to match.
struct SuppressionFilter
{
    QString searchText;
    std::optional<SuppressionReason> reason;

    bool isEverything() const { return searchText.trimmed().isEmpty() && !reason; }
    bool operator==(const SuppressionFilter& other) const
    {
        return searchText == other.searchText && reason == other.reason;
    }
    bool operator!=(const SuppressionFilter& other) const { return !(*this == other); }
};

// SQL for the addresses that must never be mailed again. Addresses are kept normalized (trimmed, lower case),
// so every lookup ignores case.
class SuppressionRepository
{
public:
    explicit SuppressionRepository(Database& database);

    // Suppresses the address; true when it is new. An address already suppressed keeps its first entry (reason,
    // source and time) and is not an error. Normalizes suppression.email and, when new, fills in createdAt
    // (left unset, it is now).
    Result<bool> add(Suppression& suppression);
    // Lifts the suppression; true when there was one.
    Result<bool> remove(const QString& email);
    // Lifts the suppression of every address (or erased hash) given, all or none; the number lifted.
    Result<int> removeAll(const QStringList& emails);
    Result<Suppression> find(const QString& email);
    Result<bool> isSuppressed(const QString& email);
    // The suppressions the filter lets through (all of them by default).
    Result<qint64> count(const SuppressionFilter& filter = {});
    // Those the filter lets through, newest first (ties by email), a page at a time. The search is a substring
    // match no index serves: a page reads the newest rows until it has `limit` matches, a count reads them all.
    Result<SuppressionPage> page(const SuppressionFilter& filter, const SuppressionCursor& after, int limit);

private:
    static Suppression readRow(const QSqlQuery& query);

    Database& m_database;
    SqlDialect m_dialect;
};

} // namespace herald
