#include "SuppressionRepository.h"

#include "BoundQuery.h"
#include "JsonRows.h"
#include "domain/AnonymisedEmail.h"
#include "domain/EmailAddress.h"

#include <QCoreApplication>

namespace herald {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("SuppressionRepository", text); }

const QString SelectColumns = QStringLiteral("SELECT email, reason, source, created_at FROM suppressions ");

// The WHERE clause of a list and the values of its placeholders (each used once: the PostgreSQL driver binds
// positionally).
class SuppressionConditions
{
public:
    SuppressionConditions(const SqlDialect& dialect, const SuppressionFilter& filter)
    {
        const QString text = EmailAddress::normalized(filter.searchText);
        if (!text.isEmpty()) {
            // Addresses are stored in lower case (the table's CHECK), and so is the text.
            QString search = dialect.containsText(QStringLiteral("email"), value(text));
            if (EmailAddress::problem(text).isEmpty())
                search += QStringLiteral(" OR email = %1").arg(value(AnonymisedEmail::of(text)));
            m_terms << QStringLiteral("(%1)").arg(search);
        }
        if (filter.reason)
            m_terms << QStringLiteral("reason = %1").arg(value(toString(*filter.reason)));
    }

    // Adds a term whose placeholders the caller binds.
    void add(const QString& term) { m_terms << term; }
    QString where() const
    {
        return m_terms.isEmpty() ? QString() : QStringLiteral("WHERE %1 ").arg(m_terms.join(QStringLiteral(" AND ")));
    }
    void bindTo(BoundQuery& query) const
    {
        for (const auto& [placeholder, bound] : m_values)
            query.bind(placeholder, bound);
    }

private:
    QString value(const QVariant& bound)
    {
        const QString placeholder = QStringLiteral(":sf%1").arg(m_values.size() + 1);
        m_values.append({ placeholder, bound });
        return placeholder;
    }

    QStringList m_terms;
    QList<std::pair<QString, QVariant>> m_values;
};
} // namespace

SuppressionRepository::SuppressionRepository(Database& database) : m_database(database), m_dialect(database.backend())
{
}

Suppression SuppressionRepository::readRow(const QSqlQuery& query)
{
    Suppression row;
    row.email = query.value(0).toString();
    fromString(query.value(1).toString(), &row.reason);
    row.source = query.value(2).toString();
    row.createdAt = SqlDialect::readTimestamp(query.value(3));
    return row;
}

Result<bool> SuppressionRepository::add(Suppression& suppression)
{
    suppression.email = EmailAddress::normalized(suppression.email);
    // An erased address is suppressed by its hash (AnonymisedEmail), which is no address.
    const QString problem =
        AnonymisedEmail::isAnonymised(suppression.email) ? QString() : EmailAddress::problem(suppression.email);
    if (!problem.isEmpty())
        return Error::validation(QStringLiteral("email"),
                                 tr("Email '%1' %2, so it cannot be suppressed.").arg(suppression.email, problem));
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("INSERT INTO suppressions (email, reason, source, created_at) "
                                                "VALUES (:email, :reason, :source, COALESCE(:created_at, %1)) "
                                                "ON CONFLICT (email) DO NOTHING RETURNING created_at")
                                     .arg(m_dialect.now()));
    query.bind(QStringLiteral(":email"), suppression.email)
        .bind(QStringLiteral(":reason"), toString(suppression.reason))
        .bind(QStringLiteral(":source"), suppression.source)
        .bind(QStringLiteral(":created_at"), m_dialect.timestamp(suppression.createdAt));
    if (auto done = query.exec(tr("Could not suppress '%1'").arg(suppression.email)); !done)
        return done.error();
    if (!query.next())
        return false; // already suppressed: the first entry stays
    suppression.createdAt = SqlDialect::readTimestamp(query.value(0));
    query.finish();
    return true;
}

Result<bool> SuppressionRepository::remove(const QString& email)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("DELETE FROM suppressions WHERE email = :email"));
    query.bind(QStringLiteral(":email"), EmailAddress::normalized(email));
    if (auto done = query.exec(tr("Could not lift the suppression of '%1'").arg(email)); !done)
        return done.error();
    return query.numRowsAffected() > 0;
}

Result<int> SuppressionRepository::removeAll(const QStringList& emails)
{
    if (emails.isEmpty())
        return 0;
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    QJsonArray normalized;
    for (const QString& email : emails)
        normalized.append(EmailAddress::normalized(email));
    // One statement: the selection is lifted whole or not at all.
    BoundQuery query(db.value(), QStringLiteral("DELETE FROM suppressions WHERE email IN (SELECT v.value FROM %1)")
                                     .arg(JsonRows::values(m_dialect, QStringLiteral(":emails"))));
    query.bind(QStringLiteral(":emails"), JsonRows::text(normalized));
    const QString what = QCoreApplication::translate(
        "SuppressionRepository", "Could not lift the suppression of %n address(es)", nullptr, int(emails.size()));
    if (auto done = query.exec(what); !done)
        return done.error();
    return query.numRowsAffected();
}

Result<Suppression> SuppressionRepository::find(const QString& email)
{
    return BoundQuery::selectOne(m_database, SelectColumns + QStringLiteral("WHERE email = :key"),
                                 EmailAddress::normalized(email),
                                 tr("Could not look up the suppression of '%1'").arg(email),
                                 tr("'%1' is not suppressed.").arg(email), &SuppressionRepository::readRow);
}

Result<bool> SuppressionRepository::isSuppressed(const QString& email)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // An erased address is suppressed by its anonymised key only.
    BoundQuery query(db.value(), QStringLiteral("SELECT 1 FROM suppressions WHERE email IN (:email, :erased)"));
    query.bind(QStringLiteral(":email"), EmailAddress::normalized(email))
        .bind(QStringLiteral(":erased"), AnonymisedEmail::of(email));
    if (auto done = query.exec(tr("Could not look up the suppression of '%1'").arg(email)); !done)
        return done.error();
    return query.next();
}

Result<qint64> SuppressionRepository::count(const SuppressionFilter& filter)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const SuppressionConditions conditions(m_dialect, filter);
    BoundQuery query(db.value(), QStringLiteral("SELECT count(*) FROM suppressions ") + conditions.where());
    conditions.bindTo(query);
    if (auto done = query.execSingle(tr("Could not count the suppressions"), tr("Could not count the suppressions"));
        !done)
        return done.error();
    return query.value(0).toLongLong();
}

Result<SuppressionPage> SuppressionRepository::page(const SuppressionFilter& filter, const SuppressionCursor& after,
                                                   int limit)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // Newest first, then by address: the two keys run in opposite directions, so no row-value comparison. The
    // first term bounds the scan of suppressions_created_idx; the second skips what the last page showed.
    SuppressionConditions conditions(m_dialect, filter);
    if (!after.isStart())
        conditions.add(QStringLiteral("created_at <= :after_at AND (created_at < :same_at OR email > :after_email)"));
    // A search matches anywhere in the address, so no index finds the matches. Walking suppressions_created_idx
    // until a page is full is quick when many match and slow when few do (SQLite: a table lookup per entry, seconds
    // on a million); reading the table once and keeping the newest matches takes a bounded time either way. "+"
    // keeps SQLite off the index; PostgreSQL's planner weighs the two itself.
    const bool scan = !m_dialect.isPostgres() && !EmailAddress::normalized(filter.searchText).isEmpty();
    BoundQuery query(db.value(), SelectColumns + conditions.where()
                                     + QStringLiteral("ORDER BY %1created_at DESC, email LIMIT :limit")
                                           .arg(scan ? QStringLiteral("+") : QString()));
    conditions.bindTo(query);
    if (!after.isStart()) {
        const QVariant at = m_dialect.timestamp(after.createdAt);
        query.bind(QStringLiteral(":after_at"), at)
            .bind(QStringLiteral(":same_at"), at)
            .bind(QStringLiteral(":after_email"), after.email);
    }
    query.bind(QStringLiteral(":limit"), limit);
    auto rows = query.readAll(tr("Could not read the suppressions"), &SuppressionRepository::readRow);
    if (!rows)
        return rows.error();
    return SuppressionPage::read(std::move(rows.value()), after, limit, [](const Suppression& row) {
        return SuppressionCursor{row.createdAt, row.email};
    });
}

} // namespace herald
