#include "SuppressionRepository.h"

#include "BoundQuery.h"
#include "domain/AnonymisedEmail.h"
#include "domain/EmailAddress.h"

#include <QCoreApplication>

namespace herald {

namespace {
const QString SelectColumns = QStringLiteral("SELECT email, reason, source, created_at FROM suppressions ");
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

Result<qint64> SuppressionRepository::count()
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    BoundQuery query(db.value(), QStringLiteral("SELECT count(*) FROM suppressions"));
    if (auto done = query.execSingle(tr("Could not count the suppressions"), tr("Could not count the suppressions"));
        !done)
        return done.error();
    return query.value(0).toLongLong();
}

Result<SuppressionPage> SuppressionRepository::page(const SuppressionCursor& after, int limit)
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // Newest first, then by address: the two keys run in opposite directions, so no row-value comparison. The
    // first term bounds the scan of suppressions_created_idx; the second skips what the last page showed.
    const QString condition = after.isStart()
        ? QString()
        : QStringLiteral("WHERE created_at <= :after_at AND (created_at < :same_at OR email > :after_email) ");
    BoundQuery query(db.value(),
                     SelectColumns + condition + QStringLiteral("ORDER BY created_at DESC, email LIMIT :limit"));
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
