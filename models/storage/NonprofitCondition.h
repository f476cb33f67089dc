#pragma once

#include "SqlDialect.h"
#include "domain/Audience.h"

#include <QList>
#include <QPair>
#include <QStringList>
#include <QVariant>

namespace herald {

class BoundQuery;

// The WHERE condition over nonprofits `n` that the table's search, saved segments and the send queue share:
// a text in the name, email, EIN or city; any of some tags; a region; a status. Values are bound, never spliced
// into the SQL.
class NonprofitCondition
{
public:
    explicit NonprofitCondition(Backend backend);

    // How SQLite finds a text: through its trigram search index (collects every match, then sorts), or by
    // LIKE on each row read (walking a sort order's index, it stops at the first page when matches are dense).
    // PostgreSQL's planner makes that choice itself.
    enum class TextSearch { Index, Scan };

    // Name, email or city contains the text ignoring case; EIN contains it when it is digits (dashes ignored).
    NonprofitCondition& containing(const QString& text, TextSearch how = TextSearch::Index);
    // Whether a scan finds the same rows as the search index: LIKE folds the case of ASCII letters only.
    static bool scanAgreesWithIndex(const QString& text);
    // SQLite: the FTS5 query for the text in the search index, and the ids of the rows the index names for
    // the query bound to `placeholder`, in the index's order.
    static QString indexQuery(const QString& text);
    static QString indexRows(const QString& placeholder);
    NonprofitCondition& matching(const Audience& audience);
    NonprofitCondition& withStatus(NonprofitStatus status);

    // The condition ("1 = 1" when nothing was asked), for after WHERE or AND.
    QString sql() const;
    void bindTo(BoundQuery& query) const;

private:
    QString placeholder(const QVariant& value);
    // The FTS5 query for SQLite's search index: the text in name, email or city, or the digits in the EIN.
    static QString searchQuery(const QString& text, const QString& einDigits);

    SqlDialect m_dialect;
    QStringList m_parts;
    QList<QPair<QString, QVariant>> m_values;
};

} // namespace herald
