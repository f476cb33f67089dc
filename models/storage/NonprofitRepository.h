#pragma once

#include "Database.h"
#include "KeysetPage.h"
#include "NonprofitCondition.h"
#include "SqlDialect.h"
#include "domain/Audience.h"
#include "domain/Error.h"
#include "domain/Nonprofit.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QVariant>

namespace herald {

// What the nonprofits table shows: a filter and a sort order, answered by the database.
struct NonprofitQuery
{
    enum class SortColumn { Name, Email, Ein, City, Region, Country, Status, Updated };
    // Each sort column with its name for the command line ("name", "email", … "updated"), in enum order.
    static const QList<QPair<QString, SortColumn>>& sortColumnNames();
    QString searchText; // substring of name, email, EIN or city, case-insensitive
    Audience segment; // a saved segment's conditions (tags, region, status, text), AND-ed with searchText
    SortColumn sortColumn = SortColumn::Name;
    bool descending = false;
};

// Where the next keyset page starts: after this sort key and id.
struct NonprofitCursor
{
    // Whether the search text matches many rows (NonprofitRepository::FewMatches or more), as the first page
    // found out: the later pages of the same query go the same way without asking again.
    enum class Matches { Unknown, Few, Many };

    QVariant sortKey;
    qint64 id = 0;
    Matches matches = Matches::Unknown;
    bool isStart() const { return id == 0; }
};

using NonprofitPage = KeysetPage<Nonprofit, NonprofitCursor>;

// SQL for nonprofits and their tags. Every method uses this thread's connection of the database.
class NonprofitRepository
{
    Q_DECLARE_TR_FUNCTIONS(herald::NonprofitRepository)
public:
    explicit NonprofitRepository(Database& database);

    // Validates, stores and fills in id, version and timestamps.
    Status insert(Nonprofit& nonprofit);
    // Stores the edit if nobody changed the row since it was read (nonprofit.version); bumps version.
    Status update(Nonprofit& nonprofit);
    Result<Nonprofit> find(qint64 id);
    Result<Nonprofit> findByEmail(const QString& email);
    // Deletes the rows in one transaction; returns how many were deleted.
    Result<int> remove(const QList<qint64>& ids);
    // Adds or removes tags on many rows in one transaction; each changed row's version goes up, so an
    // editor holding the old version sees the change. Returns the number of rows changed.
    Result<int> addTags(const QList<qint64>& ids, const QStringList& tags);
    Result<int> removeTags(const QList<qint64>& ids, const QStringList& tags);

    Result<qint64> count(const NonprofitQuery& query);
    Result<NonprofitPage> page(const NonprofitQuery& query, const NonprofitCursor& after, int limit);

private:
    static constexpr int FewMatches = 20000;

    Status writeTags(const QSqlDatabase& db, qint64 id, const QStringList& tags);
    Result<int> changeTags(const QList<qint64>& ids, const QStringList& tags, bool add);
    Error duplicateError(const Nonprofit& nonprofit, const QSqlError& error);
    NonprofitCondition filterCondition(const NonprofitQuery& query,
                                       NonprofitCondition::TextSearch how = NonprofitCondition::TextSearch::Index) const;
    // Whether the search text matches FewMatches rows or more, counting no further: PostgreSQL counts the rows
    // of the whole filter, SQLite (a text and nothing else asked, that LIKE finds alike) the rows its search
    // index names. Unknown when there is nothing to choose.
    Result<NonprofitCursor::Matches> countMatches(const QSqlDatabase& db, const NonprofitQuery& query);
    Status keepErasedAddressUnmailable(const QSqlDatabase& db, Nonprofit& nonprofit);
    QString sortKeyExpression(NonprofitQuery::SortColumn column) const;
    QString selectColumns() const;
    static Nonprofit readRow(const QSqlQuery& query, const SqlDialect& dialect);

    Database& m_database;
    SqlDialect m_dialect;
};

} // namespace herald
